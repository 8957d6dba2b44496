package org.morgue.annotation;

/**
 * The annotation was changed since the version the client worked on: nothing was changed
 * now.
 */
public class AnnotationChangedException extends RuntimeException {

	private final int currentVersion;

	public AnnotationChangedException(long id, int expectedVersion, int currentVersion) {
		super("Annotation " + id + " was changed since you loaded it (version " + expectedVersion + ", now "
				+ currentVersion + "). Load it again and repeat your change.");
		this.currentVersion = currentVersion;
	}

	public int currentVersion() {
		return currentVersion;
	}

}
