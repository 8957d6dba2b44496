package org.morgue.ingest;

/**
 * What an editor or client says about pasted copy, over what the parser found. For each
 * field: {@code null} keeps what the parser found, a blank value removes it, any other
 * value replaces it.
 */
public record CopyCorrections(String title, String byline, String source, String dateline, String publishedAt,
		String url, String language) {

	public static CopyCorrections none() {
		return new CopyCorrections(null, null, null, null, null, null, null);
	}

}
