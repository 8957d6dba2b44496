package org.morgue.ner;

import org.morgue.system.NotFoundException;

/**
 * There is no entity with the id asked for.
 */
public class NamedEntityNotFoundException extends NotFoundException {

	private final long id;

	public NamedEntityNotFoundException(long id) {
		super("There is no entity " + id + ".");
		this.id = id;
	}

	public long id() {
		return id;
	}

}
