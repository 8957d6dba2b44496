package org.morgue.ingest;

import java.util.Objects;

/**
 * One paragraph of a cleaned story.
 *
 * @param text the paragraph text, whitespace collapsed, otherwise exactly as written
 * @param subhead whether the paragraph is a crosshead (a short heading inside the story)
 */
public record Paragraph(String text, boolean subhead) {

	public Paragraph {
		Objects.requireNonNull(text, "text");
	}
}
