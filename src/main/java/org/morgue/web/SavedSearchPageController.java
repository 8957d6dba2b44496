package org.morgue.web;

import java.security.Principal;
import java.util.List;

import org.morgue.alert.InvalidSavedSearchException;
import org.morgue.alert.SavedSearch;
import org.morgue.alert.SavedSearchNotFoundException;
import org.morgue.alert.SavedSearchStatus;
import org.morgue.alert.SavedSearches;
import org.morgue.search.SearchCriteria;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A reader's saved searches: saving the search on the results page, the list with how
 * many matches are new in each, running one (which marks it seen), renaming, deleting,
 * and each one's feed address.
 */
@Controller
class SavedSearchPageController {

	private final SavedSearches savedSearches;

	SavedSearchPageController(SavedSearches savedSearches) {
		this.savedSearches = savedSearches;
	}

	/**
	 * A saved search as the list shows it: where running it leads, and what it filters
	 * on, in words.
	 */
	record Row(SavedSearch saved, long newMatches, String link, String description) {

		static Row of(SavedSearchStatus status) {
			SearchCriteria query = status.savedSearch().search();
			return new Row(status.savedSearch(), status.newMatches(), parameters(query).link(), describe(query));
		}

	}

	@GetMapping("/searches")
	String list(Principal user, Model model) {
		model.addAttribute("searches", savedSearches.list(user.getName()).stream().map(Row::of).toList());
		return "searches/index";
	}

	@PostMapping("/searches")
	RedirectView save(Principal user, @RequestParam(required = false) String name, SearchCriteria query,
			RedirectAttributes redirect) {
		try {
			SavedSearch saved = savedSearches.save(user.getName(), name, query);
			redirect.addFlashAttribute("message", "Saved the search “" + saved.name() + "”.");
			return redirect("/searches");
		}
		catch (InvalidSavedSearchException ex) {
			redirect.addFlashAttribute("saveError", ex.getMessage());
			return redirect(parameters(query).link());
		}
	}

	/** Runs the search, marking it seen now: its count of new matches starts again. */
	@GetMapping("/searches/{id}/run")
	RedirectView run(Principal user, @PathVariable long id) {
		return redirect(parameters(seen(user, id).search()).link());
	}

	@PostMapping("/searches/{id}/rename")
	String rename(Principal user, @PathVariable long id, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		try {
			SavedSearch saved = savedSearches.rename(user.getName(), id, name);
			redirect.addFlashAttribute("message", "Renamed to “" + saved.name() + "”.");
		}
		catch (InvalidSavedSearchException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (SavedSearchNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		return "redirect:/searches";
	}

	@PostMapping("/searches/{id}/delete")
	String delete(Principal user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			savedSearches.delete(user.getName(), id);
		}
		catch (SavedSearchNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		redirect.addFlashAttribute("message", "Deleted the saved search.");
		return "redirect:/searches";
	}

	private SavedSearch seen(Principal user, long id) {
		try {
			return savedSearches.markSeen(user.getName(), id);
		}
		catch (SavedSearchNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
	}

	static SearchParameters parameters(SearchCriteria query) {
		return SearchParameters.of(query);
	}

	/** "q: junta · source: AFP · from 2022", or "every article". */
	static String describe(SearchCriteria query) {
		List<String> parts = new java.util.ArrayList<>();
		if (!query.q().isBlank()) {
			parts.add(query.q());
		}
		query.sources().forEach(source -> parts.add("source: " + source));
		query.entities().forEach(entity -> parts.add("naming " + entity));
		query.tags().forEach(tag -> parts.add("tag: " + tag));
		if (query.from() != null) {
			parts.add("from " + query.from());
		}
		if (query.to() != null) {
			parts.add("to " + query.to());
		}
		if (query.sort() != null) {
			parts.add(query.sort() + " first");
		}
		if (SearchCriteria.ALL_COPIES.equalsIgnoreCase(query.copies())) {
			parts.add("every copy");
		}
		return parts.isEmpty() ? "every article" : String.join(" · ", parts);
	}

	/**
	 * A redirect to a link already encoded, whose braces (a query may have them) are not
	 * templates.
	 */
	private static RedirectView redirect(String link) {
		RedirectView view = new RedirectView(link, true);
		view.setExpandUriTemplateVariables(false);
		return view;
	}

}
