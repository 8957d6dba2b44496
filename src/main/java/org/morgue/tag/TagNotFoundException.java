package org.morgue.tag;

/**
 * There is no tag with the name asked for (in any case).
 */
public class TagNotFoundException extends RuntimeException {

	private final String name;

	public TagNotFoundException(String name) {
		super("There is no tag “" + name + "”.");
		this.name = name;
	}

	public String name() {
		return name;
	}

}
