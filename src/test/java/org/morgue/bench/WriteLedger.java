package org.morgue.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every write the archive acknowledged (a 2xx with what it answered), and the writes sent
 * but not answered, which a power cut may or may not have kept. Compared with what is
 * stored, it names each acknowledged write that is not there as it was acknowledged.
 * Thread-safe: the writing clients record into one ledger.
 */
final class WriteLedger {

	/**
	 * An article as acknowledged: created by a single save or a bulk line, or corrected.
	 *
	 * @param title the title the archive answered (a bulk line's answer has none: the one
	 * sent, which the archive keeps as given)
	 * @param contentHash the hash the archive answered, or {@code null} for a bulk line
	 * @param marker a word only this article's body has
	 */
	record ArticleState(long id, String title, String contentHash, String marker) {
	}

	/** An annotation as acknowledged. */
	record AnnotationState(long id, long articleId, String note) {
	}

	/** What is stored of the articles and annotations asked about. */
	record Stored(Map<Long, StoredArticle> articles, Map<Long, AnnotationState> annotations) {
	}

	/** An article as stored, with its tags. */
	record StoredArticle(long id, String title, String contentHash, String body, Set<String> tags) {
	}

	private final Map<Long, ArticleState> articles = new LinkedHashMap<>();

	/**
	 * Per article, the correction sent after its last acknowledged state and not
	 * answered.
	 */
	private final Map<Long, String> unansweredCorrections = new LinkedHashMap<>();

	private final Map<Long, Set<String>> tags = new LinkedHashMap<>();

	private final Map<Long, AnnotationState> annotations = new LinkedHashMap<>();

	private long acknowledged;

	synchronized void created(ArticleState article) {
		articles.put(article.id(), article);
		acknowledged++;
	}

	/** A correction is about to be sent; {@code title} is the title it sets. */
	synchronized void correcting(long id, String title) {
		unansweredCorrections.put(id, title);
	}

	synchronized void corrected(ArticleState article) {
		articles.put(article.id(), article);
		unansweredCorrections.remove(article.id());
		acknowledged++;
	}

	synchronized void tagged(long id, String tag) {
		tags.computeIfAbsent(id, key -> new LinkedHashSet<>()).add(tag);
		acknowledged++;
	}

	synchronized void annotated(AnnotationState annotation) {
		annotations.put(annotation.id(), annotation);
		acknowledged++;
	}

	/** Writes acknowledged so far, of every kind. */
	synchronized long acknowledged() {
		return acknowledged;
	}

	synchronized List<Long> articleIds() {
		return new ArrayList<>(articles.keySet());
	}

	synchronized List<Long> annotationIds() {
		return new ArrayList<>(annotations.keySet());
	}

	synchronized List<ArticleState> articles() {
		return new ArrayList<>(articles.values());
	}

	/**
	 * The acknowledged writes that are not stored as acknowledged, one line each: an
	 * article missing or not at its last acknowledged title and text (a correction sent
	 * after it and not answered may have been applied: its title is accepted), a tag
	 * missing, an annotation missing or with another note.
	 */
	synchronized List<String> lost(Stored stored) {
		List<String> lost = new ArrayList<>();
		for (ArticleState expected : articles.values()) {
			StoredArticle found = stored.articles().get(expected.id());
			if (found == null) {
				lost.add("article " + expected.id() + " (" + expected.marker() + ") is not stored");
				continue;
			}
			String unanswered = unansweredCorrections.get(expected.id());
			if (unanswered != null && unanswered.equals(found.title())) {
				continue;
			}
			if (!expected.title().equals(found.title())) {
				lost.add("article " + expected.id() + " has the title \"" + found.title()
						+ "\", not the acknowledged \"" + expected.title() + "\"");
			}
			else if (expected.contentHash() != null && !expected.contentHash().equals(found.contentHash())) {
				lost.add("article " + expected.id() + " does not have the acknowledged text (hash "
						+ found.contentHash() + ", not " + expected.contentHash() + ")");
			}
			else if (found.body() == null || !found.body().contains(expected.marker())) {
				lost.add("article " + expected.id() + " lost the word " + expected.marker() + " from its text");
			}
		}
		for (Map.Entry<Long, Set<String>> tagged : tags.entrySet()) {
			StoredArticle found = stored.articles().get(tagged.getKey());
			Collection<String> has = (found != null) ? found.tags() : Set.of();
			for (String tag : tagged.getValue()) {
				if (!has.contains(tag)) {
					lost.add("article " + tagged.getKey() + " lost the tag " + tag);
				}
			}
		}
		for (AnnotationState expected : annotations.values()) {
			AnnotationState found = stored.annotations().get(expected.id());
			if (found == null) {
				lost.add("annotation " + expected.id() + " on article " + expected.articleId() + " is not stored");
			}
			else if (!found.equals(expected)) {
				lost.add("annotation " + expected.id() + " is stored as " + found + ", not " + expected);
			}
		}
		return lost;
	}

}
