package org.morgue.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.morgue.search.FacetCount;
import org.morgue.search.SearchResult;

/**
 * Matches over time, drawn on the server as bars that are links: one bar per year from
 * the first year with a match to the last (empty years included), or one per month when
 * the dates chosen or the matches span two years or less.
 *
 * @param monthly whether the bars are months rather than years
 * @param bars the bars, oldest first
 * @param caption what the chart shows, e.g. "Articles per year, 2019–2022"
 * @param undated matches without a publication date, which no bar shows
 */
record Timeline(boolean monthly, List<TimelineBar> bars, String caption, long undated) {

	/** The longest span, in months, drawn month by month. */
	static final int MONTHLY_SPAN = 24;

	/** More years than this are drawn without the empty years between them. */
	private static final int MAX_YEARS = 150;

	/** About this many bars carry a visible label; all carry their full description. */
	private static final int LABELS = 16;

	/**
	 * @return the chart, or {@code null} when no match has a date
	 */
	static Timeline of(SearchResult result, SearchParameters parameters, LocalDate from, LocalDate to) {
		Map<Integer, Long> years = years(result.facet(SearchResult.YEAR));
		if (years.isEmpty()) {
			return null;
		}
		long dated = years.values().stream().mapToLong(Long::longValue).sum();
		long undated = Math.max(0, result.total() - dated);
		Map<YearMonth, Long> months = months(result.facet(SearchResult.MONTH));
		YearMonth first = null;
		YearMonth last = null;
		if (from != null && to != null && SearchDates.months(from, to) <= MONTHLY_SPAN) {
			first = YearMonth.from(from);
			last = YearMonth.from(to);
		}
		else if (!months.isEmpty()) {
			YearMonth earliest = months.keySet().iterator().next();
			YearMonth latest = months.keySet().stream().reduce((a, b) -> b).orElseThrow();
			if (earliest.until(latest, java.time.temporal.ChronoUnit.MONTHS) + 1 <= MONTHLY_SPAN) {
				first = earliest;
				last = latest;
			}
		}
		if (first != null) {
			return monthly(months, first, last, parameters, undated);
		}
		return yearly(years, parameters, undated);
	}

	private static Timeline yearly(Map<Integer, Long> counts, SearchParameters parameters, long undated) {
		int first = counts.keySet().iterator().next();
		int last = counts.keySet().stream().reduce((a, b) -> b).orElseThrow();
		List<Integer> years = new ArrayList<>();
		if (last - first + 1 <= MAX_YEARS) {
			for (int year = first; year <= last; year++) {
				years.add(year);
			}
		}
		else {
			years.addAll(counts.keySet());
		}
		long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
		int every = every(years.size());
		List<TimelineBar> bars = new ArrayList<>(years.size());
		for (int i = 0; i < years.size(); i++) {
			String year = Integer.toString(years.get(i));
			long count = counts.getOrDefault(years.get(i), 0L);
			bars.add(new TimelineBar(year, year, year, (i % every == 0) ? year : null, null, describe(year, count),
					count, height(count, max), parameters.withDates(year, year), parameters.hasDates(year, year)));
		}
		String span = (first == last) ? Integer.toString(first) : first + "–" + last;
		return new Timeline(false, bars, "Articles per year, " + span, undated);
	}

	private static Timeline monthly(Map<YearMonth, Long> counts, YearMonth first, YearMonth last,
			SearchParameters parameters, long undated) {
		long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
		int size = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
		int every = every(size);
		List<TimelineBar> bars = new ArrayList<>(size);
		YearMonth month = first;
		for (int i = 0; i < size; i++, month = month.plusMonths(1)) {
			String value = month.toString();
			long count = counts.getOrDefault(month, 0L);
			String tick = (i % every == 0) ? month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : null;
			String year = (i == 0 || month.getMonthValue() == 1) ? Integer.toString(month.getYear()) : null;
			bars.add(new TimelineBar(value, value, SearchDates.shortMonth(month), tick, year,
					describe(SearchDates.month(month), count), count, height(count, max),
					parameters.withDates(value, value), parameters.hasDates(value, value)));
		}
		String span = first.equals(last) ? SearchDates.month(first)
				: SearchDates.shortMonth(first) + " – " + SearchDates.shortMonth(last);
		return new Timeline(true, bars, "Articles per month, " + span, undated);
	}

	private static Map<Integer, Long> years(List<FacetCount> facet) {
		Map<Integer, Long> years = new LinkedHashMap<>();
		for (FacetCount value : facet) {
			try {
				years.put(Integer.parseInt(value.value()), value.count());
			}
			catch (NumberFormatException ex) {
				// Not a year: nothing to draw.
			}
		}
		return years;
	}

	private static Map<YearMonth, Long> months(List<FacetCount> facet) {
		Map<YearMonth, Long> months = new LinkedHashMap<>();
		for (FacetCount value : facet) {
			try {
				months.put(YearMonth.parse(value.value()), value.count());
			}
			catch (DateTimeException ex) {
				// Not a month: nothing to draw.
			}
		}
		return months;
	}

	private static int every(int bars) {
		return Math.max(1, (bars + LABELS - 1) / LABELS);
	}

	private static int height(long count, long max) {
		if (count == 0) {
			return 0;
		}
		return (int) Math.max(2, Math.round(count * 100.0 / Math.max(max, 1)));
	}

	static String describe(String when, long count) {
		return when + ": " + count + ((count == 1) ? " article" : " articles");
	}

}
