package org.morgue.article;

/**
 * Published, in the transaction that corrects an article's text, before
 * {@link ArticleSaved}: listeners that keep positions in the body (annotations) handle it
 * synchronously with {@code @EventListener}, so the correction and their adjustment
 * commit together.
 *
 * @param articleId the article
 * @param before the cleaned body before the correction
 * @param after the cleaned body after it
 */
public record ArticleTextCorrected(long articleId, String before, String after) {
}
