package org.morgue.ner;

import java.util.List;

/**
 * Published when the entities of these articles changed: they were analysed, or an
 * editor's curation touched them. Listeners run after the transaction commits.
 */
public record ArticleEntitiesChanged(List<Long> articleIds) {

	public ArticleEntitiesChanged {
		articleIds = List.copyOf(articleIds);
	}

}
