package org.morgue.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date filters and timeline values as a reader says them: "2022", "August 2022",
 * "2019–2021".
 */
final class SearchDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private SearchDates() {
	}

	/**
	 * The span from {@code from} to {@code to} (either may be open) in the fewest words.
	 */
	static String span(LocalDate from, LocalDate to) {
		if (from == null && to == null) {
			return "";
		}
		if (to == null) {
			return "Since " + start(from);
		}
		if (from == null) {
			return "Until " + end(to);
		}
		if (wholeYears(from, to)) {
			return (from.getYear() == to.getYear()) ? Integer.toString(from.getYear())
					: from.getYear() + "–" + to.getYear();
		}
		if (wholeMonths(from, to)) {
			return YearMonth.from(from).equals(YearMonth.from(to)) ? MONTH.format(from)
					: SHORT_MONTH.format(from) + " – " + SHORT_MONTH.format(to);
		}
		return from.equals(to) ? DAY.format(from) : SHORT_DAY.format(from) + " – " + SHORT_DAY.format(to);
	}

	/** "August 2022" for {@code 2022-08}. */
	static String month(YearMonth month) {
		return MONTH.format(month);
	}

	/** "Aug 2022" for {@code 2022-08}. */
	static String shortMonth(YearMonth month) {
		return SHORT_MONTH.format(month);
	}

	/** How many calendar months the span touches: 1 for two days of the same month. */
	static long months(LocalDate from, LocalDate to) {
		return YearMonth.from(from).until(YearMonth.from(to), java.time.temporal.ChronoUnit.MONTHS) + 1;
	}

	private static String start(LocalDate from) {
		if (from.getDayOfYear() == 1) {
			return Integer.toString(from.getYear());
		}
		return (from.getDayOfMonth() == 1) ? MONTH.format(from) : DAY.format(from);
	}

	private static String end(LocalDate to) {
		if (to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
			return Integer.toString(to.getYear());
		}
		return (to.equals(YearMonth.from(to).atEndOfMonth())) ? MONTH.format(to) : DAY.format(to);
	}

	private static boolean wholeYears(LocalDate from, LocalDate to) {
		return from.getDayOfYear() == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31;
	}

	private static boolean wholeMonths(LocalDate from, LocalDate to) {
		return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
	}

}
