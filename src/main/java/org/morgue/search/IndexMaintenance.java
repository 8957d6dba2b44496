package org.morgue.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleVersion;
import org.morgue.system.ParallelWork;
import org.morgue.system.WorkProgress;
import org.morgue.system.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the search index trustworthy, whichever engine holds it ({@link SearchBackend}):
 * rebuilds it from PostgreSQL (at start when it is missing, unreadable or of an older
 * schema, or when an administrator asks) while searches go on against the old one, and
 * compares it with PostgreSQL, repairing any difference. One task runs at a time, in the
 * background; progress is reported with counts, rate and time left.
 */
@Service
public class IndexMaintenance {

	private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

	private static final int CHECK_BATCH = 10_000;

	private static final Duration LOG_EVERY = Duration.ofSeconds(10);

	private final SearchBackend index;

	private final ArticleService articles;

	private final IndexedArticles indexed;

	private final SearchProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Workers workers;

	/** The thread of the rebuild or check under way, if any. */
	private volatile Thread task;

	private volatile WorkProgress progress = WorkProgress.idle();

	private volatile ConsistencyReport lastCheck;

	private volatile boolean busy;

	IndexMaintenance(SearchBackend index, ArticleService articles, IndexedArticles indexed, SearchProperties properties,
			Workers workers) {
		this.index = index;
		this.workers = workers;
		this.articles = articles;
		this.indexed = indexed;
		this.properties = properties;
	}

	/**
	 * Removes the search index kept under a data directory, for an archive that is not
	 * running there: after its database was restored from a backup the index belongs to
	 * another state of the archive, and without one the next start rebuilds it from
	 * PostgreSQL.
	 * @return whether there was an index to remove
	 * @throws IndexInUseException when a running process has the index open
	 */
	public static boolean discard(Path dataDir) throws IOException {
		return ArticleIndex.discard(dataDir.resolve("index"));
	}

	/**
	 * At start: rebuild an index that needs it, or else check the one there against
	 * PostgreSQL.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		String reason = index.rebuildReason();
		if (reason != null) {
			startRebuild(reason);
		}
		else if (properties.checkOnStart()) {
			startCheck();
		}
		else if (!index.closedCleanly()) {
			// Index changes since the last commit are lost, though their events are done.
			log.warn("The search index was not closed when the archive last stopped: checking it against PostgreSQL");
			startCheck();
		}
	}

	/**
	 * Starts rebuilding the index from PostgreSQL in the background.
	 * @return false when a rebuild or check is already running
	 */
	public synchronized boolean startRebuild(String reason) {
		if (busy) {
			return false;
		}
		busy = true;
		progress = WorkProgress.running(reason, Instant.now(clock), 0, 0, clock);
		task = workers.startJob("index-rebuild", () -> {
			try {
				rebuild(reason);
			}
			finally {
				busy = false;
			}
		});
		return true;
	}

	/**
	 * Starts comparing the index with PostgreSQL, and repairing it, in the background.
	 * @return false when a rebuild or check is already running
	 */
	public synchronized boolean startCheck() {
		if (busy) {
			return false;
		}
		busy = true;
		task = workers.startJob("index-check", () -> {
			try {
				checkAndRepair();
			}
			catch (RuntimeException ex) {
				log.error("The consistency check of the search index failed", ex);
			}
			finally {
				busy = false;
			}
		});
		return true;
	}

	/**
	 * Compares the index in service with PostgreSQL now and repairs what differs; a
	 * repair is committed to disk before this returns.
	 */
	public ConsistencyReport checkAndRepair() {
		SearchBackend.Target serving = index.serving();
		if (serving == null) {
			throw new IllegalStateException("There is no index to check while the first one is being built.");
		}
		ConsistencyReport report = compareAndRepair(serving);
		lastCheck = report;
		if (!report.wasConsistent()) {
			log.warn("The search index differed from PostgreSQL and was repaired: {} missing, {} stale, {} extra",
					report.missing(), report.stale(), report.extra());
			// The repair is committed at once, not at the next scheduled commit: an
			// archive that loses power again before then would otherwise repair the same
			// articles at every start, and more each time.
			index.commitIfChanged();
		}
		return report;
	}

	public WorkProgress progress() {
		return progress;
	}

	public boolean busy() {
		return busy;
	}

	public IndexStatus status() {
		return new IndexStatus(index.available(), index.documents(), index.location(), index.schemaVersion(),
				index.rebuildReason(), progress, lastCheck);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		Thread running = task;
		if (running != null) {
			running.interrupt();
			running.join(TimeUnit.SECONDS.toMillis(30));
		}
	}

