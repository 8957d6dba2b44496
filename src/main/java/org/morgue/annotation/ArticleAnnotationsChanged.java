package org.morgue.annotation;

import java.util.List;

/**
 * Published in the transaction that creates, changes or deletes annotations of these
 * articles, so that their notes are searched as they now are. Listeners run after the
 * transaction commits.
 */
public record ArticleAnnotationsChanged(List<Long> articleIds) {

	public ArticleAnnotationsChanged {
		articleIds = List.copyOf(articleIds);
	}

}
