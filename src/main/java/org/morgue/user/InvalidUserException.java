package org.morgue.user;

/**
 * A user or token request that cannot be carried out, naming the field at fault.
 */
public class InvalidUserException extends RuntimeException {

	private final String field;

	public InvalidUserException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
