package org.morgue.intake;

/**
 * A fetch that did not bring a document: the host could not be reached, it did not answer
 * in time, it answered with an error, or with more than the archive takes. The message
 * names the address and what happened.
 */
public class FetchFailedException extends RuntimeException {

	FetchFailedException(String message) {
		super(message);
	}

	FetchFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
