package org.morgue.copies;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleVersion;
import org.morgue.system.BackgroundJob;
import org.morgue.system.WorkProgress;
import org.morgue.system.WorkClaims;
import org.morgue.system.Workers;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives signatures and groups to the articles that have none: an archive from before
 * grouping, articles stored while it was off, signatures of an older version. Works in id
 * order, a batch per transaction, as the same articles stored one after another would
 * group, and reports done, total, rate and time left.
 */
@Component
public class CopyBacklog extends BackgroundJob {

	private static final Log logger = LogFactory.getLog(CopyBacklog.class);

	private static final int SCAN_BATCH = 5_000;

	private static final int BATCH = 500;

	private final CopyGrouping grouping;

	private final CopyStore store;

	private final ArticleService articles;

	private final CopiesProperties properties;

	private final TransactionTemplate transactions;

	CopyBacklog(CopyGrouping grouping, CopyStore store, ArticleService articles, CopiesProperties properties,
			Workers workers, WorkClaims claims, PlatformTransactionManager transactionManager, Optional<Clock> clock) {
		super("copy-backlog", workers, claims, clock.orElse(Clock.systemUTC()));
		this.grouping = grouping;
		this.store = store;
		this.articles = articles;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (properties.enabled() && properties.backlogOnStart()) {
			start("start-up");
		}
	}

	/** How many articles have no signature of the current version. */
	public long pending() {
		return pendingIds().size();
	}

	private List<Long> pendingIds() {
		List<Long> pending = new ArrayList<>();
		long after = 0;
		for (List<ArticleVersion> batch = articles.versionsAfter(after, SCAN_BATCH); !batch.isEmpty()
				&& !stopping(); batch = articles.versionsAfter(after, SCAN_BATCH)) {
			List<Long> ids = batch.stream().map(ArticleVersion::id).toList();
			Set<Long> signed = new HashSet<>(store.signed(ids));
			for (Long id : ids) {
				if (!signed.contains(id)) {
					pending.add(id);
				}
			}
			after = ids.get(ids.size() - 1);
		}
		return pending;
	}

	/** Groups the articles without a signature of the current version. */
	@Override
	protected void run(String reason) {
		Instant started = clock.instant();
		long done = 0;
		try {
			List<Long> pending = pendingIds();
			long total = pending.size();
			report(WorkProgress.running(reason, started, 0, total, clock));
			if (total > 0) {
				logger.info("Grouping " + total + " articles without a copy signature (" + reason + ")");
			}
			long logged = 0;
			for (int from = 0; from < pending.size() && !stopping(); from += BATCH) {
				List<Long> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
				transactions.executeWithoutResult(status -> grouping.group(batch));
				done += batch.size();
				report(WorkProgress.running(reason, started, done, total, clock));
				if (done - logged >= 10_000) {
					logged = done;
					logger.info("Copy backlog: " + progress().summary("articles"));
				}
			}
			report(progress().finished(done, clock));
			if (total > 0) {
				logger.info("Copy backlog done: " + done + " articles grouped");
			}
		}
		catch (RuntimeException ex) {
			if (!stopping()) {
				logger.error("Copy backlog failed after " + done + " articles", ex);
			}
			report(progress().failed(done, ex.getMessage(), clock));
		}
	}

}
