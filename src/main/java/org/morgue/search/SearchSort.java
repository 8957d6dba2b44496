package org.morgue.search;

/**
 * The order of search results.
 */
public enum SearchSort {

	/** Best match first (BM25), newest first among equals. */
	RELEVANCE,

	/** Newest publication first; unknown dates last. */
	NEWEST,

	/** Oldest publication first; unknown dates last. */
	OLDEST;

	/**
	 * Reads {@code relevance}, {@code newest} or {@code oldest}.
	 * @return {@code null} for a blank value (the default order)
	 * @throws InvalidQueryException for anything else
	 */
	public static SearchSort of(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidQueryException("sort", "'sort' is relevance, newest or oldest.");
		}
	}

	/** The name used in URLs. */
	public String parameter() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
