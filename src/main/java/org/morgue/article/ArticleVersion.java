package org.morgue.article;

/**
 * An article's id and version, for checking that a copy elsewhere (the search index) is
 * up to date.
 */
public record ArticleVersion(long id, int version) {
}
