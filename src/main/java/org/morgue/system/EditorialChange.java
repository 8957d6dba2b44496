package org.morgue.system;

import java.util.List;

/**
 * An editorial change (a metadata or text correction, a tag, an annotation, an entity
 * curated), published in the transaction that makes it by the module that makes it. The
 * history records it in that same transaction, with who made it and when, so a change is
 * never stored without its record.
 *
 * @param kind what was done, dotted and stable for filters: {@code article.metadata},
 * {@code article.text}, {@code tag.added}, {@code tag.removed}, {@code tag.renamed},
 * {@code tag.merged}, {@code annotation.created}, {@code annotation.updated},
 * {@code annotation.deleted}, {@code entity.renamed} and so on
 * @param subject what it was done to, in words: "tag Myanmar", "annotation 12", "entity 7
 * (Aung San Suu Kyi)"
 * @param articleIds the articles it changed (many for a tag given to every result of a
 * search; none for a change to a tag or entity that no article records)
 * @param before the state before as a value Jackson can write (a record, map, string), or
 * {@code null} when something was created
 * @param after the state after, or {@code null} when something was removed
 */
public record EditorialChange(String kind, String subject, List<Long> articleIds, Object before, Object after) {

	public EditorialChange {
		articleIds = (articleIds != null) ? List.copyOf(articleIds) : List.of();
	}

	/** A change to one article. */
	public static EditorialChange ofArticle(String kind, String subject, long articleId, Object before, Object after) {
		return new EditorialChange(kind, subject, List.of(articleId), before, after);
	}

}
