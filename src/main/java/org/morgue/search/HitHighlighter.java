package org.morgue.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.morgue.article.ArticleContent;

/**
 * Marks the words a query matched in each hit's title and body, re-analysing the texts
 * read from PostgreSQL (the index stores none). Everything but the {@code <mark>}
 * elements is HTML-escaped, so pages can show the result as it is.
 */
final class HitHighlighter {

	private static final int SNIPPETS = 2;

	private static final int SNIPPET_LENGTH = 220;

	private static final String MARK = "<mark>";

	private static final String UNMARK = "</mark>";

	/**
	 * Separates the body's passages in the highlighter's output; it cannot occur in
	 * stored text.
	 */
	private static final String PASSAGES = "\u0000";

	private HitHighlighter() {
	}

	static List<SearchHit> highlight(Query query, List<ArticleContent> texts) throws IOException {
		if (texts.isEmpty()) {
			return List.of();
		}
		UnifiedHighlighter titles = UnifiedHighlighter.builderWithoutSearcher(ArticleAnalyzers.INDEX)
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(new DefaultPassageFormatter(MARK, UNMARK, " … ", true))
			.withMaxNoHighlightPassages(1)
			.withHighlightPhrasesStrictly(true)
			.withFieldMatcher(field -> field.equals(ArticleFields.TITLE) || field.equals(ArticleFields.TEXT))
			.build();
		UnifiedHighlighter bodies = UnifiedHighlighter.builderWithoutSearcher(ArticleAnalyzers.INDEX)
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
			.withFormatter(new DefaultPassageFormatter(MARK, UNMARK, PASSAGES, true))
			.withMaxNoHighlightPassages(1)
			.withHighlightPhrasesStrictly(true)
			.withFieldMatcher(field -> field.equals(ArticleFields.TEXT))
			.build();
		List<SearchHit> hits = new ArrayList<>(texts.size());
		for (ArticleContent article : texts) {
			Object title = titles.highlightWithoutSearcher(ArticleFields.TITLE, query, article.title(), 1);
			Object body = bodies.highlightWithoutSearcher(ArticleFields.TEXT, query, article.body(), SNIPPETS);
			hits.add(new SearchHit(article.id(), (title != null) ? title.toString() : escape(article.title()),
					snippets(body)));
		}
		return hits;
	}

	private static List<String> snippets(Object highlighted) {
		if (highlighted == null) {
			return List.of();
		}
		List<String> snippets = new ArrayList<>();
		for (String passage : highlighted.toString().split(PASSAGES)) {
			String trimmed = passage.strip();
			if (!trimmed.isEmpty()) {
				snippets.add(trimmed);
			}
		}
		return snippets;
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#x27;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
