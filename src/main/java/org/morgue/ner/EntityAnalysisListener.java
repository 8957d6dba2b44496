package org.morgue.ner;

import org.morgue.article.ArticleSaved;
import org.morgue.article.ArticlesImported;
import org.morgue.system.Workers;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Analyses each saved article after its transaction commits, on a thread of its own so
 * that ingest and indexing never wait for the tagger. The event comes through Spring
 * Modulith's publication log: an analysis that did not complete (the process died) is
 * delivered again at the next start.
 */
@Component
class EntityAnalysisListener {

	private final EntityAnalysis analysis;

	private final NerProperties properties;

	private final EntityBacklog backlog;

	EntityAnalysisListener(EntityAnalysis analysis, NerProperties properties, EntityBacklog backlog) {
		this.analysis = analysis;
		this.backlog = backlog;
		this.properties = properties;
	}

	/**
	 * A bulk import's articles are queued for the backlog rather than analysed one by one
	 * here: the backlog starts once the import has been quiet for a moment, so that the
	 * tagger does not take the cores the import needs. Until then they are simply
	 * articles without an analysis, which the backlog also finds at the next start.
	 */
	@TransactionalEventListener
	void on(ArticlesImported event) {
		backlog.queue("import");
	}

	@Async(Workers.ONE_AT_A_TIME)
	@TransactionalEventListener
	void on(ArticleSaved event) {
		if (properties.enabled()) {
			analysis.analyse(event.articleId());
		}
	}

}
