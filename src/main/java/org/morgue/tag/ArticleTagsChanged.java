package org.morgue.tag;

import java.util.List;

/**
 * Published when the tags of these articles changed: a tag was added or removed, renamed
 * or merged. Listeners run after the transaction commits.
 */
public record ArticleTagsChanged(List<Long> articleIds) {

	public ArticleTagsChanged {
		articleIds = List.copyOf(articleIds);
	}

}
