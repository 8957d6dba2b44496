package org.morgue.history;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Which changes an audit lists; each part left {@code null} (or blank) does not filter.
 *
 * @param actor who made them (the user name, regardless of case)
 * @param kind the start of their kind: {@code tag} for {@code tag.added},
 * {@code tag.removed} and so on
 * @param articleId changes touching this article
 * @param from changes made on or after this day (UTC)
 * @param to changes made on or before this day (UTC)
 */
public record AuditFilter(String actor, String kind, Long articleId, LocalDate from, LocalDate to) {

	public AuditFilter {
		actor = blankToNull(actor);
		kind = blankToNull(kind);
	}

	/**
	 * Reads a filter as people and clients write it (blank parts do not filter).
	 * @param article an article number
	 * @param from a day, {@code 2025-01-31}
	 * @param to a day, on or after {@code from}
	 * @throws InvalidAuditFilterException when the article or a day is none, or the range
	 * ends before it starts
	 */
	public static AuditFilter read(String actor, String kind, String article, String from, String to) {
		Long articleId = null;
		if (article != null && !article.isBlank()) {
			try {
				articleId = Long.parseLong(article.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidAuditFilterException("article", "'" + article.strip() + "' is not an article number.");
			}
		}
		LocalDate fromDay = day("from", from);
		LocalDate toDay = day("to", to);
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			throw new InvalidAuditFilterException("from", "The date range ends before it starts.");
		}
		return new AuditFilter(actor, kind, articleId, fromDay, toDay);
	}

	private static LocalDate day(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidAuditFilterException(field,
					"'" + value.strip() + "' is not a date: write it as 2025-01-31.");
		}
	}

	/** Every change. */
	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null, null);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
