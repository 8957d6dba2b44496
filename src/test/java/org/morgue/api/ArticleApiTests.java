package org.morgue.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article API as a client sees it, over HTTP, against real PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleApiTests {

	static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	JdbcTemplate jdbc;

	HttpApi editor;

	HttpApi admin;

	HttpApi reader;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
	}

	@Test
	void storesTheAfpSampleAsTheEditorExpects() throws IOException {
		// given: an archive without the sample (it is stored once per archive)
		jdbc.update("delete from article where body like 'Russia backs the Myanmar junta%'");
		String copy = sample();

		// when
		Response response = editor.post("/api/v1/articles", "text/plain; charset=UTF-8", copy);

		// then
		assertThat(response.status()).isEqualTo(201);
		JsonNode article = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/v1/articles/" + article.get("id").asLong());
		assertThat(article.get("source").asString()).isEqualTo("AFP");
		assertThat(article.get("byline").asString()).isEqualTo("AFP");
		assertThat(article.get("dateline").get("place").asString()).isEqualTo("YANGON");
		assertThat(article.get("dateline").get("placeDisplay").asString()).isEqualTo("Yangon");
		assertThat(article.get("body").asString()).startsWith("Russia backs the Myanmar junta’s efforts");
		assertThat(occurrences(article.get("body").asString(), "More than 2,100 people have been killed")).isOne();
		assertThat(article.get("paragraphs").valueStream().filter(p -> p.get("subhead").asBoolean()))
			.extracting(p -> p.get("text").asString())
			.containsExactly("‘Disappointed and disturbed’");
		assertThat(article.get("titleDerived").asBoolean()).isTrue();
		assertThat(article.get("title").asString()).startsWith("Russia backs the Myanmar junta’s efforts");
		assertThat(article.get("publishedAt").isNull()).isTrue();
		assertThat(article.get("createdBy").asString()).isEqualTo(TestUsers.EDITOR);

		Response raw = reader.get("/api/v1/articles/" + article.get("id").asLong() + "/raw");
		assertThat(raw.text()).isEqualTo(copy);
	}

	@Test
	void aHardWrappedBodyGetsRealParagraphsInJsonAndInNdjson() throws Exception {
		// given: Reuters-style copy, wrapped at about 65 columns, each paragraph's first
		// line indented, no blank lines
		String marker = "wrap" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String body = String.join("\n", "    The harbour authority of " + marker + " said on Tuesday it would",
				"reopen the northern basin to cargo ships next week, after repairs",
				"to the breakwater damaged in last month's storm took longer than", "planned.",
				"    Shipping agents said the closure had cost the port about a",
				"third of its usual traffic, with vessels diverted to neighbouring", "terminals.",
				"    \"We expect the first ships on Monday,\" a spokesman said.");
		String second = body.replace(marker, marker + "x");
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

		// when
		Response posted = editor.post("/api/v1/articles", "application/json",
				json.writeValueAsString(java.util.Map.of("title", "Harbour to reopen", "body", body)));
		Response bulk = editor.post("/api/v1/articles/bulk", "application/x-ndjson",
				json.writeValueAsString(java.util.Map.of("title", "Harbour to reopen", "body", second)) + "\n");

		// then: three paragraphs each time, none of them a wrapped line alone
		assertThat(posted.status()).isEqualTo(201);
		long bulkId = bulk.json().get("results").get(0).get("id").asLong();
		for (JsonNode article : new JsonNode[] { posted.json(), editor.get("/api/v1/articles/" + bulkId).json() }) {
			JsonNode paragraphs = article.get("paragraphs");
			assertThat(paragraphs).hasSize(3);
			assertThat(paragraphs.get(0).get("text").asString()).startsWith("The harbour authority of " + marker)
				.endsWith("took longer than planned.");
			assertThat(paragraphs.get(1).get("text").asString()).startsWith("Shipping agents")
				.endsWith("neighbouring terminals.");
			assertThat(paragraphs.get(2).get("text").asString())
				.isEqualTo("\"We expect the first ships on Monday,\" a spokesman said.");
		}
	}

	@Test
	void aBodyOfOneShortLineAParagraphKeepsItsParagraphs() {
		String marker = "lines" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String body = "The ferry to " + marker + " sailed again on Monday.\nIt had been held in port for a week.\n"
				+ "Passengers cheered as it left.";

		Response posted = editor.post("/api/v1/articles", "application/json",
				"{\"title\": \"Ferry sails\", \"body\": \"" + body.replace("\n", "\\n") + "\"}");

		assertThat(posted.status()).isEqualTo(201);
		assertThat(posted.json().get("paragraphs")).hasSize(3);
	}

	@Test
	void theSameCopyAgainAnswersWithTheStoredArticle() {
		// given
		String copy = uniqueCopy();
		long id = editor.post("/api/v1/articles", "text/plain", copy).json().get("id").asLong();

		// when: the same story, re-wrapped and with straight quotes
		Response again = editor.post("/api/v1/articles", "text/plain", copy.replace("’", "'") + "\n\n");

		// then
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(id);
		assertThat(again.json().get("alreadyExisted").asBoolean()).isTrue();
	}

	@Test
	void storesAnArticleGivenAsJson() {
		// given
		String body = "First paragraph of a story about " + UUID.randomUUID() + ".\n\nSecond paragraph.";
		String json = """
				{"title": "A headline", "body": %s, "byline": "Jane Doe", "source": "Reuters",
				 "dateline": "LONDON", "publishedAt": "2023-03-03T10:14:00Z", "url": "https://example.org/a",
				 "language": "en-GB"}
				""".formatted(quote(body));

		// when
		Response response = editor.post("/api/v1/articles", "application/json", json);

		// then
		assertThat(response.status()).isEqualTo(201);
		JsonNode article = response.json();
		assertThat(article.get("title").asString()).isEqualTo("A headline");
		assertThat(article.get("titleDerived").asBoolean()).isFalse();
		assertThat(article.get("source").asString()).isEqualTo("Reuters");
		assertThat(article.get("dateline").get("placeDisplay").asString()).isEqualTo("London");
		assertThat(article.get("publishedAt").asString()).isEqualTo("2023-03-03T10:14:00Z");
		assertThat(article.get("language").asString()).isEqualTo("en-GB");
		assertThat(article.get("paragraphs")).hasSize(2);
		assertThat(article.get("alreadyExisted").asBoolean()).isFalse();
	}

	@Test
	void jsonWithoutTitleGetsOneDerivedFromTheLead() {
		Response response = editor.post("/api/v1/articles", "application/json",
				"{\"body\": \"Ministers met on " + UUID.randomUUID() + " to agree a budget, officials said.\"}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("titleDerived").asBoolean()).isTrue();
		assertThat(response.json().get("title").asString()).startsWith("Ministers met on");
	}

	@Test
	void refusesEmptyAndBlankBodies() {
		assertProblem(editor.post("/api/v1/articles", "text/plain", ""), 400, "body");
		assertProblem(editor.post("/api/v1/articles", "text/plain", "  \n\t \n"), 400, "body");
		assertProblem(editor.post("/api/v1/articles", "application/json", "{\"title\": \"x\", \"body\": \"  \"}"), 400,
				"body");
		assertProblem(editor.post("/api/v1/articles", "application/json", "{\"title\": \"x\"}"), 400, "body");
	}

	@Test
	void refusesABodyOverTheLimitAndStoresNothing() {
		long before = total();
		String huge = "word ".repeat(220_000) + UUID.randomUUID();

		assertProblem(editor.post("/api/v1/articles", "text/plain", huge), 413, "body");
		assertProblem(editor.post("/api/v1/articles", "application/json", "{\"body\": " + quote(huge) + "}"), 413,
				"body");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void refusesBytesThatAreNotUtf8() {
		long before = total();
		byte[] latin1 = ("Caf\u00e9 owners in S\u00e3o Paulo " + UUID.randomUUID())
			.getBytes(StandardCharsets.ISO_8859_1);

		Response response = editor.post("/api/v1/articles", "text/plain", latin1);

		assertProblem(response, 400, "body");
		assertThat(response.json().get("detail").asString()).contains("UTF-8");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void readsCopyInTheCharsetTheClientDeclares() {
		byte[] latin1 = ("Caf\u00e9 owners in S\u00e3o Paulo met on " + UUID.randomUUID() + ".")
			.getBytes(StandardCharsets.ISO_8859_1);

		Response response = editor.post("/api/v1/articles", "text/plain; charset=ISO-8859-1", latin1);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("body").asString()).startsWith("Café owners in São Paulo");
	}

	@Test
	void refusesJsonThatIsNotAnObject() {
		long before = total();

		Response array = editor.post("/api/v1/articles", "application/json", "[{\"body\": \"text\"}]");
		Response broken = editor.post("/api/v1/articles", "application/json", "{\"body\": \"text\"");
		Response typo = editor.post("/api/v1/articles", "application/json", "{\"body\": \"text\", \"titel\": \"x\"}");
		Response number = editor.post("/api/v1/articles", "application/json", "{\"body\": 42}");

		assertProblem(array, 400, "body");
		assertThat(array.json().get("detail").asString()).contains("JSON object");
		assertProblem(broken, 400, "body");
		assertProblem(typo, 400, "titel");
		assertProblem(number, 400, "body");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void refusesADateThatDoesNotParse() {
		long before = total();

		Response plain = editor.post("/api/v1/articles?publishedAt=03/08/2022", "text/plain", uniqueCopy());
		Response json = editor.post("/api/v1/articles", "application/json",
				"{\"body\": \"Text " + UUID.randomUUID() + "\", \"publishedAt\": \"2022-02-30\"}");

		assertProblem(plain, 400, "publishedAt");
		assertThat(plain.json().get("detail").asString()).contains("03/08/2022");
		assertProblem(json, 400, "publishedAt");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void refusesAnUnknownContentType() {
		Response response = editor.post("/api/v1/articles", "application/pdf", "%PDF-1.4");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.contentType()).startsWith(PROBLEM_JSON);
		assertThat(response.json().get("detail").asString()).contains("text/plain").contains("application/json");
	}

	@Test
	void takesMetadataFromQueryParametersWithRawCopy() {
		Response response = editor.post(
				"/api/v1/articles?source=Reuters&publishedAt=2022-08-03&url=https://example.org/x&title=Given%20title",
				"text/plain", uniqueCopy());

		assertThat(response.status()).isEqualTo(201);
		JsonNode article = response.json();
		assertThat(article.get("source").asString()).isEqualTo("Reuters");
		assertThat(article.get("publishedAt").asString()).isEqualTo("2022-08-03");
		assertThat(article.get("url").asString()).isEqualTo("https://example.org/x");
		assertThat(article.get("title").asString()).isEqualTo("Given title");
		assertThat(article.get("titleDerived").asBoolean()).isFalse();
	}

	@Test
	void answersNotModifiedForTheCurrentETag() {
		long id = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json().get("id").asLong();
		Response first = reader.get("/api/v1/articles/" + id);
		String etag = first.header("ETag");

		Response second = reader.get("/api/v1/articles/" + id, "If-None-Match", etag);

		assertThat(etag).isNotBlank();
		assertThat(second.status()).isEqualTo(304);
	}

	@Test
	void correctsMetadataAndRefusesAStaleVersion() {
		// given
		JsonNode created = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json();
		long id = created.get("id").asLong();
		String etag = reader.get("/api/v1/articles/" + id).header("ETag");

		// when
		Response corrected = editor.patch("/api/v1/articles/" + id, "application/merge-patch+json",
				"{\"title\": \"Russia backs junta's election plan\", \"publishedAt\": \"2022-08-03\", \"byline\": null}",
				"If-Match", etag);
		Response stale = editor.patch("/api/v1/articles/" + id, "application/json",
				"{\"title\": \"Someone else's headline\", \"version\": " + created.get("version").asInt() + "}");

		// then
		assertThat(corrected.status()).isEqualTo(200);
		assertThat(corrected.json().get("title").asString()).isEqualTo("Russia backs junta's election plan");
		assertThat(corrected.json().get("titleDerived").asBoolean()).isFalse();
		assertThat(corrected.json().get("publishedAt").asString()).isEqualTo("2022-08-03");
		assertThat(corrected.json().get("byline").isNull()).isTrue();
		assertThat(corrected.json().get("source").asString()).isEqualTo(created.get("source").asString());
		assertThat(corrected.json().get("updatedBy").asString()).isEqualTo(TestUsers.EDITOR);
		assertProblem(stale, 409, "version");
		assertThat(reader.get("/api/v1/articles/" + id).json().get("title").asString())
			.isEqualTo("Russia backs junta's election plan");
	}

	@Test
	void correctsTheTextKeepingTheCopyAsReceived() {
		// given
		String copy = uniqueCopy();
		JsonNode created = editor.post("/api/v1/articles", "text/plain", copy).json();
		long id = created.get("id").asLong();
		String marker = UUID.randomUUID().toString().replace("-", "");

		// when
		Response corrected = editor.patch("/api/v1/articles/" + id, "application/json",
				"""
						{"body": "Officials met to discuss the budget, a spokesman said, %s.\\n\\n## Next week\\n\\nThe talks\\nwill continue.", "version": %d}"""
					.formatted(marker, created.get("version").asInt()));

		// then
		assertThat(corrected.status()).isEqualTo(200);
		JsonNode paragraphs = corrected.json().get("paragraphs");
		assertThat(paragraphs).hasSize(3);
		assertThat(paragraphs.get(1).get("subhead").asBoolean()).isTrue();
		assertThat(paragraphs.get(1).get("text").asString()).isEqualTo("Next week");
		assertThat(paragraphs.get(2).get("text").asString()).isEqualTo("The talks will continue.");
		assertThat(corrected.json().get("version").asInt()).isGreaterThan(created.get("version").asInt());
		assertThat(corrected.json().get("contentHash").asString()).isNotEqualTo(created.get("contentHash").asString());
		assertThat(reader.get("/api/v1/articles/" + id + "/raw").text()).isEqualTo(copy);
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json().get("total").asLong(),
				total -> total == 1);
	}

	@Test
	void refusesTextThatAnotherArticleHasAndChangesNothing() {
		// given
		JsonNode first = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json();
		JsonNode second = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json();
		String firstBody = first.get("body").asString();
		String patch = "{\"title\": \"A new title\", \"body\": " + jsonString(firstBody) + ", \"version\": "
				+ second.get("version").asInt() + "}";

		// when
		Response response = editor.patch("/api/v1/articles/" + second.get("id").asLong(), "application/json", patch);

		// then
		assertProblem(response, 409, "body");
		assertThat(response.json().get("otherArticle").asString())
			.isEqualTo("/api/v1/articles/" + first.get("id").asLong());
		JsonNode unchanged = reader.get("/api/v1/articles/" + second.get("id").asLong()).json();
		assertThat(unchanged.get("title").asString()).isEqualTo(second.get("title").asString());
		assertThat(unchanged.get("version").asInt()).isEqualTo(second.get("version").asInt());
	}

	@Test
	void refusesAnEmptyText() {
		JsonNode created = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json();

		Response response = editor.patch("/api/v1/articles/" + created.get("id").asLong(), "application/json",
				"{\"body\": \" \\n\\n \", \"version\": " + created.get("version").asInt() + "}");

		assertProblem(response, 400, "body");
	}

	private static String jsonString(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	@Test
	void exportsAnArticleWithItsTagsAndAnnotations() {
		// given
		String copy = uniqueCopy();
		long id = editor.post("/api/v1/articles", "text/plain", copy).json().get("id").asLong();
		assertThat(editor.put("/api/v1/articles/" + id + "/tags/Budget%20talks").status()).isEqualTo(200);
		Response annotated = editor.post("/api/v1/articles/" + id + "/annotations", "application/json", """
				{"body": {"type": "TextualBody", "value": "Ask the *spokesman* again.", "format": "text/markdown"},
				 "target": {"selector": {"type": "TextQuoteSelector", "exact": "a spokesman said"}}}""");
		assertThat(annotated.status()).isEqualTo(201);

		// when
		Response export = reader.get("/api/v1/articles/" + id + "/export");

		// then
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Disposition")).contains("article-" + id + ".json");
		JsonNode bundle = export.json();
		assertThat(bundle.get("id").asLong()).isEqualTo(id);
		assertThat(bundle.get("tags").toString()).isEqualTo("[\"Budget talks\"]");
		assertThat(bundle.get("rawText").asString()).isEqualTo(copy);
		JsonNode annotation = bundle.get("annotations").get(0);
		assertThat(annotation.get("type").asString()).isEqualTo("Annotation");
		assertThat(annotation.get("body").get("value").asString()).isEqualTo("Ask the *spokesman* again.");
		assertThat(annotation.get("target").get("selector").toString()).contains("\"exact\":\"a spokesman said\"")
			.contains("TextPositionSelector");
		assertThat(annotation.get("creator").get("nickname").asString()).isEqualTo(TestUsers.EDITOR);
	}

	@Test
	void aCorrectionMustSayWhichVersionItCorrects() {
		long id = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json().get("id").asLong();

		Response response = editor.patch("/api/v1/articles/" + id, "application/json", "{\"title\": \"New\"}");

		assertProblem(response, 428, "version");
	}

	@Test
	void refusesAnEmptyTitleInACorrection() {
		JsonNode created = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json();

		Response response = editor.patch("/api/v1/articles/" + created.get("id").asLong(), "application/json",
				"{\"title\": \"  \", \"version\": " + created.get("version").asInt() + "}");

		assertProblem(response, 400, "title");
	}

	@Test
	void onlyAdminsDelete() {
		long id = editor.post("/api/v1/articles", "text/plain", uniqueCopy()).json().get("id").asLong();

		assertThat(editor.delete("/api/v1/articles/" + id).status()).isEqualTo(403);
		assertThat(admin.delete("/api/v1/articles/" + id).status()).isEqualTo(204);
		assertProblem(reader.get("/api/v1/articles/" + id), 404, null);
	}

	@Test
	void answersBadIdsWithProblems() {
		assertProblem(reader.get("/api/v1/articles/999999999"), 404, null);
		assertProblem(reader.get("/api/v1/articles/not-a-number"), 400, "id");
	}

	@Test
	void listsArticlesNewestFirstWithoutAQuery() {
		String marker = UUID.randomUUID().toString();
		editor.post("/api/v1/articles?publishedAt=2001-01-01", "text/plain", "Older story " + marker + " here.");
		long newest = editor
			.post("/api/v1/articles?publishedAt=2099-01-01", "text/plain", "Newer story " + marker + " here.")
			.json()
			.get("id")
			.asLong();

		JsonNode page = Eventually.until(() -> reader.get("/api/v1/articles?size=2").json(),
				result -> result.get("hits").get(0).get("id").asLong() == newest);

		assertThat(page.get("hits")).hasSize(2);
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(page.get("nextCursor").isNull()).isFalse();
		assertProblem(reader.get("/api/v1/articles?size=1000"), 400, "size");
	}

	@Test
	void servesTheOpenApiDescription() {
		Response response = reader.get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("paths").has("/api/v1/articles")).isTrue();
		assertThat(response.json().get("paths").has("/api/v1/articles/{id}")).isTrue();
	}

	private long total() {
		return jdbc.queryForObject("select count(*) from article", Long.class);
	}

	static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(PROBLEM_JSON);
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
		if (field != null) {
			assertThat(problem.get("field").asString()).isEqualTo(field);
		}
	}

	static String uniqueCopy() {
		return "By Jane Doe, Reuters\nLONDON (Reuters) - Officials met on " + UUID.randomUUID()
				+ " to discuss the budget’s future, a spokesman said.\nThe talks will continue next week.";
	}

	static String sample() throws IOException {
		try (InputStream in = ArticleApiTests.class.getResourceAsStream("/wire/afp-myanmar-raw.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	private static String quote(String text) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
	}

}
