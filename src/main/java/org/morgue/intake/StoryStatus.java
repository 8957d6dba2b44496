package org.morgue.intake;

/**
 * Whether a version of a story may be used, as its provider says ({@code pubStatus},
 * {@code management-status}).
 */
enum StoryStatus {

	/** To be used. */
	USABLE,

	/** Not to be used until a usable version comes. */
	WITHHELD,

	/** Killed: withdrawn for good. */
	CANCELED

}
