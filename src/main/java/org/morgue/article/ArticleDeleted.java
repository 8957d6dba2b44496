package org.morgue.article;

/**
 * Published in the transaction that deleted an article; listeners run after it commits.
 */
public record ArticleDeleted(long articleId) {
}
