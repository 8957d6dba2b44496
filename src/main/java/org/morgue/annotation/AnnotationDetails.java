package org.morgue.annotation;

import java.time.Instant;

/**
 * A stored annotation: a note (Markdown source) on a passage of an article.
 *
 * @param creator the username of who wrote it
 * @param orphaned whether a correction of the article removed its passage: the selectors
 * then keep the passage as it was last found
 * @param version raised by every change, for optimistic locking
 */
public record AnnotationDetails(long id, long articleId, String creator, Instant created, Instant modified, String note,
		PassageSelectors selectors, boolean orphaned, int version) {
}
