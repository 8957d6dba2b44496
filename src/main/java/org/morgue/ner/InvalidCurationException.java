package org.morgue.ner;

import org.morgue.system.InvalidInputException;

/**
 * A curation decision or entity query that cannot be carried out as asked; the message
 * says why and names the field.
 */
public class InvalidCurationException extends InvalidInputException {

	public InvalidCurationException(String field, String message) {
		super(field, message);
	}

}
