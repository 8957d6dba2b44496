package org.morgue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.morgue.article.ArticleContent;
import org.morgue.copies.ArticleCopies;
import org.morgue.copies.Copy;

/**
 * Another copy of the article's story as its page lists it: where and when it ran, how
 * much of one text is in the other, and the paragraphs it added to the article's text or
 * cut from it.
 *
 * @param added paragraphs the copy has that the article lacks
 * @param cut paragraphs of the article the copy lacks
 */
record CopyView(Copy copy, String similarity, List<String> added, List<String> cut) {

	/**
	 * The article's other copies, earliest first, each compared with the article's body.
	 */
	static List<CopyView> of(long articleId, String body, ArticleCopies copies, List<ArticleContent> contents) {
		Map<Long, String> bodies = contents.stream()
			.collect(Collectors.toMap(ArticleContent::id, ArticleContent::body, (a, b) -> a));
		List<CopyView> views = new ArrayList<>();
		for (Copy copy : copies.articles()) {
			if (copy.id() == articleId) {
				continue;
			}
			List<String> added = new ArrayList<>();
			List<String> cut = new ArrayList<>();
			for (ParagraphDiff.Change change : ParagraphDiff.of(body, bodies.getOrDefault(copy.id(), ""))) {
				if (change.added()) {
					added.add(change.text());
				}
				else if (change.cut()) {
					cut.add(change.text());
				}
			}
			views.add(new CopyView(copy, Math.round(copy.similarity() * 100) + "%", added, cut));
		}
		return views;
	}

	/** The ids of the article's other copies, whose bodies {@link #of} compares. */
	static List<Long> others(long articleId, ArticleCopies copies) {
		return copies.articles().stream().map(Copy::id).filter(id -> id != articleId).toList();
	}

	/** Whether the copy has the article's paragraphs exactly, no more and no fewer. */
	public boolean same() {
		return added.isEmpty() && cut.isEmpty();
	}

	/** "added 1 paragraph, cut 2". */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (!added.isEmpty()) {
			parts.add("added " + paragraphs(added.size()));
		}
		if (!cut.isEmpty()) {
			parts.add("cut " + paragraphs(cut.size()));
		}
		return parts.isEmpty() ? "the same paragraphs" : String.join(", ", parts);
	}

	private static String paragraphs(int count) {
		return count + ((count == 1) ? " paragraph" : " paragraphs");
	}

}
