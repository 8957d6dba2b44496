package org.morgue.system;

import java.time.Clock;

import org.springframework.context.SmartLifecycle;

/**
 * A long piece of work that runs in the background, one run at a time, such as a backlog:
 * started on request or at start, stopped with the application, and its progress kept for
 * the people waiting on it. A subclass does the work in {@link #run(String)}, reports
 * with {@link #report(WorkProgress)} and ends soon once {@link #stopping()}.
 * <p>
 * One run at a time across the archive nodes on one database, too: a run works only while
 * it holds the job's claim ({@link WorkClaims}, named as the job's thread). A run started
 * while another node holds it waits, saying so in its progress, and tries again every
 * heartbeat: when the other node finishes, this one finds what is left (little, or what
 * came since), and when the other node dies, this one takes its claim once its lease runs
 * out and does the work the other left. A run that loses its claim (the node could not
 * renew it in time) stops as it would when the application stops.
 */
public abstract class BackgroundJob implements SmartLifecycle {

	private final String name;

	private final Workers workers;

	private final WorkClaims claims;

	/** The clock the progress is timed by. */
	protected final Clock clock;

	private volatile WorkProgress progress = WorkProgress.idle();

	private volatile Thread runner;

	private volatile boolean running;

	/** Whether a run holds the job's claim now. */
	private volatile boolean claimed;

	/**
	 * @param name the name of the thread that runs the job
	 */
	protected BackgroundJob(String name, Workers workers, WorkClaims claims, Clock clock) {
		this.name = name;
		this.workers = workers;
		this.claims = claims;
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
		runner = workers.startJob(name, () -> runClaimed(reason));
		return true;
	}

	private void runClaimed(String reason) {
		try {
			while (!claims.claim(name, reason)) {
				if (!running) {
					progress = progress.failed(0, "The archive stopped before the run could start", clock);
					return;
				}
				String holder = claims.holder(name).map(WorkClaims.WorkClaim::holder).orElse("another node");
				progress = WorkProgress.running("waiting: node " + holder + " is at it (" + reason + ")",
						progress.startedAt(), 0, 0, clock);
				Thread.sleep(claims.heartbeat().toMillis());
			}
		}
		catch (InterruptedException ex) {
			progress = progress.failed(0, "The archive stopped before the run could start", clock);
			return;
		}
		catch (RuntimeException ex) {
			// the database is away, say
			progress = progress.failed(0, "The run could not be claimed: " + ex.getMessage(), clock);
			return;
		}
		claimed = true;
		try {
			progress = WorkProgress.running(reason, clock.instant(), 0, 0, clock);
			run(reason);
		}
		finally {
			claimed = false;
			claims.release(name);
		}
	}

	/** Does the work, on the job's own thread. */
	protected abstract void run(String reason);

	/** Tells those waiting where the run stands. */
	protected final void report(WorkProgress now) {
		progress = now;
	}

	/**
	 * Whether the application is stopping, or this node lost the job's claim, so that the
	 * run should end.
	 */
	protected final boolean stopping() {
		return !running || (claimed && !claims.holds(name));
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
