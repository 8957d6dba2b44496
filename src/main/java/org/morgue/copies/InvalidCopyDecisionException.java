package org.morgue.copies;

import org.morgue.system.InvalidInputException;

/** A split or join that cannot be made, with the reason. */
public class InvalidCopyDecisionException extends InvalidInputException {

	public InvalidCopyDecisionException(String field, String message) {
		super(field, message);
	}

}
