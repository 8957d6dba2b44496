package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.morgue.article.ArticleService;
import org.morgue.ner.EntityBacklog;
import org.morgue.ner.EntityCuration;
import org.morgue.ner.EntityDetails;
import org.morgue.ner.EntityService;
import org.morgue.ner.EntitySummary;
import org.morgue.ner.EntityType;
import org.morgue.ner.InvalidCurationException;
import org.morgue.search.EntityCoverageSearch;
import org.morgue.search.EntityCoverage;
import org.morgue.search.FacetCount;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People, organisations and places: the entity index, entity pages, editors' curation,
 * and the extraction backlog for administrators.
 */
@Controller
class EntityPageController {

	static final int PAGE_SIZE = 50;

	static final int ARTICLES_PER_PAGE = 20;

	/** How many entities "Appears most with" lists. */
	static final int COOCCURRING = 15;

	private final EntityService entities;

	private final EntityCuration curation;

	private final EntityBacklog backlog;

	private final ArticleService articles;

	private final EntityCoverageSearch coverage;

	EntityPageController(EntityService entities, EntityCuration curation, EntityBacklog backlog,
			ArticleService articles, EntityCoverageSearch coverage) {
		this.entities = entities;
		this.curation = curation;
		this.backlog = backlog;
		this.articles = articles;
		this.coverage = coverage;
	}

	@GetMapping("/entities")
	String index(@RequestParam(required = false) String type, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") String page, Model model,
			HttpServletResponse response) {
		EntityType chosen = null;
		if (type != null && !type.isBlank()) {
			try {
				chosen = EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("error", "'" + type + "' is not a type: choose people, organisations or places.");
			}
		}
		int number = pageNumber(page);
		boolean byName = "name".equalsIgnoreCase(sort);
		EntityService.EntitySort order = byName ? EntityService.EntitySort.NAME : EntityService.EntitySort.MENTIONED;
		long total = entities.count(chosen, q);
		model.addAttribute("type", chosen);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("byName", byName);
		model.addAttribute("total", total);
		EntityType shownType = chosen;
		model.addAttribute("pager",
				Pager.of(number, Pager.pages(total, PAGE_SIZE), n -> indexLink(shownType, q, byName, n)));
		model.addAttribute("entities", entities.list(chosen, q, order, (number - 1) * PAGE_SIZE, PAGE_SIZE));
		return "entities/index";
	}

	@GetMapping("/entities/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "1") String page, Model model) {
		EntityDetails entity = entities.get(id);
		int number = pageNumber(page);
		EntityCoverage coverage = this.coverage.of(id, (number - 1) * ARTICLES_PER_PAGE, ARTICLES_PER_PAGE,
				COOCCURRING);
		model.addAttribute("entity", entity);
		model.addAttribute("coverage", coverage);
		model.addAttribute("pager",
				Pager.at("/entities/" + id, number, Pager.pages(coverage.articles(), ARTICLES_PER_PAGE)));
		model.addAttribute("articles", articles.summaries(coverage.articleIds()));
		model.addAttribute("years", years(coverage.months()));
		model.addAttribute("searchLink", SearchParameters.forEntity(entity.name()));
		model.addAttribute("decisions", entities.decisions(id, 20));
		model.addAttribute("types", EntityType.values());
		return "entities/show";
	}

	/**
	 * A bar per year with the articles that mention the entity, scaled to the busiest
	 * year.
	 */
	record YearBar(String year, long count, int height) {
	}

	private static List<YearBar> years(List<FacetCount> months) {
		Map<String, Long> years = new TreeMap<>();
		months.forEach(month -> years.merge(month.value().substring(0, 4), month.count(), Long::sum));
		long max = years.values().stream().mapToLong(Long::longValue).max().orElse(1);
		List<YearBar> bars = new ArrayList<>();
		years.forEach((year, count) -> bars.add(new YearBar(year, count, (int) Math.max(2, count * 100 / max))));
		return bars;
	}

	@PostMapping("/entities/{id}/rename")
	@PreAuthorize("hasRole('EDITOR')")
	String rename(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
		return decide(id, redirect, () -> {
			EntitySummary renamed = curation.rename(id, name);
			return "Renamed to “" + renamed.name() + "”; the old name stays an alias.";
		});
	}

