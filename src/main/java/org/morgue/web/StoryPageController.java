package org.morgue.web;

import java.util.List;
import java.util.Optional;

import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.story.StoryService;
import org.morgue.story.StoryVersionSummary;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The versions of a story received from a wire feed, and what changed between two of
 * them.
 */
@Controller
class StoryPageController {

	private final ArticleService articles;

	private final StoryService stories;

	StoryPageController(ArticleService articles, StoryService stories) {
		this.articles = articles;
		this.stories = stories;
	}

	/**
	 * The list, and the difference between two versions: those chosen, else the one
	 * before the version shown and the version shown.
	 */
	@GetMapping("/articles/{id}/versions")
	String versions(@PathVariable long id, @RequestParam(required = false) Long from,
			@RequestParam(required = false) Long to, Model model) {
		ArticleDetails article = articles.get(id);
		List<StoryVersionSummary> versions = stories.versions(id);
		model.addAttribute("article", article);
		model.addAttribute("versions", versions);
		Optional<StoryVersionSummary> right = pick(versions, to)
			.or(() -> versions.stream().filter(StoryVersionSummary::current).findFirst());
		Optional<StoryVersionSummary> left = pick(versions, from).or(() -> right.flatMap(shown -> versions.stream()
			.filter(version -> version.id() < shown.id())
			.reduce((first, second) -> second)));
		if (left.isPresent() && right.isPresent() && left.get().id() != right.get().id()) {
			model.addAttribute("from", left.get());
			model.addAttribute("to", right.get());
			model.addAttribute("changes", ParagraphDiff.of(stories.version(id, left.get().id()).body(),
					stories.version(id, right.get().id()).body()));
		}
		return "articles/versions";
	}

	private static Optional<StoryVersionSummary> pick(List<StoryVersionSummary> versions, Long id) {
		return (id == null) ? Optional.empty() : versions.stream().filter(version -> version.id() == id).findFirst();
	}

}
