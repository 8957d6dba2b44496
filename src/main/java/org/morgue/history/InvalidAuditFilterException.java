package org.morgue.history;

import org.morgue.system.InvalidInputException;

/**
 * An audit filter that cannot be read: an article number or a day that is none, or a
 * range that ends before it starts. The message says why and names the field at fault.
 */
public class InvalidAuditFilterException extends InvalidInputException {

	public InvalidAuditFilterException(String field, String message) {
		super(field, message);
	}

}
