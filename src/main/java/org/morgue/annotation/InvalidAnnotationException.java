package org.morgue.annotation;

/**
 * An annotation that cannot be stored as given: no passage, a quote the text does not contain, a
 * position out of range, selectors that disagree, an empty note. The message says what to change.
 */
public class InvalidAnnotationException extends RuntimeException {

	private final String field;

	public InvalidAnnotationException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field at fault, as the API names it. */
	public String field() {
		return field;
	}

}
