package org.morgue.search;

import org.morgue.system.InvalidInputException;

/**
 * A search that cannot be carried out as written, with a message saying what is wrong and
 * how to write it.
 */
public class InvalidQueryException extends InvalidInputException {

	public InvalidQueryException(String parameter, String message) {
		super(parameter, message);
	}

	/**
	 * The request parameter at fault: {@code q}, {@code from}, {@code to},
	 * {@code cursor}, ...
	 */
	public String parameter() {
		return field();
	}

}
