package org.morgue.annotation;

import org.morgue.article.ArticleTextCorrected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-anchors an article's annotations when its text is corrected, in the correcting
 * transaction, so the new text and the moved passages commit together (or neither does).
 */
@Component
class TextCorrections {

	private static final Logger log = LoggerFactory.getLogger(TextCorrections.class);

	private final AnnotationService annotations;

	TextCorrections(AnnotationService annotations) {
		this.annotations = annotations;
	}

	@EventListener
	void on(ArticleTextCorrected event) {
		int orphaned = annotations.reanchor(event.articleId(), event.after());
		if (orphaned > 0) {
			log.info("The correction of article {} removed the passages of {} annotation(s): kept as orphaned",
					event.articleId(), orphaned);
		}
	}

}
