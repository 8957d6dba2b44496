package org.morgue.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestChanges;
import org.morgue.TestUsers;
import org.morgue.system.EditorialChange;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history records every editorial change with its transaction, who made it and the
 * state before and after, and answers an article's history and the administrators' audit
 * over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryTests {

	/** The first analysis in a JVM waits for the tagger's models to load. */
	static final Duration ANALYSIS = Duration.ofSeconds(90);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	HttpApi editor;

	HttpApi reader;

	HttpApi admin;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aChangeIsRecordedWithItsTransactionAndNotWhenItRollsBack() {
		// given
		String marker = marker("tx");
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(marker + "-user", null, "ROLE_EDITOR"));
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		// when: one change commits, another rolls back after it was published
		transaction.executeWithoutResult(status -> events.publishEvent(
				EditorialChange.ofArticle("tag.added", "tag " + marker, 987_654_321L, null, Map.of("tag", marker))));
		transaction.executeWithoutResult(status -> {
			events.publishEvent(EditorialChange.ofArticle("tag.removed", "tag " + marker, 987_654_321L,
					Map.of("tag", marker), null));
			status.setRollbackOnly();
		});

		// then: only the committed one is there, with who made it
		List<RecordedChange> recorded = history.audit(new AuditFilter(marker + "-user", null, null, null, null), 0, 10);
		assertThat(recorded).extracting(RecordedChange::kind).containsExactly("tag.added");
		assertThat(recorded.get(0).subject()).isEqualTo("tag " + marker);
		assertThat(recorded.get(0).after()).isEqualTo(Map.of("tag", marker));
		assertThat(recorded.get(0).before()).isNull();
	}

	@Test
	void aChangeToFiftyThousandArticlesIsOneChangeLinkedToEachOfThem() {
		// given
		String marker = marker("bulk");
		List<Long> ids = LongStream.rangeClosed(1_000_000_001L, 1_000_050_000L).boxed().toList();
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(marker, null, "ROLE_EDITOR"));

		// when
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> events
			.publishEvent(new EditorialChange("tag.added", "tag " + marker, ids, null, Map.of("tag", marker))));

		// then
		List<RecordedChange> recorded = history.audit(new AuditFilter(marker, null, null, null, null), 0, 10);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0).articleCount()).isEqualTo(50_000);
		assertThat(history.countOfArticle(1_000_049_999L)).isPositive();
		assertThat(history.ofArticle(1_000_000_001L, 0, 100)).extracting(RecordedChange::subject)
			.contains("tag " + marker);
	}

	@Test
	void renamingAndRetypingAnEntityAreInTheHistoryOfItsArticles() {
		// given: an analysed story, and an entity mentioned in it
		String marker = marker("ent");
		long article = saveAnalysed("The harbour reopened on Monday, " + marker + " officials said.");
		long entity = mentionedEntity(article, "Quorvin " + marker);

		// when: an editor renames it, then makes it an organisation
		assertThat(editor
			.patch("/api/v1/entities/" + entity, "application/json", "{\"name\": \"Quorvin Holdings " + marker + "\"}")
			.status()).isEqualTo(200);
		assertThat(
				editor.patch("/api/v1/entities/" + entity, "application/json", "{\"type\": \"ORGANIZATION\"}").status())
			.isEqualTo(200);

		// then: the article's history lists both, newest first, with who, and before and
		// after
		Response response = reader.get("/api/v1/articles/" + article + "/history");
		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("total").asLong()).isEqualTo(2);
		JsonNode retyped = page.get("changes").get(0);
		JsonNode renamed = page.get("changes").get(1);
		assertThat(retyped.get("kind").asString()).isEqualTo("entity.retyped");
		assertThat(retyped.get("before").get("type").asString()).isEqualTo("PERSON");
		assertThat(retyped.get("after").get("type").asString()).isEqualTo("ORGANIZATION");
		assertThat(renamed.get("kind").asString()).isEqualTo("entity.renamed");
		assertThat(renamed.get("actor").asString()).isEqualTo(TestUsers.EDITOR);
		assertThat(renamed.get("subject").asString()).contains("entity " + entity);
		assertThat(renamed.get("before").get("name").asString()).isEqualTo("Quorvin " + marker);
		assertThat(renamed.get("after").get("name").asString()).isEqualTo("Quorvin Holdings " + marker);
		assertThat(renamed.get("time").asString()).isNotBlank();

		// and: pages of one change each walk them both
		JsonNode second = reader.get("/api/v1/articles/" + article + "/history?page=1&size=1").json();
		assertThat(second.get("changes")).hasSize(1);
		assertThat(second.get("changes").get(0).get("kind").asString()).isEqualTo("entity.renamed");
	}

	@Test
	void mergingAndIgnoringAreRecordedForTheArticlesTheyTouch() {
		// given
		String marker = marker("mrg");
		long article = saveAnalysed("The convoy left at dawn, " + marker + " drivers said.");
		long from = mentionedEntity(article, "Zarvel " + marker);
		long into = mentionedEntity(article, "Zarvelland " + marker);

		// when
		assertThat(editor.post("/api/v1/entities/" + from + "/merge", "application/json", "{\"into\": " + into + "}")
			.status()).isEqualTo(200);
		assertThat(editor.post("/api/v1/ignored-names", "application/json", "{\"name\": \"Zarvelland " + marker + "\"}")
			.status()).isEqualTo(200);

		// then
		JsonNode changes = reader.get("/api/v1/articles/" + article + "/history").json().get("changes");
		assertThat(changes.findValuesAsString("kind")).containsExactly("entity.ignored", "entity.merged");
		assertThat(changes.get(1).get("before").get("name").asString()).isEqualTo("Zarvel " + marker);
		assertThat(changes.get(1).get("after").get("name").asString()).isEqualTo("Zarvelland " + marker);
		assertThat(changes.get(0).get("after").isNull()).isTrue();
	}

	@Test
	void theAuditFiltersByActorKindArticleAndDay() {
		// given: changes by two people, of two kinds, on two articles
		String marker = marker("aud");
		publishAs(marker + "-a", EditorialChange.ofArticle("tag.added", "tag one", 900_000_001L, null, "one"));
		publishAs(marker + "-a",
				EditorialChange.ofArticle("annotation.created", "annotation 1", 900_000_002L, null, "n"));
		publishAs(marker + "-b", EditorialChange.ofArticle("tag.removed", "tag two", 900_000_001L, "two", null));
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

		// when / then
		assertThat(kinds(admin.get("/api/v1/admin/audit?actor=" + marker + "-a"))).containsExactly("annotation.created",
				"tag.added");
		assertThat(kinds(admin.get("/api/v1/admin/audit?actor=" + marker + "-a&kind=tag")))
			.containsExactly("tag.added");
		assertThat(kinds(admin
			.get("/api/v1/admin/audit?actor=" + marker + "-b&article=900000001&from=" + today + "&to=" + today)))
			.containsExactly("tag.removed");
		assertThat(kinds(admin.get("/api/v1/admin/audit?actor=" + marker + "-b&to=" + yesterday))).isEmpty();
		JsonNode paged = admin.get("/api/v1/admin/audit?actor=" + marker + "-a&size=1&page=1").json();
		assertThat(paged.get("total").asLong()).isEqualTo(2);
		assertThat(paged.get("changes").findValuesAsString("kind")).containsExactly("tag.added");
	}

	@Test
	void theAuditIsForAdministratorsAndRefusesBadFilters() {
		assertThat(reader.get("/api/v1/admin/audit").status()).isEqualTo(403);
		assertThat(editor.get("/api/v1/admin/audit").status()).isEqualTo(403);
		assertThat(HttpApi.anonymous(port).get("/api/v1/admin/audit").status()).isEqualTo(401);
		Response badDate = admin.get("/api/v1/admin/audit?from=last-week");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.header("Content-Type")).startsWith("application/problem+json");
		assertThat(badDate.json().get("field").asString()).isEqualTo("from");
		assertThat(admin.get("/api/v1/admin/audit?size=0").status()).isEqualTo(400);
	}

	private static List<String> kinds(Response response) {
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("changes").findValuesAsString("kind");
	}

	private long saveAnalysed(String copy) {
		long id = editor.post("/api/v1/articles", "text/plain", copy).json().get("id").asLong();
		Eventually.until(() -> reader.get("/api/v1/articles/" + id).json(),
				json -> json.get("entitiesAnalysed").asBoolean(), ANALYSIS);
		return id;
	}

	/**
	 * A made-up person mentioned in the article, written into the entity tables as
	 * analysis would.
	 */
	private long mentionedEntity(long article, String name) {
		Long id = jdbc.queryForObject("""
				insert into entity (name, type, created_at, updated_at, updated_by)
				values (?, 'PERSON', now(), now(), 'test') returning id""", Long.class, name);
		int start = 1000 + (int) (id % 100_000);
		jdbc.update("""
				insert into mention (article_id, entity_id, field, start_offset, end_offset, surface, surface_key)
				values (?, ?, 'BODY', ?, ?, ?, ?)""", article, id, start, start + name.length(), name,
				org.morgue.ner.NameKey.of(name));
		jdbc.update("insert into entity_alias (name_key, type, entity_id, name) values (?, 'PERSON', ?, ?)",
				org.morgue.ner.NameKey.of(name), id, name);
		return id;
	}

	static String marker(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private void publishAs(String actor, EditorialChange change) {
		TestChanges.publishAs(actor, change, events, transactionManager);
	}

}
