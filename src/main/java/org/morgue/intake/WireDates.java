package org.morgue.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dates of wire formats: ISO 8601 as NewsML-G2 and ninjs write it
 * ({@code 2018-10-21T16:25:32-05:00}, {@code 2013-07-09T10:37:00Z}, {@code 2016-10-18})
 * and the basic form of NITF's {@code norm} attributes ({@code 20130709T103700Z},
 * {@code 20130709T103700-0500}, {@code 20130709}). A time without an offset is taken as
 * UTC, as the archive takes pasted dates. Stateless and thread-safe.
 */
final class WireDates {

	private WireDates() {
	}

	/**
	 * An instant, such as when a version was made.
	 * @return the instant, or {@code null} when the value is absent or not a date
	 */
	static Instant instant(String value) {
		OffsetDateTime time = read(value);
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * The instant until which a story is embargoed. An embargo that cannot be read is
	 * refused rather than passed over, so that a story is never shown before its time.
	 * @param present whether the document has an embargo at all (an element or field,
	 * even an empty one)
	 * @return the instant, or {@code null} when there is no embargo
	 * @throws InvalidWireDocumentException when there is an embargo that is not a date
	 * and time
	 */
	static Instant embargo(boolean present, String value) {
		if (!present) {
			return null;
		}
		Instant until = instant(value);
		if (until == null) {
			throw new InvalidWireDocumentException("The embargo '" + ((value != null) ? value.strip() : "")
					+ "' is not a date and time, so the story is not taken: it could be shown before its time.");
		}
		return until;
	}

	/**
	 * A publication date as the archive writes one: {@code 2016-10-18} for a date,
	 * {@code 2016-10-18T16:12:00Z} (in UTC) for a time.
	 * @return the date, or {@code null} when the value is absent or not a date
	 */
	static String publication(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = extended(value.strip());
		if (text.length() == 10) {
			try {
				return LocalDate.parse(text).toString();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		Instant instant = instant(text);
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

	private static OffsetDateTime read(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = extended(value.strip());
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
				}
				catch (DateTimeParseException notADate) {
					return null;
				}
			}
		}
	}

	/**
	 * The ISO 8601 basic form ({@code 20130709T103700-0500}) in the extended form
	 * ({@code 2013-07-09T10:37:00-05:00}); other text as it is.
	 */
	private static String extended(String text) {
		if (text.length() < 8 || !digits(text, 0, 8) || (text.length() > 8 && text.charAt(8) != 'T')) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		out.append(text, 0, 4).append('-').append(text, 4, 6).append('-').append(text, 6, 8);
		if (text.length() == 8) {
			return out.toString();
		}
		int end = 9;
		while (end < text.length() && Character.isDigit(text.charAt(end))) {
			end++;
		}
		String time = text.substring(9, end);
		if (time.length() != 4 && time.length() != 6) {
			return text;
		}
		out.append('T').append(time, 0, 2).append(':').append(time, 2, 4);
		out.append(':').append((time.length() == 6) ? time.substring(4, 6) : "00");
		int offset = end;
		if (offset < text.length() && text.charAt(offset) == '.') {
			offset++;
			while (offset < text.length() && Character.isDigit(text.charAt(offset))) {
				offset++;
			}
			out.append(text, end, offset);
		}
		String zone = text.substring(offset);
		if (zone.length() == 5 && (zone.charAt(0) == '+' || zone.charAt(0) == '-') && digits(zone, 1, 5)) {
			out.append(zone, 0, 3).append(':').append(zone, 3, 5);
		}
		else if (zone.length() == 3 && (zone.charAt(0) == '+' || zone.charAt(0) == '-') && digits(zone, 1, 3)) {
			out.append(zone).append(":00");
		}
		else {
			out.append(zone);
		}
		return out.toString();
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
