package org.morgue.annotation;

import java.time.Instant;

/**
 * An annotation as an export of the archive carries it, and as an import gives it back:
 * who wrote it and when, the note, where its passage is, and whether the passage was
 * gone.
 */
public record ArchivedAnnotation(String creator, Instant created, Instant modified, String note,
		PassageSelectors selectors, boolean orphaned) {

	public static ArchivedAnnotation of(AnnotationDetails annotation) {
		return new ArchivedAnnotation(annotation.creator(), annotation.created(), annotation.modified(),
				annotation.note(), annotation.selectors(), annotation.orphaned());
	}

}
