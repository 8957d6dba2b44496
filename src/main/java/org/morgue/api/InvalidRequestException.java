package org.morgue.api;

/**
 * A request the API cannot read (not JSON, not an object, an unknown field, a value of the wrong
 * kind), naming the field at fault.
 */
class InvalidRequestException extends RuntimeException {

	private final String field;

	InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return field;
	}

}
