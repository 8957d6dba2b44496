package org.morgue.ingest;

import java.time.MonthDay;

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
}
