package org.morgue.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.morgue.article.ArticleService;
import org.morgue.search.ArticleSearch;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchRequest;
import org.morgue.tag.InvalidTagException;
import org.morgue.tag.TagNames;
import org.morgue.tag.TagNotFoundException;
import org.morgue.tag.TagService;
import org.morgue.tag.TagSummary;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Tags: every tag with its count, a tag's articles newest first, editors' renaming and
 * merging, and tagging every result of a search. Plain forms and links: no JavaScript
 * needed.
 */
@Controller
class TagPageController {

	static final int PAGE_SIZE = 50;

	static final int ARTICLES_PER_PAGE = 20;

	/** The most results one form may tag at once. */
	static final int MAX_TAG_ALL = 100_000;

	private final TagService tags;

	private final ArticleService articles;

	private final ArticleSearch search;

	TagPageController(TagService tags, ArticleService articles, ArticleSearch search) {
		this.tags = tags;
		this.articles = articles;
		this.search = search;
	}

	/** A tag in a list: its name, its page, how many articles have it. */
	record TagLine(String name, String link, long count) {
	}

	@GetMapping("/tags")
	String index(@RequestParam(required = false) String prefix, @RequestParam(defaultValue = "1") String page,
			Model model) {
		String filter = (prefix != null) ? prefix.strip() : "";
		int number = pageNumber(page);
		long total = tags.count(filter);
		model.addAttribute("prefix", filter);
		model.addAttribute("total", total);
		model.addAttribute("pager", Pager.of(number, Pager.pages(total, PAGE_SIZE), n -> indexLink(filter, n)));
		model.addAttribute("tags",
				tags.list(filter, (number - 1) * PAGE_SIZE, PAGE_SIZE)
					.stream()
					.map(tag -> new TagLine(tag.name(), page(tag.name()), tag.articleCount()))
					.toList());
		return "tags/index";
	}

	@GetMapping("/tags/{name}")
	String show(@PathVariable String name, @RequestParam(defaultValue = "1") String page, Model model) {
		TagSummary tag = tags.get(name);
		int number = pageNumber(page);
		model.addAttribute("tag", tag);
		model.addAttribute("pager",
				Pager.at(page(tag.name()), number, Pager.pages(tag.articleCount(), ARTICLES_PER_PAGE)));
		model.addAttribute("articles",
				articles.summaries(tags.articleIds(tag.name(), (number - 1) * ARTICLES_PER_PAGE, ARTICLES_PER_PAGE)));
		model.addAttribute("searchLink", SearchParameters.forTag(tag.name()));
		return "tags/show";
	}

	@PostMapping("/tags/{name}/rename")
	@PreAuthorize("hasRole('EDITOR')")
	String rename(@PathVariable String name, @RequestParam(name = "name", required = false) String newName,
			RedirectAttributes redirect) {
		TagSummary tag = tags.get(name);
		try {
			TagSummary renamed = tags.rename(tag.name(), newName);
			redirect.addFlashAttribute("message", "Renamed “" + tag.name() + "” to “" + renamed.name() + "”.");
			return "redirect:" + page(renamed.name());
		}
		catch (InvalidTagException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:" + page(tag.name());
		}
	}

	@PostMapping("/tags/{name}/merge")
	@PreAuthorize("hasRole('EDITOR')")
	String merge(@PathVariable String name, @RequestParam(required = false) String into, RedirectAttributes redirect) {
		TagSummary tag = tags.get(name);
		try {
			TagSummary merged = tags.merge(tag.name(), into);
			redirect.addFlashAttribute("message", "Merged “" + tag.name() + "” into “" + merged.name() + "”.");
			return "redirect:" + page(merged.name());
		}
		catch (InvalidTagException | TagNotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:" + page(tag.name());
		}
	}

	/** Tags every result of the search the form carries, and goes back to it. */
	@PostMapping("/articles/tag-results")
	@PreAuthorize("hasRole('EDITOR')")
	String tagResults(@RequestParam(name = "name", required = false) String name, SearchCriteria criteria,
			RedirectAttributes redirect) {
		SearchParameters parameters = SearchParameters.of(criteria);
		try {
			String tag = TagNames.normalize("name", name);
			SearchRequest request = parameters.toRequest();
			List<Long> ids = search.matchingIds(request, MAX_TAG_ALL);
			int tagged = tags.tagAll(tag, ids);
			String shown = tags.get(tag).name();
			redirect.addFlashAttribute("message", String
				.format(java.util.Locale.ENGLISH, "Tagged %,d of %,d results “%s” (the others had it already).", tagged,
						ids.size(), shown)
				.replace(" (the others had it already)", (tagged == ids.size()) ? "" : " (the others had it already)"));
		}
		catch (InvalidTagException | InvalidQueryException ex) {
			redirect.addFlashAttribute("tagError", ex.getMessage());
		}
		return "redirect:" + parameters.link();
	}

	static String page(String tag) {
		return "/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
	}

	private static String indexLink(String prefix, int page) {
		String link = "/tags?page=" + page;
		return prefix.isEmpty() ? link : link + "&prefix=" + java.net.URLEncoder.encode(prefix, StandardCharsets.UTF_8);
	}

	private static int pageNumber(String page) {
		try {
			return Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
