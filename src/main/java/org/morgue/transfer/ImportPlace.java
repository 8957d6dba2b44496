package org.morgue.transfer;

/**
 * Where an imported item was read: a file (or {@code null} for a request body) and the
 * line its item starts on (0 when the item is the whole file).
 */
public record ImportPlace(String file, long line) {

	@Override
	public String toString() {
		if (file == null) {
			return "line " + line;
		}
		return (line > 0) ? file + ":" + line : file;
	}

}
