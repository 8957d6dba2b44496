package org.morgue.search;

import java.util.List;
import java.util.Map;

import org.morgue.annotation.AnnotationService;
import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyService;
import org.morgue.ner.ArticleEntity;
import org.morgue.ner.EntityService;
import org.morgue.tag.TagService;

import org.springframework.stereotype.Component;

/**
 * Reads articles for the index: their content from the article module, their entities
 * from the entity module, their tags from the tag module, their notes from the annotation
 * module and their groups of copies from the copies module, a batch at a time (one query
 * each).
 */
@Component
class IndexedArticles {

	private final ArticleService articles;

	private final EntityService entities;

	private final TagService tags;

	private final AnnotationService annotations;

	private final CopyService copies;

	IndexedArticles(ArticleService articles, EntityService entities, TagService tags, AnnotationService annotations,
			CopyService copies) {
		this.copies = copies;
		this.articles = articles;
		this.entities = entities;
		this.tags = tags;
		this.annotations = annotations;
	}

	/**
	 * These articles, in the order of the ids; ids of articles that no longer exist are
	 * left out.
	 */
	List<IndexedArticle> load(List<Long> ids) {
		return withEntities(articles.contents(ids));
	}

	/** The group of copies of each of these articles, 0 for one without copies. */
	Map<Long, Long> copyGroups(List<Long> ids) {
		Map<Long, Long> shared = copies.indexedGroups(ids);
		Map<Long, Long> groups = new java.util.HashMap<>();
		ids.forEach(id -> groups.put(id, shared.getOrDefault(id, 0L)));
		return groups;
	}

	/** Up to {@code limit} articles with ids above {@code afterId}, in id order. */
	List<IndexedArticle> after(long afterId, int limit) {
		return withEntities(articles.contentsAfter(afterId, limit));
	}

	private List<IndexedArticle> withEntities(List<ArticleContent> contents) {
		if (contents.isEmpty()) {
			return List.of();
		}
		List<Long> ids = contents.stream().map(ArticleContent::id).toList();
		Map<Long, List<ArticleEntity>> found = entities.entitiesOf(ids);
		Map<Long, List<String>> tagged = tags.tagsOf(ids);
		Map<Long, List<String>> notes = annotations.notesOf(ids);
		Map<Long, Long> groups = copies.indexedGroups(ids);
		return contents.stream()
			.map(content -> new IndexedArticle(content, found.getOrDefault(content.id(), List.of()),
					tagged.getOrDefault(content.id(), List.of()), notes.getOrDefault(content.id(), List.of()),
					groups.getOrDefault(content.id(), 0L)))
			.toList();
	}

}
