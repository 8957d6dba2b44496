package org.morgue.annotation;

import org.morgue.system.NotFoundException;

/**
 * There is no annotation with this id (or no longer).
 */
public class AnnotationNotFoundException extends NotFoundException {

	public AnnotationNotFoundException(long id) {
		super("There is no annotation " + id + ".");
	}

}
