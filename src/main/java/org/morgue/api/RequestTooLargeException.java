package org.morgue.api;

import org.morgue.system.InvalidInputException;

/**
 * A request body over the limit its endpoint declares ({@link BodyLimit}), answered 413.
 */
class RequestTooLargeException extends InvalidInputException {

	RequestTooLargeException(String field, long limitBytes) {
		super(field, "The " + field + " is larger than this request accepts (" + limitBytes + " bytes).");
	}

}
