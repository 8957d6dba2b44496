package org.morgue.api;

import org.morgue.system.InvalidInputException;

/**
 * A request the API cannot read (not JSON, not an object, an unknown field, a value of
 * the wrong kind), naming the field at fault.
 */
class InvalidRequestException extends InvalidInputException {

	InvalidRequestException(String field, String message) {
		super(field, message);
	}

}
