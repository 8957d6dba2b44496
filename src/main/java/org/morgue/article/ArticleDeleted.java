package org.morgue.article;

/**
 * Published in the transaction that deletes an article, before the article's row is
 * deleted (and with it, on delete cascade, the rows other modules keep about it). A plain
 * {@code @EventListener} runs then, in that transaction, and still sees those rows: the
 * entity counts go down for the article's mentions, and commit or roll back with the
 * deletion. Listeners that follow articles elsewhere (the index) run after the
 * transaction commits.
 */
public record ArticleDeleted(long articleId) {
}
