package org.morgue.annotation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleTextCorrected;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotations follow a correction of their article's text in the correcting transaction: they move
 * with their quote, or are kept as orphaned when it is gone, and nothing moves if the correction
 * rolls back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TextCorrectionTests {

	@Autowired
	IngestService ingest;

	@Autowired
	AnnotationService annotations;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void annotationsMoveWithTheirQuoteOrAreOrphaned() {
		// given
		String marker = "tc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		ArticleDetails article = ingest.ingestCopy("The council approved the budget " + marker
				+ " on Tuesday.\n\nThe vote was close.", CopyCorrections.none()).article();
		String before = article.body();
		AnnotationDetails budget = annotations.create(article.id(), "Which budget?",
				AnnotationTarget.ofQuote("approved the budget", null, null));
		AnnotationDetails vote = annotations.create(article.id(), "How close?",
				AnnotationTarget.ofQuote("The vote was close", null, null));

		// when: words are inserted before both passages
		String inserted = before.replace("The council", "The city council");
		correct(article.id(), before, inserted);

		// then
		PassageSelectors moved = annotations.get(budget.id()).selectors();
		assertThat(moved.start()).isEqualTo(budget.selectors().start() + 5);
		assertThat(inserted.substring(moved.start(), moved.end())).isEqualTo("approved the budget");
		assertThat(annotations.get(vote.id()).selectors().start()).isEqualTo(inserted.indexOf("The vote was close"));

		// when: the second passage is removed
		String removed = inserted.replace("\n\nThe vote was close.", "");
		correct(article.id(), inserted, removed);

		// then: it is orphaned, with its quote and note, and still listed
		AnnotationDetails orphan = annotations.get(vote.id());
		assertThat(orphan.orphaned()).isTrue();
		assertThat(orphan.selectors().exact()).isEqualTo("The vote was close");
		assertThat(orphan.note()).isEqualTo("How close?");
		assertThat(annotations.ofArticle(article.id())).extracting(AnnotationDetails::id)
			.containsExactly(budget.id(), vote.id());
		assertThat(annotations.get(budget.id()).orphaned()).isFalse();
	}

	@Test
	void nothingMovesWhenTheCorrectionRollsBack() {
		String marker = "rb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		ArticleDetails article = ingest.ingestCopy("The mayor resigned " + marker + " on Friday.",
				CopyCorrections.none()).article();
		AnnotationDetails annotation = annotations.create(article.id(), "Confirmed?",
				AnnotationTarget.ofQuote("resigned", null, null));

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			events.publishEvent(new ArticleTextCorrected(article.id(), article.body(), "Nothing else."));
			status.setRollbackOnly();
		});

		assertThat(annotations.get(annotation.id())).isEqualTo(annotation);
	}

	private void correct(long articleId, String before, String after) {
		new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> events.publishEvent(new ArticleTextCorrected(articleId, before, after)));
	}


}
