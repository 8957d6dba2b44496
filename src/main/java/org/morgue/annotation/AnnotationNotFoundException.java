package org.morgue.annotation;

/**
 * There is no annotation with this id (or no longer).
 */
public class AnnotationNotFoundException extends RuntimeException {

	public AnnotationNotFoundException(long id) {
		super("There is no annotation " + id + ".");
	}

}
