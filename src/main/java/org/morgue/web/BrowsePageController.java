package org.morgue.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.morgue.article.ArticleCalendar;
import org.morgue.article.ArticleCalendar.PeriodCount;
import org.morgue.article.ArticleCalendar.SourceCount;
import org.morgue.article.ArticleSummary;
import org.morgue.system.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * Wandering through the archive without a query: by date (years, then months, then days,
 * each with its count, down to the articles of a day, and the articles of no known date)
 * and by source (every source with its count; a source's articles and its years). Plain
 * links and pages: no JavaScript.
 */
@Controller
class BrowsePageController {

	static final int PAGE_SIZE = 50;

	private final ArticleCalendar calendar;

	BrowsePageController(ArticleCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * One line of a list of periods or sources: what it is, where it leads, how many
	 * articles.
	 */
	record Entry(String label, String link, long count, int height) {
	}

	@GetMapping("/browse")
	String years(Model model) {
		List<PeriodCount> years = calendar.years();
		return calendar(model, "By date", List.of(), "Years",
				entries(years, year -> Integer.toString(year), year -> "/browse/" + year), null, "/browse", 1, 0,
				calendar.countUndated());
	}

	@GetMapping("/browse/{year:\\d{1,4}}")
	String months(@PathVariable int year, Model model) {
		List<PeriodCount> months = calendar.months(year);
		if (months.isEmpty()) {
			throw notFound("There are no articles from " + year + ".");
		}
		return calendar(model, Integer.toString(year), List.of(new Entry("By date", "/browse", 0, 0)), "Months",
				entries(months, month -> monthName(month), month -> "/browse/" + year + "/" + month), null,
				"/browse/" + year, 1, 0, -1);
	}

	@GetMapping("/browse/{year:\\d{1,4}}/{month:\\d{1,2}}")
	String days(@PathVariable int year, @PathVariable int month, Model model) {
		LocalDate first = date(year, month, 1);
		List<PeriodCount> days = calendar.days(year, month);
		if (days.isEmpty()) {
			throw notFound("There are no articles from " + monthName(month) + " " + year + ".");
		}
		return calendar(model, monthName(month) + " " + year, List
			.of(new Entry("By date", "/browse", 0, 0), new Entry(Integer.toString(year), "/browse/" + year, 0, 0)),
				"Days",
				entries(days,
						day -> first.withDayOfMonth(day).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
								+ " " + day,
						day -> "/browse/" + year + "/" + month + "/" + day),
				null, "/browse/" + year + "/" + month, 1, 0, -1);
	}

	@GetMapping("/browse/{year:\\d{1,4}}/{month:\\d{1,2}}/{day:\\d{1,2}}")
	String day(@PathVariable int year, @PathVariable int month, @PathVariable int day,
			@RequestParam(defaultValue = "1") String page, Model model) {
		LocalDate date = date(year, month, day);
		long total = calendar.countPublishedOn(date);
		int number = pageNumber(page);
		return calendar(model, date.getDayOfMonth() + " " + monthName(month) + " " + year,
				List.of(new Entry("By date", "/browse", 0, 0),
						new Entry(Integer.toString(year), "/browse/" + year, 0, 0),
						new Entry(monthName(month), "/browse/" + year + "/" + month, 0, 0)),
				null, List.of(), calendar.publishedOn(date, (number - 1) * PAGE_SIZE, PAGE_SIZE),
				"/browse/" + year + "/" + month + "/" + day, number, total, -1);
	}

	@GetMapping("/browse/undated")
	String undated(@RequestParam(defaultValue = "1") String page, Model model) {
		int number = pageNumber(page);
		return calendar(model, "Date unknown", List.of(new Entry("By date", "/browse", 0, 0)), null, List.of(),
				calendar.undated((number - 1) * PAGE_SIZE, PAGE_SIZE), "/browse/undated", number,
				calendar.countUndated(), -1);
	}

	@GetMapping("/sources")
	String sources(@RequestParam(defaultValue = "1") String page, Model model) {
		int number = pageNumber(page);
		List<SourceCount> sources = calendar.sources((number - 1) * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("sources", sources.stream()
			.map(source -> new Entry(source.name(),
					"/sources/" + UriUtils.encodePathSegment(source.name(), StandardCharsets.UTF_8), source.count(), 0))
			.toList());
		pages(model, "/sources", number, calendar.countSources());
		return "browse/sources";
	}

	@GetMapping("/sources/{name}")
	String source(@PathVariable String name, @RequestParam(defaultValue = "1") String page, Model model) {
		SourceCount source = calendar.source(name);
		if (source == null) {
			throw notFound("There is no source called “" + name + "”.");
		}
		int number = pageNumber(page);
		String path = "/sources/" + UriUtils.encodePathSegment(source.name(), StandardCharsets.UTF_8);
		String searchLink = "/articles?source=" + UriUtils.encodeQueryParam(source.name(), StandardCharsets.UTF_8);
		model.addAttribute("source", source);
		model.addAttribute("years", entries(calendar.yearsOfSource(source.name()), year -> Integer.toString(year),
				year -> searchLink + "&from=" + year + "&to=" + year));
		model.addAttribute("articles",
				marked(model, calendar.fromSource(source.name(), (number - 1) * PAGE_SIZE, PAGE_SIZE)));
		model.addAttribute("searchLink", searchLink);
		pages(model, path, number, source.count());
		return "browse/source";
	}

	private String calendar(Model model, String heading, List<Entry> trail, String periodsTitle, List<Entry> periods,
			List<ArticleSummary> articles, String path, int page, long total, long undated) {
		model.addAttribute("heading", heading);
		model.addAttribute("trail", trail);
		model.addAttribute("periodsTitle", periodsTitle);
		model.addAttribute("periods", periods);
		model.addAttribute("articles", (articles != null) ? marked(model, articles) : null);
		model.addAttribute("undated", undated);
		pages(model, path, page, total);
		return "browse/calendar";
	}

	/**
	 * Marks, for an editor, the listed articles readers do not see (attribute
	 * {@code hidden}: each one's notice by its id); readers are never listed them.
	 */
	private List<ArticleSummary> marked(Model model, List<ArticleSummary> articles) {
		Map<Long, String> hidden = new HashMap<>();
		if (!CurrentActor.readsOnly()) {
			Instant now = Instant.now();
			calendar.hiddenFromReaders(articles)
				.forEach((id, visibility) -> hidden.put(id, StoryNotices.withheld(visibility, now)));
		}
		model.addAttribute("hidden", hidden);
		return articles;
	}

	/**
	 * The count and the pager of the list at {@code path} (encoded), paged by
	 * {@code ?page=} alone.
	 */
	private static void pages(Model model, String path, int page, long total) {
		model.addAttribute("total", total);
		model.addAttribute("pager", Pager.at(path, page, Pager.pages(total, PAGE_SIZE)));
	}

	private static List<Entry> entries(List<PeriodCount> periods, IntFunction<String> label, IntFunction<String> link) {
		long most = periods.stream().mapToLong(PeriodCount::count).max().orElse(1);
		return periods.stream()
			.map(period -> new Entry(label.apply(period.value()), link.apply(period.value()), period.count(),
					(int) Math.max(2, period.count() * 100 / most)))
			.toList();
	}

	private static String monthName(int month) {
		if (month < 1 || month > 12) {
			throw notFound("There is no month " + month + ".");
		}
		return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	private static LocalDate date(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			throw notFound("There is no such day: " + year + "-" + month + "-" + day + ".");
		}
	}

	private static int pageNumber(String page) {
		try {
			return Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static ResponseStatusException notFound(String message) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
	}

}
