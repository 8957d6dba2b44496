package org.morgue.user;

/**
 * A user of that name exists already (names are compared regardless of case).
 */
public class UserAlreadyExistsException extends RuntimeException {

	public UserAlreadyExistsException(String username) {
		super("A user named '" + username + "' exists already.");
	}

}
