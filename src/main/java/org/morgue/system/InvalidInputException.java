package org.morgue.system;

/**
 * Input a person or client gave that cannot be taken as it is: the message says why in
 * words they can act on, and {@link #field()} names the field at fault as they sent it.
 * Each module has its own kind; the API answers every one with 400 and the pages show the
 * message by the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The name of the field at fault, as clients send it ({@code body},
	 * {@code publishedAt}, ...).
	 */
	public String field() {
		return field;
	}

}
