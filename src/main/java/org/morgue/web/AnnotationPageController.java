package org.morgue.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.morgue.annotation.AnnotationDetails;
import org.morgue.annotation.AnnotationNotFoundException;
import org.morgue.annotation.AnnotationService;
import org.morgue.annotation.InvalidAnnotationException;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleSummary;
import org.morgue.system.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Annotations on pages: their author (or an administrator) changes or deletes them with
 * plain forms, and a journalist lists what they annotated. Writing one starts from a
 * selection in the article (the page's script and the API).
 */
@Controller
class AnnotationPageController {

	static final int PAGE_SIZE = 25;

	private final AnnotationService annotations;

	private final ArticleService articles;

	AnnotationPageController(AnnotationService annotations, ArticleService articles) {
		this.annotations = annotations;
		this.articles = articles;
	}

	@PostMapping("/annotations/{id}/edit")
	@PreAuthorize("hasRole('EDITOR')")
	String edit(@PathVariable long id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		AnnotationDetails annotation = find(id);
		try {
			annotations.update(id, null, note, null);
			redirect.addFlashAttribute("message", "Note saved.");
		}
		catch (InvalidAnnotationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/articles/" + annotation.articleId() + "#note-" + id;
	}

	@PostMapping("/annotations/{id}/delete")
	@PreAuthorize("hasRole('EDITOR')")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		AnnotationDetails annotation = find(id);
		annotations.delete(id);
		redirect.addFlashAttribute("message", "Note deleted.");
		return "redirect:/articles/" + annotation.articleId() + "#annotations";
	}

	@GetMapping("/annotations/mine")
	String mine(@RequestParam(defaultValue = "1") int page, Model model) {
		if (page < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Pages count from 1.");
		}
		String me = CurrentActor.name();
		long total = annotations.countByCreator(me);
		List<AnnotationView> mine = AnnotationView.of(annotations.byCreator(me, (page - 1) * PAGE_SIZE, PAGE_SIZE),
				annotations);
		Map<Long, ArticleSummary> titles = articles
			.summaries(mine.stream().map(AnnotationView::articleId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
		model.addAttribute("annotations", mine);
		model.addAttribute("articles", titles);
		model.addAttribute("total", total);
		model.addAttribute("pager", Pager.at("/annotations/mine", page, Pager.pages(total, PAGE_SIZE)));
		return "annotations/mine";
	}

	private AnnotationDetails find(long id) {
		try {
			return annotations.get(id);
		}
		catch (AnnotationNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
	}

}
