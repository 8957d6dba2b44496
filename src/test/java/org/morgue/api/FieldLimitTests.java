package org.morgue.api;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.article.ArticleLimits;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.morgue.api.ArticleApiTests.assertProblem;

/**
 * Every article field has a limit ({@link ArticleLimits}), the same whichever way the
 * article comes in, refused with problem details naming the field and stated in the API's
 * description; a refused article leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FieldLimitTests {

	private static final String HUGE_TITLE = "T".repeat(100_000);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	JdbcTemplate jdbc;

	HttpApi editor;

	String marker;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		marker = "limit" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void refusesAHundredThousandCharacterTitleAndStoresNothing() {
		// given
		long before = articles();
		String body = JsonMapper.shared()
			.writeValueAsString(java.util.Map.of("title", HUGE_TITLE, "body", "Officials met on " + marker + "."));

		// when
		Response response = editor.post("/api/v1/articles", "application/json", body);

		// then
		assertProblem(response, 400, "title");
		assertThat(response.json().get("detail").asString()).contains("100,000").contains("1,000");
		assertThat(stored(marker)).isZero();
		assertThat(articles()).isEqualTo(before);
	}

	@Test
	void refusesATitleOneCharacterOverTheLimitGivenWithRawCopy() {
		// when: a title just over the limit, as a query parameter of raw copy
		Response response = editor.post("/api/v1/articles?title=" + "T".repeat(ArticleLimits.TITLE + 1), "text/plain",
				"LONDON (Reuters) - Officials met on " + marker + ".\nThe talks go on.");

		// then
		assertProblem(response, 400, "title");
		assertThat(stored(marker)).isZero();
	}

	@Test
	void takesATitleAtTheLimit() {
		// when
		Response response = editor.post("/api/v1/articles?title=" + "T".repeat(ArticleLimits.TITLE), "text/plain",
				"LONDON (Reuters) - Officials met on " + marker + ".\nThe talks go on.");

		// then
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(stored(marker)).isOne();
	}

	@Test
	void refusesALongSourceAndUrlAndKeepsTheArticleAsItWas() {
		// given
		Response created = editor.post("/api/v1/articles", "application/json",
				"{\"title\": \"Talks\", \"body\": \"Officials met on " + marker + ".\"}");
		String article = created.json().get("links").get("self").asString();
		int version = created.json().get("version").asInt();

		// when
		Response source = editor.patch(article, "application/merge-patch+json",
				"{\"version\": " + version + ", \"source\": \"" + "S".repeat(ArticleLimits.SOURCE + 1) + "\"}");
		Response title = editor.patch(article, "application/merge-patch+json",
				"{\"version\": " + version + ", \"title\": \"" + "T".repeat(ArticleLimits.TITLE + 1) + "\"}");
		Response huge = editor.patch(article, "application/merge-patch+json",
				"{\"version\": " + version + ", \"title\": \"" + HUGE_TITLE + "\"}");
		Response url = editor.patch(article, "application/merge-patch+json", "{\"version\": " + version
				+ ", \"url\": \"https://example.org/" + "u".repeat(ArticleLimits.URL) + "\"}");

		// then
		assertProblem(source, 400, "source");
		assertProblem(title, 400, "title");
		// a correction's whole body is held to 64 KB before its fields are read
		assertProblem(huge, 413, "body");
		assertProblem(url, 400, "url");
		JsonNode now = editor.get(article).json();
		assertThat(now.get("version").asInt()).isEqualTo(version);
		assertThat(now.get("title").asString()).isEqualTo("Talks");
		assertThat(jdbc.queryForObject("select count(*) from source where length(name) > ?", Long.class,
				ArticleLimits.SOURCE))
			.isZero();
	}

	@Test
	void refusesAnOverLongLineOfABulkImportAndStoresTheOthers() {
		// given
		String ndjson = "{\"title\": \"" + HUGE_TITLE + "\", \"body\": \"Too long a title " + marker + ".\"}\n"
				+ "{\"title\": \"Fine\", \"body\": \"A fine line " + marker + ".\"}\n";

		// when
		Response response = editor.post("/api/v1/articles/bulk", "application/x-ndjson", ndjson);

		// then
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode first = response.json().get("results").get(0);
		assertThat(first.get("status").asString()).isEqualTo("error");
		assertThat(first.get("field").asString()).isEqualTo("title");
		assertThat(response.json().get("results").get(1).get("status").asString()).isEqualTo("created");
		assertThat(stored(marker)).isOne();
	}

	@Test
	void refusesAWireStoryWithAnOverLongIdAndStoresNothing() {
		// given
		String ninjs = "{\"uri\": \"http://example.org/" + "g".repeat(5_000) + "\", \"headline\": \"Talks\", "
				+ "\"body_text\": \"Officials met on " + marker + ".\"}";

		// when
		Response response = editor.post("/api/v1/articles", "application/ninjs+json", ninjs);

		// then
		assertProblem(response, 400, "guid");
		assertThat(stored(marker)).isZero();
	}

	@Test
	void theApiDescriptionStatesTheLimits() {
		// when
		JsonNode schemas = editor.get("/v3/api-docs").json().get("components").get("schemas");

		// then
		JsonNode create = schemas.get("CreateArticleRequest").get("properties");
		assertThat(create.get("title").get("maxLength").asInt()).isEqualTo(ArticleLimits.TITLE);
		assertThat(create.get("byline").get("maxLength").asInt()).isEqualTo(ArticleLimits.BYLINE);
		assertThat(create.get("source").get("maxLength").asInt()).isEqualTo(ArticleLimits.SOURCE);
		assertThat(create.get("url").get("maxLength").asInt()).isEqualTo(ArticleLimits.URL);
		JsonNode correct = schemas.get("CorrectArticleRequest").get("properties");
		assertThat(correct.get("title").get("maxLength").asInt()).isEqualTo(ArticleLimits.TITLE);
		assertThat(schemas.get("RenameTagRequest").get("properties").get("name").get("maxLength").asInt())
			.isEqualTo(64);
		assertThat(schemas.get("CreateUserRequest").get("properties").get("password").get("maxLength").asInt())
			.isEqualTo(UserService.MAX_PASSWORD_BYTES);
	}

	@Test
	void refusesAPasswordLongerThanBcryptReads() {
		// given
		HttpApi admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);

		// when
		Response response = admin.post("/api/v1/users", "application/json", "{\"username\": \"long-"
				+ marker.substring(5, 15) + "\", \"password\": \"" + "p".repeat(73) + "\", \"role\": \"READER\"}");

		// then
		assertProblem(response, 400, "password");
		assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class,
				"long-" + marker.substring(5, 15)))
			.isZero();
	}

	private long articles() {
		return jdbc.queryForObject("select count(*) from article", Long.class);
	}

	private long stored(String marker) {
		return jdbc.queryForObject("select count(*) from article where body like ?", Long.class, "%" + marker + "%");
	}

}
