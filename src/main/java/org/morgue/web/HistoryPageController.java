package org.morgue.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.history.AuditFilter;
import org.morgue.history.InvalidAuditFilterException;
import org.morgue.history.HistoryService;
import org.morgue.history.RecordedChange;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The history of editorial changes: an article's history for every reader (also of an
 * article since deleted), and the audit of all changes, with filters, for administrators.
 * Plain pages and links.
 */
@Controller
class HistoryPageController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final HistoryService history;

	private final ArticleService articles;

	HistoryPageController(HistoryService history, ArticleService articles) {
		this.history = history;
		this.articles = articles;
	}

	/** A change as a page shows it, with its time written out. */
	record ChangeRow(RecordedChange change, String time, List<RecordedChange.FieldChange> fields) {

		static ChangeRow of(RecordedChange change) {
			return new ChangeRow(change, TIME.format(change.time()), change.fields());
		}

	}

	@GetMapping("/articles/{id}/history")
	String article(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
		Optional<ArticleDetails> article = articles.find(id);
		long total = history.countOfArticle(id);
		int pages = pages(total);
		int current = Math.max(1, Math.min(page, pages));
		model.addAttribute("articleId", id);
		model.addAttribute("title", article.map(ArticleDetails::title).orElse(null));
		model.addAttribute("total", total);
		model.addAttribute("changes",
				history.ofArticle(id, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(ChangeRow::of).toList());
		model.addAttribute("pager",
				pager(UriComponentsBuilder.fromPath("/articles/" + id + "/history"), current, pages));
		return "history/article";
	}

	@GetMapping("/admin/audit")
	@PreAuthorize("hasRole('ADMIN')")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String article, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("kind", kind);
		model.addAttribute("article", article);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		AuditFilter filter;
		try {
			filter = AuditFilter.read(actor, kind, article, from, to);
		}
		catch (InvalidAuditFilterException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("changes", List.of());
			model.addAttribute("total", 0L);
			model.addAttribute("pager", pager(UriComponentsBuilder.fromPath("/admin/audit"), 1, 1));
			return "history/audit";
		}
		long total = history.count(filter);
		int pages = pages(total);
		int current = Math.max(1, Math.min(page, pages));
		model.addAttribute("total", total);
		model.addAttribute("changes",
				history.audit(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(ChangeRow::of).toList());
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/audit");
		addIfPresent(link, "actor", filter.actor());
		addIfPresent(link, "kind", filter.kind());
		addIfPresent(link, "article", (filter.articleId() != null) ? filter.articleId().toString() : null);
		addIfPresent(link, "from", (filter.from() != null) ? filter.from().toString() : null);
		addIfPresent(link, "to", (filter.to() != null) ? filter.to().toString() : null);
		model.addAttribute("pager", pager(link, current, pages));
		return "history/audit";
	}

	private static void addIfPresent(UriComponentsBuilder link, String name, String value) {
		if (value != null) {
			link.queryParam(name, value);
		}
	}

	private static int pages(long total) {
		return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
	}

	/**
	 * The pager whose links are {@code link} (the list with its filters) at each page.
	 */
	private static Pager pager(UriComponentsBuilder link, int page, int pages) {
		return Pager.of(page, pages,
				number -> ((number > 1) ? link.cloneBuilder().queryParam("page", number) : link.cloneBuilder()).encode()
					.toUriString());
	}

}
