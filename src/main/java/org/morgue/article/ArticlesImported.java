package org.morgue.article;

import java.util.List;

/**
 * Many articles stored in one transaction by a bulk import: one event for the batch, so
 * that the modules following articles catch up a batch at a time rather than an article
 * at a time.
 */
public record ArticlesImported(List<Long> articleIds) {

	public ArticlesImported {
		articleIds = List.copyOf(articleIds);
	}

}
