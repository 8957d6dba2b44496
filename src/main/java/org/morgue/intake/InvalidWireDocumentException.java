package org.morgue.intake;

import org.morgue.system.InvalidInputException;

/**
 * A document that cannot be taken as a story: not well-formed, not a news item, without
 * story text, or of a version of its format the archive does not read. The message says
 * which.
 */
class InvalidWireDocumentException extends InvalidInputException {

	InvalidWireDocumentException(String message) {
		super("body", message);
	}

}
