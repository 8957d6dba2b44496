package org.morgue.feed;

/**
 * What was asked clashes with the state of a feed: it is being polled right now (by this
 * node or another), or its address or folder is registered already. Answered 409.
 */
public class FeedConflictException extends RuntimeException {

	FeedConflictException(String message) {
		super(message);
	}

}
