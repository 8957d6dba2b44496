package org.morgue.feed;

import org.morgue.system.InvalidInputException;

/** A feed that cannot be registered as given: the message says why. */
public class InvalidFeedException extends InvalidInputException {

	InvalidFeedException(String field, String message) {
		super(field, message);
	}

}
