package org.morgue.article;

/**
 * Published in the transaction that created or changed an article; listeners run after it
 * commits.
 */
public record ArticleSaved(long articleId) {
}
