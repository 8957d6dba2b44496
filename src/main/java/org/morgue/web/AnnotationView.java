package org.morgue.web;

import java.time.Instant;
import java.util.List;

import org.morgue.annotation.AnnotationDetails;
import org.morgue.annotation.AnnotationService;
import org.morgue.annotation.NoteMarkdown;

/**
 * An annotation as the pages show it: the quote, the note as safe HTML (rendered from its
 * Markdown, raw HTML escaped), who wrote it, and whether the reader may change it.
 */
record AnnotationView(long id, long articleId, String quote, String note, String noteHtml, String creator,
		Instant created, Instant modified, boolean orphaned, boolean mayChange, int start, int end) {

	static AnnotationView of(AnnotationDetails annotation, AnnotationService annotations) {
		return new AnnotationView(annotation.id(), annotation.articleId(), annotation.selectors().exact(),
				annotation.note(), NoteMarkdown.html(annotation.note()), annotation.creator(), annotation.created(),
				annotation.modified(), annotation.orphaned(), annotations.mayChange(annotation),
				annotation.selectors().start(), annotation.selectors().end());
	}

	static List<AnnotationView> of(List<AnnotationDetails> found, AnnotationService annotations) {
		return found.stream().map(annotation -> of(annotation, annotations)).toList();
	}

	AnnotatedParagraph.Passage passage() {
		return new AnnotatedParagraph.Passage(id, start, end);
	}

}
