package org.morgue.system;

import java.time.Clock;

import org.springframework.context.SmartLifecycle;

/**
 * A long piece of work that runs in the background, one run at a time, such as a backlog:
 * started on request or at start, stopped with the application, and its progress kept for
 * the people waiting on it. A subclass does the work in {@link #run(String)}, reports
 * with {@link #report(WorkProgress)} and ends soon once {@link #stopping()}.
 */
public abstract class BackgroundJob implements SmartLifecycle {

	private final String name;

	private final Workers workers;

	/** The clock the progress is timed by. */
	protected final Clock clock;

	private volatile WorkProgress progress = WorkProgress.idle();

	private volatile Thread runner;

	private volatile boolean running;

	/**
	 * @param name the name of the thread that runs the job
	 */
	protected BackgroundJob(String name, Workers workers, Clock clock) {
		this.name = name;
		this.workers = workers;
		this.clock = clock;
	}

	/** Where the job stands. */
	public WorkProgress progress() {
		return progress;
	}

	/**
	 * Starts the job in the background, unless a run is under way or the application is
	 * stopping.
	 * @return whether it started
	 */
	public synchronized boolean start(String reason) {
		if (progress.running() || !running) {
			return false;
		}
		progress = WorkProgress.running(reason, clock.instant(), 0, 0, clock);
		runner = workers.startJob(name, () -> run(reason));
		return true;
	}

	/** Does the work, on the job's own thread. */
	protected abstract void run(String reason);

	/** Tells those waiting where the run stands. */
	protected final void report(WorkProgress now) {
		progress = now;
	}

	/** Whether the application is stopping, so that the run should end. */
	protected final boolean stopping() {
		return !running;
	}

	/**
	 * Called as the application stops, before waiting for the run to end: for a job to
	 * cancel what it handed to other threads.
	 */
	protected void cancel() {
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		cancel();
		Thread thread = runner;
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
