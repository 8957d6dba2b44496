package org.morgue.ingest;

import java.time.MonthDay;
import java.util.Optional;

/**
 * A dateline as written and in display form.
 *
 * @param text exactly as written including the separator, e.g. {@code "YANGON:"},
 * {@code "YANGON, Aug 3 (Reuters) -"}, {@code "WASHINGTON (AP) —"}
 * @param place the place as written: {@code "NEW YORK"}, {@code "NAYPYIDAW, Myanmar"}
 * @param placeDisplay the place for display: {@code "New York"},
 * {@code "Naypyidaw, Myanmar"}
 * @param day the month and day when the dateline has one, else {@code null}
 * @param year the year when the dateline spells it out, else {@code null}
 * @param agency the canonical agency named in brackets ({@code "AFP"}, {@code "Reuters"},
 * {@code "AP"}), the bracketed name as written for other outlets, else {@code null}
 */
public record Dateline(String text, String place, String placeDisplay, MonthDay day, Integer year, String agency) {

	private static final DatelineParser PARSER = new DatelineParser();

	/**
	 * The dateline at the start of a paragraph, read as the dateline of pasted wire copy
	 * is: {@code "GROSSETO, Italy (AP) -- The trial..."} gives the dateline
	 * {@code GROSSETO, Italy (AP) --} and the text after it. Thread-safe.
	 * @param paragraph the text of a paragraph, typically the first of a story; may be
	 * {@code null}
	 * @return the dateline and the rest of the paragraph, or empty when the paragraph
	 * does not start with a dateline
	 */
	public static Optional<DatelineMatch> atStartOf(String paragraph) {
		return PARSER.parse(paragraph);
	}

}
