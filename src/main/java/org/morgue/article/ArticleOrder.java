package org.morgue.article;

/**
 * The order of an article list.
 */
public enum ArticleOrder {

	/** Newest publication date first; articles with an unknown date last. */
	PUBLISHED,

	/** Most recently ingested first. */
	INGESTED

}
