package org.morgue.intake;

import java.util.Objects;

/**
 * A paragraph of a story as a wire format gives it.
 *
 * @param text the text, whitespace collapsed
 * @param subhead whether it is a subhead (NITF {@code hl2}, an HTML heading inside the
 * story)
 */
record StoryParagraph(String text, boolean subhead) {

	public StoryParagraph {
		Objects.requireNonNull(text, "text");
	}

}
