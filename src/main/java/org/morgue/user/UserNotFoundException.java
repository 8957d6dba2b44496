package org.morgue.user;

import org.morgue.system.NotFoundException;

/**
 * There is no such user, or no such token of this user.
 */
public class UserNotFoundException extends NotFoundException {

	public UserNotFoundException(String message) {
		super(message);
	}

}
