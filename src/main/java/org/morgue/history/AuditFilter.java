package org.morgue.history;

import java.time.LocalDate;

/**
 * Which changes an audit lists; each part left {@code null} (or blank) does not filter.
 *
 * @param actor who made them (the user name, regardless of case)
 * @param kind the start of their kind: {@code tag} for {@code tag.added}, {@code tag.removed} and so on
 * @param articleId changes touching this article
 * @param from changes made on or after this day (UTC)
 * @param to changes made on or before this day (UTC)
 */
public record AuditFilter(String actor, String kind, Long articleId, LocalDate from, LocalDate to) {

	public AuditFilter {
		actor = blankToNull(actor);
		kind = blankToNull(kind);
	}

	/** Every change. */
	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null, null);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
