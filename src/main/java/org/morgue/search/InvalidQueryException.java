package org.morgue.search;

/**
 * A search that cannot be carried out as written, with a message saying what is wrong and how to
 * write it.
 */
public class InvalidQueryException extends RuntimeException {

	private final String parameter;

	public InvalidQueryException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/** The request parameter at fault: {@code q}, {@code from}, {@code to}, {@code cursor}, ... */
	public String parameter() {
		return parameter;
	}

}
