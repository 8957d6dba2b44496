package org.morgue.ner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleVersion;
import org.morgue.system.BackgroundJob;
import org.morgue.system.ParallelWork;
import org.morgue.system.WorkProgress;
import org.morgue.system.WorkClaims;
import org.morgue.system.Workers;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Works off the articles waiting for analysis: never analysed (after a bulk import, or a
 * crash before the publication log existed), analysed at an older version, or by an older
 * extractor. Runs in the background on the shared bulk threads and reports its progress
 * to administrators.
 */
@Component
public class EntityBacklog extends BackgroundJob {

	private static final Log logger = LogFactory.getLog(EntityBacklog.class);

	private static final int SCAN_BATCH = 5_000;

	/** How long imports must have been quiet before queued articles are analysed. */
	static final Duration QUIET = Duration.ofSeconds(5);

	private final EntityAnalysis analysis;

	private final EntityStore store;

	private final ArticleService articles;

	private final NerProperties properties;

	private final Workers workers;

	private volatile ParallelWork work;

	private final AtomicBoolean queued = new AtomicBoolean();

	private volatile long lastQueued;

	EntityBacklog(EntityAnalysis analysis, EntityStore store, ArticleService articles, NerProperties properties,
			Workers workers, WorkClaims claims, Optional<Clock> clock) {
		super("entity-backlog", workers, claims, clock.orElse(Clock.systemUTC()));
		this.workers = workers;
		this.analysis = analysis;
		this.store = store;
		this.articles = articles;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (!properties.enabled()) {
			return;
		}
		if (properties.backlogOnStart()) {
			start("start-up");
		}
		else {
			// Loading the models takes seconds: do it now rather than when the first
			// story arrives.
			workers.startJob("entity-models", analysis::warmUp);
		}
	}

	/**
	 * Asks for the backlog to run once the articles stop coming: {@link #QUIET} after the
	 * last call, or after the run under way ends.
	 */
	public void queue(String reason) {
		if (!properties.enabled()) {
			return;
		}
		lastQueued = System.nanoTime();
		if (queued.compareAndSet(false, true)) {
			workers.timer().schedule(() -> startWhenQuiet(reason), QUIET.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void startWhenQuiet(String reason) {
		long quietFor = System.nanoTime() - lastQueued;
		if (quietFor < QUIET.toNanos()) {
			workers.timer().schedule(() -> startWhenQuiet(reason), QUIET.toNanos() - quietFor, TimeUnit.NANOSECONDS);
		}
		else if (progress().running()) {
			workers.timer().schedule(() -> startWhenQuiet(reason), QUIET.toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			queued.set(false);
			start(reason);
		}
	}

	/** How many articles wait for analysis now. */
	public long pending() {
		return pendingIds().size();
	}

	private List<Long> pendingIds() {
		List<Long> pending = new ArrayList<>();
		long after = 0;
		for (List<ArticleVersion> batch = articles.versionsAfter(after, SCAN_BATCH); !batch.isEmpty()
				&& !stopping(); batch = articles.versionsAfter(after, SCAN_BATCH)) {
			Map<Long, Integer> analysed = store.analysedVersions(batch.stream().map(ArticleVersion::id).toList(),
					EntityAnalysis.EXTRACTOR_VERSION);
			for (ArticleVersion article : batch) {
				Integer version = analysed.get(article.id());
				if (version == null || version != article.version()) {
					pending.add(article.id());
				}
			}
			after = batch.get(batch.size() - 1).id();
		}
		return pending;
	}

	/** Analyses the articles waiting for it. */
	@Override
	protected void run(String reason) {
		Instant started = clock.instant();
		AtomicLong done = new AtomicLong();
		try {
			analysis.warmUp();
			List<Long> pending = pendingIds();
			long total = pending.size();
			report(WorkProgress.running(reason, started, 0, total, clock));
			if (total > 0) {
				logger.info("Analysing " + total + " articles waiting for entity extraction (" + reason + ")");
			}
			// An article at a time on the shared bulk threads, so that an index rebuild
			// or an import
			// running meanwhile gets its turn.
			ParallelWork analyses = workers.bulk(properties.threads());
			work = analyses;
			for (Long id : pending) {
				if (stopping()) {
					break;
				}
				analyses.submit(() -> {
					if (stopping()) {
						return;
					}
					analysis.analyse(id);
					long count = done.incrementAndGet();
					WorkProgress now = WorkProgress.running(reason, started, count, total, clock);
					report(now);
					if (count % 1000 == 0) {
						logger.info("Entity backlog: " + now.summary("articles"));
					}
				});
			}
			analyses.await();
			report(progress().finished(done.get(), clock));
			if (total > 0) {
				logger.info("Entity backlog done: " + done.get() + " articles analysed");
			}
		}
		catch (Throwable ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			if (!stopping()) {
				logger.error("Entity backlog failed after " + done.get() + " articles", cause);
			}
			report(progress().failed(done.get(), cause.getMessage(), clock));
		}
	}

	@Override
	protected void cancel() {
		ParallelWork analyses = work;
		if (analyses != null) {
			analyses.cancel();
		}
	}

}
