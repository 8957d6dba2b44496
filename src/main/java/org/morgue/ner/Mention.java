package org.morgue.ner;

/**
 * A mention while a document is being worked on: a run of tokens {@code [first, end)},
 * its type, and the full name it stands for when that is not its own text.
 */
final class Mention {

	int first;

	int end;

	EntityType type;

	/** {@code null}: the mention's own text. */
	String canonical;

	Mention(int first, int end, EntityType type) {
		this.first = first;
		this.end = end;
		this.type = type;
	}

	int length() {
		return end - first;
	}

	boolean overlaps(int otherFirst, int otherEnd) {
		return first < otherEnd && otherFirst < end;
	}

	@Override
	public String toString() {
		return "[" + first + "," + end + ")" + type + (canonical == null ? "" : "=" + canonical);
	}

}
