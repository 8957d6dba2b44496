package org.morgue.system;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tasks of one job on the shared bulk threads ({@link Workers#bulk(int)}): at most
 * its parallelism run or wait at once, so a job never floods the pool's queue and others
 * get their turn between its tasks. The first task that fails stops the job: later
 * submissions and {@link #await()} throw its exception.
 * <p>
 * Driven by one thread, the job's, which submits and awaits.
 */
public final class ParallelWork {

	private final Executor threads;

	private final int parallelism;

	private final Semaphore slots;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private volatile boolean cancelled;

	ParallelWork(Executor threads, int parallelism) {
		this.threads = threads;
		this.parallelism = parallelism;
		this.slots = new Semaphore(parallelism);
	}

	/** How many of this job's tasks may run at once. */
	public int parallelism() {
		return parallelism;
	}

	/**
	 * Runs the task on a bulk thread, waiting first for one of this job's slots.
	 * @throws ExecutionException when an earlier task failed (the task is not run)
	 * @throws InterruptedException when the job's thread is interrupted while waiting
	 */
	public void submit(Task task) throws InterruptedException, ExecutionException {
		slots.acquire();
		if (failure.get() != null || cancelled) {
			slots.release();
			rethrow();
			return;
		}
		try {
			threads.execute(() -> {
				try {
					if (failure.get() == null && !cancelled) {
						task.run();
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
				finally {
					slots.release();
				}
			});
		}
		catch (RuntimeException ex) {
			// The pool was shut down: the application is stopping.
			slots.release();
			throw new ExecutionException(ex);
		}
	}

	/**
	 * Waits until every submitted task has finished.
	 * @throws ExecutionException when one failed
	 */
	public void await() throws InterruptedException, ExecutionException {
		slots.acquire(parallelism);
		slots.release(parallelism);
		rethrow();
	}

	/** Tasks not started yet are skipped; those running finish. */
	public void cancel() {
		cancelled = true;
	}

	private void rethrow() throws ExecutionException {
		Throwable failed = failure.get();
		if (failed != null) {
			throw new ExecutionException(failed);
		}
	}

	/** A task of a job, which may fail with any exception. */
	@FunctionalInterface
	public interface Task {

		void run() throws Exception;

	}

}
