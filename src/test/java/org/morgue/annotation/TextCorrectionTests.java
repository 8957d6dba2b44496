package org.morgue.annotation;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleTextCorrected;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotations follow a correction of their article's text in the correcting transaction:
 * they move with their quote, or are kept as orphaned when it is gone, and nothing moves
 * if the correction rolls back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TextCorrectionTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ArticleService articles;

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
		ArticleDetails article = ingest
			.ingestCopy("The council approved the budget " + marker + " on Tuesday.\n\nThe vote was close.",
					CopyCorrections.none())
			.article();
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
	void anEditorsCorrectionOfTheTextMovesAndOrphansAnnotations() {
		// given: an article with two annotations, made through the API
		TestUsers.ensure(users);
		HttpApi editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		String marker = "ee" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		ArticleDetails article = ingest
			.ingestCopy("Flooding closed the coast road " + marker + " on Sunday.\n\nEngineers inspected the bridge.",
					CopyCorrections.none())
			.article();
		long road = annotate(editor, article.id(), "Which road?", "closed the coast road");
		long bridge = annotate(editor, article.id(), "Which bridge?", "Engineers inspected the bridge");

		// when: an editor corrects the text, adding words before the first passage
		ArticleDetails corrected = articles.correctText(article.id(), article.version(),
				List.of(ArticleParagraph.paragraph("Heavy flooding closed the coast road " + marker + " on Sunday."),
						ArticleParagraph.paragraph("Engineers inspected the bridge.")));

		// then: the annotation moved with its passage
		JsonNode moved = editor.get("/api/v1/annotations/" + road).json();
		JsonNode position = moved.get("target").get("selector").get(1);
		assertThat(corrected.body().substring(position.get("start").intValue(), position.get("end").intValue()))
			.isEqualTo("closed the coast road");
		assertThat(position.get("start").intValue()).isEqualTo(corrected.body().indexOf("closed the coast road"));

		// when: the second paragraph is removed
		articles.correctText(article.id(), corrected.version(),
				List.of(ArticleParagraph.paragraph("Heavy flooding closed the coast road " + marker + " on Sunday.")));

		// then: its annotation is orphaned, still listed with its quote and note
		JsonNode list = editor.get("/api/v1/articles/" + article.id() + "/annotations").json();
		assertThat(list.get("total").intValue()).isEqualTo(2);
		JsonNode orphan = list.get("first").get("items").get(1);
		assertThat(orphan.get("id").stringValue()).endsWith("/api/v1/annotations/" + bridge);
		assertThat(orphan.get("orphaned").booleanValue()).isTrue();
		assertThat(orphan.get("body").get("value").stringValue()).isEqualTo("Which bridge?");
		assertThat(orphan.get("target").get("selector").get(0).get("exact").stringValue())
			.isEqualTo("Engineers inspected the bridge");
		assertThat(list.get("first").get("items").get(0).has("orphaned")).isFalse();
		String page = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD)
			.get("/articles/" + article.id())
			.text();
		assertThat(page).contains("Notes whose passage is gone")
			.contains("Which bridge?")
			.contains("Engineers inspected the bridge")
			.doesNotContain("id=\"passage-" + bridge + "\"")
			.contains("id=\"passage-" + road + "\"");
	}

	private static long annotate(HttpApi editor, long articleId, String note, String exact) {
		HttpApi.Response created = editor.post("/api/v1/articles/" + articleId + "/annotations", "application/json", """
				{"body": {"type": "TextualBody", "value": "%s"},
				 "target": {"selector": {"type": "TextQuoteSelector", "exact": "%s"}}}""".formatted(note, exact));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").stringValue();
		return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
	}

	@Test
	void nothingMovesWhenTheCorrectionRollsBack() {
		String marker = "rb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		ArticleDetails article = ingest
			.ingestCopy("The mayor resigned " + marker + " on Friday.", CopyCorrections.none())
			.article();
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
