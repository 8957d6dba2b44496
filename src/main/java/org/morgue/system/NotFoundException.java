package org.morgue.system;

/**
 * What a person or client asked for by its name or id is not in the archive (or not
 * theirs to see): the message says what is missing. Each module has its own kind; the API
 * answers every one with 404 problem details and the pages with their "not found" page.
 * Beside {@link InvalidInputException}, the other mistake a request can make.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
