package org.morgue.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.morgue.bench.WriteLedger.AnnotationState;
import org.morgue.bench.WriteLedger.ArticleState;
import org.morgue.bench.WriteLedger.Stored;
import org.morgue.bench.WriteLedger.StoredArticle;

import static org.assertj.core.api.Assertions.assertThat;

class WriteLedgerTests {

	private final WriteLedger ledger = new WriteLedger();

	private final Map<Long, StoredArticle> articles = new HashMap<>();

	private final Map<Long, AnnotationState> annotations = new HashMap<>();

	@Test
	void findsNothingLostWhenEveryAcknowledgedWriteIsStored() {
		// given
		ledger.created(new ArticleState(1, "Rice prices", "h1", "zqab"));
		ledger.created(new ArticleState(2, "Bulk line", null, "zqac"));
		ledger.tagged(1, "Myanmar");
		ledger.annotated(new AnnotationState(10, 1, "Check the figure"));
		articles.put(1L, new StoredArticle(1, "Rice prices", "h1", "Rice rose zqab.", Set.of("Myanmar", "other")));
		articles.put(2L, new StoredArticle(2, "Bulk line", "h2", "A line zqac.", Set.of()));
		annotations.put(10L, new AnnotationState(10, 1, "Check the figure"));

		// when / then
		assertThat(ledger.lost(stored())).isEmpty();
		assertThat(ledger.acknowledged()).isEqualTo(4);
	}

	@Test
	void namesAMissingArticleAMissingTagAndAMissingAnnotation() {
		// given
		ledger.created(new ArticleState(1, "Rice prices", "h1", "zqab"));
		ledger.created(new ArticleState(2, "Gone", "h2", "zqac"));
		ledger.tagged(1, "Myanmar");
		ledger.annotated(new AnnotationState(10, 1, "Check the figure"));
		articles.put(1L, new StoredArticle(1, "Rice prices", "h1", "Rice rose zqab.", Set.of()));

		// when / then
		assertThat(ledger.lost(stored())).containsExactly("article 2 (zqac) is not stored",
				"article 1 lost the tag Myanmar", "annotation 10 on article 1 is not stored");
	}

	@Test
	void anAcknowledgedCorrectionMustBeStored() {
		// given: the original is stored, the acknowledged correction is not
		ledger.created(new ArticleState(1, "Rice prices", "h1", "zqab"));
		ledger.correcting(1, "Rice prices rise");
		ledger.corrected(new ArticleState(1, "Rice prices rise", "h1b", "zqab"));
		articles.put(1L, new StoredArticle(1, "Rice prices", "h1", "Rice rose zqab.", Set.of()));

		// when / then
		assertThat(ledger.lost(stored()))
			.containsExactly("article 1 has the title \"Rice prices\", not the acknowledged \"Rice prices rise\"");
	}

	@Test
	void aCorrectionSentButNotAnsweredMayOrMayNotBeStored() {
		// given: a correction in flight when the archive died
		ledger.created(new ArticleState(1, "Rice prices", "h1", "zqab"));
		ledger.correcting(1, "Rice prices rise");

		// when it was kept, or when it was not
		articles.put(1L, new StoredArticle(1, "Rice prices rise", "h1b", "Rice rose zqab.", Set.of()));
		assertThat(ledger.lost(stored())).isEmpty();
		articles.put(1L, new StoredArticle(1, "Rice prices", "h1", "Rice rose zqab.", Set.of()));
		assertThat(ledger.lost(stored())).isEmpty();

		// but not anything else
		articles.put(1L, new StoredArticle(1, "Something else", "h9", "zqab", Set.of()));
		assertThat(ledger.lost(stored())).hasSize(1);
	}

	@Test
	void aStoredTextOtherThanTheAcknowledgedOneIsALoss() {
		// given
		ledger.created(new ArticleState(1, "Rice prices", "h1", "zqab"));
		ledger.created(new ArticleState(2, "Bulk line", null, "zqac"));
		articles.put(1L, new StoredArticle(1, "Rice prices", "other", "Rice rose zqab.", Set.of()));
		articles.put(2L, new StoredArticle(2, "Bulk line", "h2", "A line without its word.", Set.of()));
		ledger.annotated(new AnnotationState(10, 1, "Check the figure"));
		annotations.put(10L, new AnnotationState(10, 1, "Another note"));

		// when / then
		assertThat(ledger.lost(stored())).containsExactly(
				"article 1 does not have the acknowledged text (hash other, not h1)",
				"article 2 lost the word zqac from its text",
				"annotation 10 is stored as " + new AnnotationState(10, 1, "Another note") + ", not "
						+ new AnnotationState(10, 1, "Check the figure"));
	}

	private Stored stored() {
		return new Stored(Map.copyOf(articles), Map.copyOf(annotations));
	}

}
