package org.morgue.article;

/**
 * What became of one article of a batch: stored now under {@code articleId}, or already
 * in the archive (the same copy) under that id.
 */
public record BatchSave(long articleId, boolean created) {
}
