package org.morgue.tag;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a tag name may be, and the key that makes names equal regardless of case.
 */
public final class TagNames {

	/** The longest tag name, in characters. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

	/** Characters that cannot be part of the tag's address ({@code /tags/{name}}). */
	private static final String NOT_IN_ADDRESSES = "/\\%;";

	private TagNames() {
	}

	/**
	 * The name trimmed, with runs of spaces collapsed to one.
	 * @param field the field the name came in, for the error
	 * @throws InvalidTagException when the name is empty, too long, or has a control
	 * character or a character that cannot be part of its address
	 */
	public static String normalize(String field, String name) {
		if (name == null || SPACES.matcher(name).replaceAll("").isEmpty()) {
			throw new InvalidTagException(field, "A tag needs a name: it cannot be empty.");
		}
		String collapsed = SPACES.matcher(name.strip()).replaceAll(" ").strip();
		for (int i = 0; i < collapsed.length(); i++) {
			char c = collapsed.charAt(i);
			if (Character.isISOControl(c)) {
				throw new InvalidTagException(field, "A tag cannot contain control characters.");
			}
			if (NOT_IN_ADDRESSES.indexOf(c) >= 0) {
				throw new InvalidTagException(field,
						"A tag cannot contain " + c + " (nor /, \\, % or ;): it would not fit in the tag's address.");
			}
		}
		if (collapsed.equals(".") || collapsed.equals("..")) {
			throw new InvalidTagException(field, "A tag cannot be just dots.");
		}
		int length = collapsed.codePointCount(0, collapsed.length());
		if (length > MAX_LENGTH) {
			throw new InvalidTagException(field,
					"A tag is at most " + MAX_LENGTH + " characters long; this one has " + length + ".");
		}
		return collapsed;
	}

	/**
	 * The key equal for names that differ only in case or spacing: for the index and
	 * {@code tag:}.
	 */
	public static String key(String name) {
		return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
	}

}