	private void rebuild(String reason) {
		Instant started = Instant.now(clock);
		long total = articles.count();
		AtomicLong done = new AtomicLong();
		progress = running(reason, started, 0, total);
		log.info("Rebuilding the search index from PostgreSQL ({}): {} articles", reason, total);
		SearchBackend.Target target;
		try {
			target = index.beginBuild();
		}
		catch (IOException | RuntimeException ex) {
			fail(reason, started, 0, total, ex);
			return;
		}
		// A batch at a time on the shared bulk threads: reading the next batch from
		// PostgreSQL
		// overlaps with indexing the ones before, and other jobs get their turn between
		// batches.
		ParallelWork work = workers.bulk(properties.effectiveRebuildThreads());
		try {
			Instant lastLog = started;
			long after = 0;
			for (List<IndexedArticle> batch = indexed.after(after, properties.rebuildBatchSize()); !batch
				.isEmpty(); batch = indexed.after(after, properties.rebuildBatchSize())) {
				List<IndexedArticle> articlesOfBatch = batch;
				work.submit(() -> {
					for (IndexedArticle article : articlesOfBatch) {
						target.update(article);
					}
					done.addAndGet(articlesOfBatch.size());
				});
				after = batch.get(batch.size() - 1).id();
				progress = running(reason, started, done.get(), total);
				if (Duration.between(lastLog, Instant.now(clock)).compareTo(LOG_EVERY) >= 0) {
					lastLog = Instant.now(clock);
					log.info("Rebuilding the search index: {}/{} ({}%), {} articles/s, about {} left", done.get(),
							total, progress.percent(), Math.round(progress.perSecond()), progress.remaining());
				}
			}
			work.await();
			if (properties.segmentsAfterRebuild() > 0) {
				log.info("Merging the rebuilt index down to {} segments", properties.segmentsAfterRebuild());
			}
			index.finishBuild(target, properties.segmentsAfterRebuild());
			// Changes that raced with the copy (an article edited after it was read) are
			// put right.
			ConsistencyReport repaired = compareAndRepair(target);
			index.completeBuild(target);
			progress = running(reason, started, done.get(), total).finished(done.get(), clock);
			lastCheck = repaired;
			log.info("Rebuilt the search index: {} articles in {} ({} articles/s)", done.get(),
					Duration.between(started, progress.finishedAt()), Math.round(progress.perSecond()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			index.abandonBuild(target);
			fail(reason, started, done.get(), total, ex);
		}
		catch (ExecutionException | IOException | RuntimeException ex) {
			index.abandonBuild(target);
			fail(reason, started, done.get(), total, (ex instanceof ExecutionException) ? ex.getCause() : ex);
		}
		finally {
			work.cancel();
		}
	}

	private WorkProgress running(String reason, Instant started, long done, long total) {
		return WorkProgress.running(reason, started, done, total, clock);
	}

	private void fail(String reason, Instant started, long done, long total, Throwable ex) {
		log.error("Rebuilding the search index failed; the old index (if any) stays in service", ex);
		progress = running(reason, started, done, total).failed(done, String.valueOf(ex.getMessage()), clock);
	}

	/**
	 * Walks the ids and versions in PostgreSQL and in the index side by side (both sorted
	 * by id) and re-indexes or removes what differs.
	 */
	private ConsistencyReport compareAndRepair(SearchBackend.Target target) {
		Instant started = Instant.now(clock);
		target.refresh();
		IndexedVersions indexed = target.versions();
		long checked = 0;
		long missing = 0;
		long stale = 0;
		long extra = 0;
		int cursor = 0;
		long after = 0;
		List<Long> toIndex = new ArrayList<>();
		for (List<ArticleVersion> batch = articles.versionsAfter(after, CHECK_BATCH); !batch.isEmpty(); batch = articles
			.versionsAfter(after, CHECK_BATCH)) {
			for (ArticleVersion row : batch) {
				while (cursor < indexed.size() && indexed.id(cursor) < row.id()) {
					target.delete(indexed.id(cursor++));
					extra++;
				}
				if (cursor < indexed.size() && indexed.id(cursor) == row.id()) {
					if (indexed.version(cursor) != row.version()) {
						toIndex.add(row.id());
						stale++;
					}
					cursor++;
				}
				else {
					toIndex.add(row.id());
					missing++;
				}
				checked++;
			}
			after = batch.get(batch.size() - 1).id();
			reindex(toIndex, target);
		}
		while (cursor < indexed.size()) {
			target.delete(indexed.id(cursor++));
			extra++;
		}
		reindex(toIndex, target);
		target.refresh();
		return new ConsistencyReport(checked, missing, stale, extra, Instant.now(clock),
				Duration.between(started, Instant.now(clock)));
	}

	private void reindex(List<Long> ids, SearchBackend.Target target) {
		for (int from = 0; from < ids.size(); from += properties.rebuildBatchSize()) {
			indexed.load(ids.subList(from, Math.min(ids.size(), from + properties.rebuildBatchSize())))
				.forEach(target::update);
		}
		ids.clear();
	}

}
