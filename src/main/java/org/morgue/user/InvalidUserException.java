package org.morgue.user;

import org.morgue.system.InvalidInputException;

/**
 * A user or token request that cannot be carried out, naming the field at fault.
 */
public class InvalidUserException extends InvalidInputException {

	public InvalidUserException(String field, String message) {
		super(field, message);
	}

}
