package org.morgue.feed;

import org.morgue.system.NotFoundException;

/** No feed has the id asked for. */
public class FeedNotFoundException extends NotFoundException {

	FeedNotFoundException(long id) {
		super("There is no feed " + id + ".");
	}

}
