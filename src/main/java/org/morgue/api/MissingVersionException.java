package org.morgue.api;

/**
 * A correction that does not say which version it was made on: applying it could
 * overwrite someone else's change unseen.
 */
class MissingVersionException extends RuntimeException {

	MissingVersionException() {
		super("Say which version you corrected: send the article's ETag in If-Match, or its 'version' in the body.");
	}

}
