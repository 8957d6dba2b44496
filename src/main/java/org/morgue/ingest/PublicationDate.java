package org.morgue.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.morgue.article.InvalidArticleException;

/**
 * When an article was published: a date, and the time in UTC when the copy gave one.
 * Written as {@code 2022-08-03} or {@code 2022-08-03T10:14:00Z}.
 */
public record PublicationDate(LocalDate date, LocalTime time) {

	/**
	 * Reads {@code 2022-08-03}, {@code 2022-08-03T10:14:00Z},
	 * {@code 2022-08-03T17:14:00+07:00} or {@code 2022-08-03T10:14} (taken as UTC).
	 * @return the date, or {@code null} when the value is blank (the date is unknown)
	 * @throws InvalidArticleException naming {@code field} when the value is not such a
	 * date
	 */
	public static PublicationDate parse(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() <= 10) {
				return new PublicationDate(LocalDate.parse(text), null);
			}
			OffsetDateTime instant = hasOffset(text) ? OffsetDateTime.parse(text)
					: LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
			OffsetDateTime utc = instant.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			return new PublicationDate(utc.toLocalDate(), utc.toLocalTime());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArticleException(field, "'" + text + "' is not a date: write it as 2022-08-03, or as "
					+ "2022-08-03T10:14:00Z when the time is known.");
		}
	}

	/**
	 * {@code 2022-08-03}, or {@code 2022-08-03T10:14:00Z} when the time is known;
	 * {@code null} for none.
	 */
	public static String format(LocalDate date, LocalTime time) {
		if (date == null) {
			return null;
		}
		return (time == null) ? date.toString()
				: DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atTime(time).atOffset(ZoneOffset.UTC));
	}

	private static boolean hasOffset(String text) {
		int timeStart = text.indexOf('T');
		return text.endsWith("Z") || text.endsWith("z")
				|| (timeStart > 0 && (text.indexOf('+', timeStart) > 0 || text.indexOf('-', timeStart) > 0));
	}

}
