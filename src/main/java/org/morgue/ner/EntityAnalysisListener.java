package org.morgue.ner;

import org.morgue.article.ArticleSaved;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Analyses each saved article after its transaction commits, on a thread of its own so that ingest
 * and indexing never wait for the tagger. The event comes through Spring Modulith's publication
 * log: an analysis that did not complete (the process died) is delivered again at the next start.
 */
@Component
class EntityAnalysisListener {

	private final EntityAnalysis analysis;

	private final NerProperties properties;

	EntityAnalysisListener(EntityAnalysis analysis, NerProperties properties) {
		this.analysis = analysis;
		this.properties = properties;
	}

	@Async(NerConfiguration.EXECUTOR)
	@TransactionalEventListener
	void on(ArticleSaved event) {
		if (properties.enabled()) {
			analysis.analyse(event.articleId());
		}
	}

}