	@PostMapping("/entities/{id}/type")
	@PreAuthorize("hasRole('EDITOR')")
	String retype(@PathVariable long id, @RequestParam(required = false) String type, RedirectAttributes redirect) {
		return decide(id, redirect, () -> {
			EntityType chosen;
			try {
				chosen = EntityType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidCurationException("type", "Choose a type from the list.");
			}
			curation.retype(id, chosen);
			return "The type is now " + chosen.name().toLowerCase(Locale.ROOT) + ".";
		});
	}

	@PostMapping("/entities/{id}/merge")
	@PreAuthorize("hasRole('EDITOR')")
	String merge(@PathVariable long id, @RequestParam(required = false) String into, RedirectAttributes redirect) {
		long target;
		try {
			target = Long.parseLong(String.valueOf(into).strip());
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("error", "Choose the entity to merge into.");
			return "redirect:/entities/" + id;
		}
		try {
			EntitySummary merged = curation.merge(id, target);
			redirect.addFlashAttribute("message", "Merged into “" + merged.name() + "”; its names are aliases now.");
			return "redirect:/entities/" + merged.id();
		}
		catch (InvalidCurationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/entities/" + id;
		}
	}

	@PostMapping("/entities/{id}/aliases")
	@PreAuthorize("hasRole('EDITOR')")
	String addAlias(@PathVariable long id, @RequestParam(required = false) String alias, RedirectAttributes redirect) {
		return decide(id, redirect, () -> {
			curation.addAlias(id, alias);
			return "“" + alias.strip() + "” is now a name of this entity.";
		});
	}

	@PostMapping("/entities/{id}/split")
	@PreAuthorize("hasRole('EDITOR')")
	String split(@PathVariable long id, @RequestParam(required = false) String alias, RedirectAttributes redirect) {
		try {
			EntitySummary created = curation.splitAlias(id, alias);
			redirect.addFlashAttribute("message", "“" + created.name() + "” is an entity of its own now.");
			return "redirect:/entities/" + created.id();
		}
		catch (InvalidCurationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/entities/" + id;
		}
	}

	@PostMapping("/entities/{id}/ignore")
	@PreAuthorize("hasRole('EDITOR')")
	String ignore(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
		try {
			int touched = curation.ignoreName(name);
			redirect.addFlashAttribute("message", "“" + name.strip() + "” is not an entity: taken out of " + touched
					+ " articles and ignored from now on.");
			return "redirect:/entities";
		}
		catch (InvalidCurationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/entities/" + id;
		}
	}

	@GetMapping("/admin/entities")
	@PreAuthorize("hasRole('ADMIN')")
	String backlog(Model model) {
		model.addAttribute("progress", backlog.progress());
		return "admin/entities";
	}

	@PostMapping("/admin/entities/backlog")
	@PreAuthorize("hasRole('ADMIN')")
	String startBacklog(RedirectAttributes redirect) {
		boolean started = backlog.start("an administrator asked for it");
		redirect.addFlashAttribute(started ? "message" : "error",
				started ? "Looking for articles waiting for analysis." : "The backlog is already being worked off.");
		return "redirect:/admin/entities";
	}

	private String decide(long id, RedirectAttributes redirect, java.util.function.Supplier<String> decision) {
		try {
			redirect.addFlashAttribute("message", decision.get());
		}
		catch (InvalidCurationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/entities/" + id;
	}

	/**
	 * The entity index at a page, keeping its type, name filter and order as the tabs and
	 * the form write them.
	 */
	private static String indexLink(EntityType type, String q, boolean byName, int page) {
		List<String> parameters = new ArrayList<>();
		if (type != null) {
			parameters.add("type=" + type.name().toLowerCase(Locale.ROOT));
		}
		if (q != null && !q.isEmpty()) {
			parameters.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		}
		if (byName) {
			parameters.add("sort=name");
		}
		if (page > 1) {
			parameters.add("page=" + page);
		}
		return parameters.isEmpty() ? "/entities" : "/entities?" + String.join("&", parameters);
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
