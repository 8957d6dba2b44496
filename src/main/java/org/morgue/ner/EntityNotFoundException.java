package org.morgue.ner;

/**
 * There is no entity with the id asked for.
 */
public class EntityNotFoundException extends RuntimeException {

	private final long id;

	public EntityNotFoundException(long id) {
		super("There is no entity " + id + ".");
		this.id = id;
	}

	public long id() {
		return id;
	}

}
