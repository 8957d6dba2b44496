package org.morgue.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every thread the archive starts for its own work, in one place, so that the pools are
 * sized together for the machine instead of each taking a thread per core on its own:
 * <ul>
 * <li>{@link #search()}: searches slices of the index in parallel and reads and
 * highlights the halves of a long page ({@code morgue.threads.search}, one per
 * core);</li>
 * <li>{@link #bulk(int)}: the threads long jobs share, a task at a time, so that an index
 * rebuild, the entity backlog and an import's preparation take turns on the cores instead
 * of outnumbering them ({@code morgue.threads.bulk}, one per core);</li>
 * <li>{@link #startJob}: the one thread that drives a long job (a rebuild, a check, a
 * backlog, an import) and waits on its tasks;</li>
 * <li>{@link #timer()}: delayed starts, such as the entity backlog's quiet period.</li>
 * </ul>
 * Listeners that follow committed changes run on Spring Boot's task executor
 * ({@code spring.task.execution.*}), slow ones such as entity analysis of saved articles
 * one at a time ({@link #ONE_AT_A_TIME}); Lucene and Tomcat keep their own threads.
 * <p>
 * Thread-safe. Every pool stops when the application context closes.
 */
@Component
public class Workers implements AutoCloseable {

	/**
	 * The executor ({@code @Async(Workers.ONE_AT_A_TIME)}) of listeners whose work is
	 * slow and must not hold up the others, such as indexing: one thread, in the order
	 * the events came.
	 */
	public static final String ONE_AT_A_TIME = "oneAtATimeExecutor";

	private final ThreadProperties properties;

	private final ExecutorService search;

	private final ExecutorService bulk;

	private final ScheduledExecutorService timer;

	private final Set<Thread> jobs = ConcurrentHashMap.newKeySet();

	/**
	 * Pools of these sizes (0 for one thread per core), for use outside an application
	 * context.
	 */
	public Workers(int searchThreads, int bulkThreads) {
		this(new ThreadProperties(searchThreads, bulkThreads));
	}

	@Autowired
	Workers(ThreadProperties properties) {
		this.properties = properties;
		this.search = Executors.newFixedThreadPool(properties.effectiveSearch(), named("search-"));
		this.bulk = Executors.newFixedThreadPool(properties.effectiveBulk(), runnable -> new BulkThread(runnable));
		this.timer = Executors.newSingleThreadScheduledExecutor(named("timer-"));
	}

	/** The threads searches run on, besides the request's own. */
	public ExecutorService search() {
		return search;
	}

	/**
	 * How many threads search; a request splits its work into no more parts than this,
	 * and its own.
	 */
	public int searchThreads() {
		return properties.effectiveSearch();
	}

	/**
	 * A job's share of the bulk threads: at most {@code parallelism} of its tasks run at
	 * once (no more than there are bulk threads), the others wait for a turn.
	 */
	public ParallelWork bulk(int parallelism) {
		return new ParallelWork(bulk, Math.max(1, Math.min(parallelism, properties.effectiveBulk())));
	}

	/**
	 * Applies the function to every item on the bulk threads, in as many parts as there
	 * are threads, keeping the order: for a batch that one caller waits for while it does
	 * something else.
	 */
	public <I, O> CompletableFuture<List<O>> map(List<I> items, Function<? super I, ? extends O> function) {
		if (Thread.currentThread() instanceof BulkThread) {
			// Waiting here for other bulk tasks could wait for ever with every bulk
			// thread waiting too.
			return CompletableFuture.completedFuture(items.stream().<O>map(function).toList());
		}
		int parts = Math.max(1, Math.min(items.size(), properties.effectiveBulk()));
		int size = (items.size() + parts - 1) / Math.max(1, parts);
		List<CompletableFuture<List<O>>> chunks = new ArrayList<>(parts);
		for (int from = 0; from < items.size() || chunks.isEmpty(); from += Math.max(1, size)) {
			List<I> chunk = items.subList(Math.min(from, items.size()), Math.min(items.size(), from + size));
			chunks.add(CompletableFuture.supplyAsync(() -> chunk.stream().<O>map(function).toList(), bulk));
		}
		return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new)).thenApply(done -> {
			List<O> all = new ArrayList<>(items.size());
			chunks.forEach(chunk -> all.addAll(chunk.join()));
			return all;
		});
	}

	/**
	 * How many bulk threads there are: the parallelism a job gets when it asks for all.
	 */
	public int bulkThreads() {
		return properties.effectiveBulk();
	}

	/**
	 * Starts the thread that drives one long job. It is interrupted when the application
	 * stops; a job should end soon after.
	 */
	public Thread startJob(String name, Runnable job) {
		Thread thread = new Thread(() -> {
			try {
				job.run();
			}
			finally {
				jobs.remove(Thread.currentThread());
			}
		}, name);
		thread.setDaemon(true);
		jobs.add(thread);
		thread.start();
		return thread;
	}

	/** For work that starts later, and briefly. */
	public ScheduledExecutorService timer() {
		return timer;
	}

	@Override
	@PreDestroy
	public void close() throws InterruptedException {
		timer.shutdownNow();
		List<Thread> running = List.copyOf(jobs);
		running.forEach(Thread::interrupt);
		bulk.shutdownNow();
		search.shutdownNow();
		for (Thread job : running) {
			job.join(TimeUnit.SECONDS.toMillis(10));
		}
	}

	/** A thread of the bulk pool, so that work on it is not split onto the pool again. */
	private static final class BulkThread extends Thread {

		private static final AtomicInteger COUNT = new AtomicInteger();

		BulkThread(Runnable runnable) {
			super(runnable, "bulk-" + COUNT.incrementAndGet());
			setDaemon(true);
		}

	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
