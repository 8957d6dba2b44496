package org.morgue.story;

/**
 * Whether a version of a story may be used, as its provider says ({@code pubStatus},
 * {@code management-status}).
 */
public enum StoryStatus {

	/** To be used. */
	USABLE,

	/**
	 * Not to be used until a usable version comes: readers do not see the story
	 * meanwhile.
	 */
	WITHHELD,

	/** Killed: withdrawn for good; kept and marked for editors, gone for readers. */
	CANCELED

}
