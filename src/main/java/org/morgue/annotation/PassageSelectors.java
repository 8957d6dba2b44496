package org.morgue.annotation;

/**
 * Where an annotated passage is in an article's cleaned body, as the W3C Web Annotation
 * selectors say it: the quote with some context either side ({@code TextQuoteSelector})
 * and its offsets in UTF-16 code units ({@code TextPositionSelector}).
 *
 * @param exact the passage
 * @param prefix up to {@value Anchoring#CONTEXT} characters before it
 * @param suffix up to {@value Anchoring#CONTEXT} characters after it
 * @param start offset of its first character
 * @param end offset after its last character
 */
public record PassageSelectors(String exact, String prefix, String suffix, int start, int end) {

	/** Whether the quote stands in this text at the offsets. */
	public boolean isIn(String body) {
		return start >= 0 && end <= body.length() && start < end && body.substring(start, end).equals(exact);
	}

}
