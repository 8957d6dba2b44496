package org.morgue.api;

/**
 * Work an administrator asked for is under way already: answered 409 with problem
 * details, and the work's progress in {@link #property()} for the client to follow.
 */
class WorkRunningException extends RuntimeException {

	private final String property;

	private final transient Object progress;

	WorkRunningException(String message, String property, Object progress) {
		super(message);
		this.property = property;
		this.progress = progress;
	}

	String property() {
		return property;
	}

	Object progress() {
		return progress;
	}

}
