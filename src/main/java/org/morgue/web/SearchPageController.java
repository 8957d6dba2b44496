package org.morgue.web;

import jakarta.servlet.http.HttpServletResponse;
import org.morgue.article.ArticleService;
import org.morgue.search.ArticleSearch;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The archive's front page: search with highlights, facets and a timeline, or, without a
 * query, every article newest first. All of its state is in the URL.
 */
@Controller
class SearchPageController {

	private final ArticleSearch search;

	private final ArticleService articles;

	SearchPageController(ArticleSearch search, ArticleService articles) {
		this.search = search;
		this.articles = articles;
	}

	// Parameters arrive as text so that a bad one is answered on this page, under the
	// search box.
	@GetMapping(SearchParameters.PATH)
	String search(SearchCriteria criteria, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		SearchParameters parameters = new SearchParameters(criteria, page);
		model.addAttribute("search", parameters);
		SearchRequest request;
		SearchResult result;
		try {
			request = parameters.toRequest();
			result = search.search(request);
		}
		catch (InvalidQueryException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorParameter", ex.parameter());
			// The box keeps what was typed; the filters carried along drop the one at
			// fault.
			model.addAttribute("form", parameters.without(ex.parameter()));
			return "search/results";
		}
		model.addAttribute("form", parameters);
		model.addAttribute("results", SearchPage.of(parameters, request, result,
				articles.summaries(result.hits().stream().map(SearchHit::id).toList())));
		return "search/results";
	}

	@GetMapping("/search/help")
	String help(Model model) {
		model.addAttribute("sections", SearchHelp.SECTIONS);
		return "search/help";
	}

}
