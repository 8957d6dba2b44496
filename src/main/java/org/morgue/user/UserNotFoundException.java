package org.morgue.user;

/**
 * There is no such user, or no such token of this user.
 */
public class UserNotFoundException extends RuntimeException {

	public UserNotFoundException(String message) {
		super(message);
	}

}
