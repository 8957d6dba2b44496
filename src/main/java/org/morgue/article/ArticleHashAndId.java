package org.morgue.article;

/**
 * A stored article's content hash and id, for finding the copies of a batch already
 * stored.
 */
record ArticleHashAndId(String hash, long id) {
}
