package org.morgue.tag;

/**
 * A tag name or tag request that cannot be carried out as asked; the message says why and names
 * the field at fault.
 */
public class InvalidTagException extends RuntimeException {

	private final String field;

	public InvalidTagException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
