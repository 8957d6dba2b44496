package org.morgue.alert;

import org.morgue.system.InvalidInputException;

/**
 * A saved search that cannot be stored as given, naming the field at fault.
 */
public class InvalidSavedSearchException extends InvalidInputException {

	public InvalidSavedSearchException(String field, String message) {
		super(field, message);
	}

}
