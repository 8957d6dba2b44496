package org.morgue.copies;

import java.util.List;

/**
 * An article's group of copies: the copies of one story that outlets published, the
 * article itself included.
 *
 * @param group the group's number, the same for every copy
 * @param articles the copies, earliest first, each with its similarity to the article
 * asked about (1 for itself)
 */
public record ArticleCopies(long group, List<Copy> articles) {

	public ArticleCopies {
		articles = List.copyOf(articles);
	}

	/** How many copies there are, the article itself included. */
	public int count() {
		return articles.size();
	}

}
