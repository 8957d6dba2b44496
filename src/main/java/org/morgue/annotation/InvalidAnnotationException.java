package org.morgue.annotation;

import org.morgue.system.InvalidInputException;

/**
 * An annotation that cannot be stored as given: no passage, a quote the text does not
 * contain, a position out of range, selectors that disagree, an empty note. The message
 * says what to change.
 */
public class InvalidAnnotationException extends InvalidInputException {

	public InvalidAnnotationException(String field, String message) {
		super(field, message);
	}

}
