package org.morgue.alert;

/**
 * A saved search that cannot be stored as given, naming the field at fault.
 */
public class InvalidSavedSearchException extends RuntimeException {

	private final String field;

	public InvalidSavedSearchException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
