package org.morgue.ner;

/**
 * A curation decision or entity query that cannot be carried out as asked; the message says why
 * and names the field.
 */
public class InvalidCurationException extends RuntimeException {

	private final String field;

	public InvalidCurationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
