package org.morgue.annotation;

/**
 * The passage a new or moved annotation is for, as a client gives it: a quote (with
 * optional context), a position, or both. Every part may be {@code null}; what is missing
 * is filled in from the article's text.
 */
public record AnnotationTarget(String exact, String prefix, String suffix, Integer start, Integer end) {

	public static AnnotationTarget ofPosition(int start, int end) {
		return new AnnotationTarget(null, null, null, start, end);
	}

	public static AnnotationTarget ofQuote(String exact, String prefix, String suffix) {
		return new AnnotationTarget(exact, prefix, suffix, null, null);
	}

}
