package org.morgue.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.morgue.annotation.AnnotationService;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleVersionConflictException;
import org.morgue.article.DuplicateArticleTextException;
import org.morgue.article.InvalidArticleException;
import org.morgue.copies.ArticleCopies;
import org.morgue.copies.CopyService;
import org.morgue.ingest.MetadataInput;
import org.morgue.ner.ArticleEntity;
import org.morgue.ner.EntityMention;
import org.morgue.ner.EntityService;
import org.morgue.ner.EntityType;
import org.morgue.search.RelatedArticles;
import org.morgue.tag.InvalidTagException;
import org.morgue.tag.TagNames;
import org.morgue.story.StoryService;
import org.morgue.tag.TagService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The article page with its related articles, tags and copies, editors' corrections and
 * tagging. The list of articles is the search page ({@link SearchPageController}).
 */
@Controller
class ArticlePageController {

	/** The most related articles an article page lists. */
	static final int RELATED = 5;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final ArticleService articles;

	private final RelatedArticles related;

	private final EntityService entities;

	private final TagService tags;

	private final AnnotationService annotations;

	private final StoryService stories;

	private final CopyService copies;

	ArticlePageController(ArticleService articles, RelatedArticles related, EntityService entities, TagService tags,
			AnnotationService annotations, StoryService stories, CopyService copies) {
		this.articles = articles;
		this.stories = stories;
		this.copies = copies;
		this.related = related;
		this.entities = entities;
		this.tags = tags;
		this.annotations = annotations;
	}

	@GetMapping("/articles/{id}")
	String show(@PathVariable long id, Model model) {
		ArticleDetails article = articles.get(id);
		model.addAttribute("article", article);
		model.addAttribute("published", published(article));
		// Analysed first: the mentions commit with the analysis, so once it shows, they
		// do too.
		model.addAttribute("analysing", !entities.isAnalysed(id, article.version()));
		List<EntityMention> mentions = entities.mentionsOf(id);
		List<AnnotationView> notes = AnnotationView.of(annotations.ofArticle(id), annotations);
		model.addAttribute("marked", AnnotatedParagraph.of(MarkedParagraph.mark(article.paragraphs(), mentions),
				notes.stream().filter(note -> !note.orphaned()).map(AnnotationView::passage).toList()));
		model.addAttribute("annotations", notes.stream().filter(note -> !note.orphaned()).toList());
		model.addAttribute("orphanedAnnotations", notes.stream().filter(AnnotationView::orphaned).toList());
		Map<EntityType, List<ArticleEntity>> byType = new EnumMap<>(EntityType.class);
		entities.entitiesOf(List.of(id))
			.getOrDefault(id, List.of())
			.forEach(entity -> byType.computeIfAbsent(entity.type(), type -> new ArrayList<>()).add(entity));
		model.addAttribute("entityGroups", byType);
		model.addAttribute("tags", tags.tagsOf(id));
		List<Long> related = this.related.of(id, RELATED);
		model.addAttribute("related", articles.summaries(related));
		model.addAttribute("story", stories.ofArticle(id).orElse(null));
		ArticleCopies group = copies.copiesOf(id);
		model.addAttribute("copies",
				CopyView.of(id, article.body(), group, articles.contents(CopyView.others(id, group))));
		model.addAttribute("withheldNotice", StoryNotices.withheld(article.visibility(), Instant.now()));
		return "articles/show";
	}

	@GetMapping("/articles/{id}/edit")
	@PreAuthorize("hasRole('EDITOR')")
	String edit(@PathVariable long id, Model model) {
		ArticleDetails article = articles.get(id);
		model.addAttribute("article", article);
		model.addAttribute("form", ArticleForm.of(null, article));
		return "articles/edit";
	}

	@PostMapping("/articles/{id}/edit")
	@PreAuthorize("hasRole('EDITOR')")
	String correct(@PathVariable long id, @ModelAttribute("form") ArticleForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ArticleDetails article = articles.get(id);
		try {
			if (form.version() == null) {
				throw new InvalidArticleException("version", "The form lost the article's version; load it again.");
			}
			articles.correct(id, form.version(), MetadataInput.apply(article.metadata(), form.corrections()),
					form.paragraphs());
			redirect.addFlashAttribute("message", "Corrections saved.");
			return "redirect:/articles/" + id;
		}
		catch (ArticleVersionConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("conflict", true);
		}
		catch (InvalidArticleException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", ex.field());
		}
		catch (DuplicateArticleTextException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", "text");
			model.addAttribute("twin", ex.otherArticleId());
		}
		model.addAttribute("article", article);
		return "articles/edit";
	}

	@PostMapping("/articles/{id}/tags")
	@PreAuthorize("hasRole('EDITOR')")
	String addTag(@PathVariable long id, @RequestParam(required = false) String tag, RedirectAttributes redirect) {
		try {
			List<String> now = tags.add(id, tag);
			String added = TagNames.normalize("tag", tag);
			String shown = now.stream().filter(name -> name.equalsIgnoreCase(added)).findFirst().orElse(added);
			redirect.addFlashAttribute("message", "Tagged “" + shown + "”.");
		}
		catch (InvalidTagException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("tagInput", tag);
		}
		return "redirect:/articles/" + id + "#tags";
	}

	@PostMapping("/articles/{id}/tags/remove")
	@PreAuthorize("hasRole('EDITOR')")
	String removeTag(@PathVariable long id, @RequestParam(required = false) String tag, RedirectAttributes redirect) {
		try {
			tags.remove(id, tag);
			redirect.addFlashAttribute("message", "Took off the tag “" + TagNames.normalize("tag", tag) + "”.");
		}
		catch (InvalidTagException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/articles/" + id + "#tags";
	}

	@PostMapping("/articles/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		ArticleDetails article = articles.get(id);
		articles.delete(id);
		redirect.addFlashAttribute("message", "Deleted “" + article.title() + "”.");
		return "redirect:/articles";
	}

	private static String published(ArticleDetails article) {
		if (article.publishedDate() == null) {
			return "date unknown";
		}
		String date = DATE.format(article.publishedDate());
		return (article.publishedTime() != null) ? date + ", " + TIME.format(article.publishedTime()) + " UTC" : date;
	}

}
