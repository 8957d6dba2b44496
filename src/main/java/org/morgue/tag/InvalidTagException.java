package org.morgue.tag;

import org.morgue.system.InvalidInputException;

/**
 * A tag name or tag request that cannot be carried out as asked; the message says why and
 * names the field at fault.
 */
public class InvalidTagException extends InvalidInputException {

	public InvalidTagException(String field, String message) {
		super(field, message);
	}

}
