package org.morgue.tag;

import org.morgue.system.NotFoundException;

/**
 * There is no tag with the name asked for (in any case).
 */
public class TagNotFoundException extends NotFoundException {

	private final String name;

	public TagNotFoundException(String name) {
		super("There is no tag “" + name + "”.");
		this.name = name;
	}

	public String name() {
		return name;
	}

}
