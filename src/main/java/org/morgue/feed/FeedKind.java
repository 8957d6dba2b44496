package org.morgue.feed;

/** Where a feed's copy comes from. */
public enum FeedKind {

	/**
	 * An http or https address, polled: an RSS or Atom feed, or one NewsML-G2, NITF or
	 * ninjs document or NewsML-G2 message.
	 */
	URL,

	/**
	 * A folder on the archive's disk that agencies push files into; each file is taken
	 * once and moved to {@code done/}, or to {@code failed/} with a {@code .error} text.
	 */
	FOLDER

}
