package org.morgue.article;

/**
 * The outcome of storing copy: the article, and whether it was created now or the same
 * copy was already in the archive.
 */
public record SavedArticle(ArticleDetails article, boolean created) {
}
