package org.morgue.annotation;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.Role;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotations through the API as an annotation tool speaks to it (W3C Web Annotation
 * JSON-LD), over HTTP against real PostgreSQL: creating by quote, by position or both,
 * who may change what, the collection of an article, what a user annotated, and the note
 * found by {@code note:} search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotationApiTests {

	static final String LD_JSON = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

	static final String OTHER_EDITOR = "annotating-editor";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	HttpApi otherEditor;

	HttpApi reader;

	HttpApi admin;

	String marker;

	long articleId;

	String body;

	@BeforeEach
	void storeAnArticle() {
		TestUsers.ensure(users);
		synchronized (AnnotationApiTests.class) {
			if (users.find(OTHER_EDITOR).isEmpty()) {
				users.create(OTHER_EDITOR, TestUsers.PASSWORD, Role.EDITOR);
			}
		}
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		otherEditor = HttpApi.as(port, OTHER_EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		marker = "an" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Response stored = editor.post("/api/v1/articles", "application/json",
				"""
						{"title": "Harbour reopens %1$s", "body": "The harbour reopened on Monday %1$s. The mayor said the harbour was safe.\\n\\nFishermen returned to the harbour at dawn."}
						"""
					.formatted(marker));
		assertThat(stored.status()).isEqualTo(201);
		articleId = stored.json().get("id").asLong();
		body = editor.get("/api/v1/articles/" + articleId).json().get("body").stringValue();
	}

	@Test
	void createsByQuoteAndFillsInThePositionAsAWebAnnotation() {
		// when
		Response created = editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("Check the **date** with the port authority.", quote("reopened on Monday", null, null)));

		// then
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/ld+json")
			.contains("profile=\"http://www.w3.org/ns/anno.jsonld\"");
		JsonNode json = created.json();
		assertThat(created.header("Location")).isEqualTo(json.get("id").stringValue())
			.matches("http://localhost:" + port + "/api/v1/annotations/\\d+");
		assertThat(json.get("@context").stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
		assertThat(json.get("type").stringValue()).isEqualTo("Annotation");
		assertThat(json.get("creator").get("type").stringValue()).isEqualTo("Person");
		assertThat(json.get("creator").get("nickname").stringValue()).isEqualTo(TestUsers.EDITOR);
		assertThat(json.get("created").stringValue()).isNotBlank();
		assertThat(json.get("modified").stringValue()).isNotBlank();
		assertThat(json.get("body").get("type").stringValue()).isEqualTo("TextualBody");
		assertThat(json.get("body").get("value").stringValue())
			.isEqualTo("Check the **date** with the port authority.");
		assertThat(json.get("body").get("format").stringValue()).isEqualTo("text/markdown");
		JsonNode target = json.get("target");
		assertThat(target.get("source").stringValue())
			.isEqualTo("http://localhost:" + port + "/api/v1/articles/" + articleId);
		JsonNode quote = target.get("selector").get(0);
		JsonNode position = target.get("selector").get(1);
		assertThat(quote.get("type").stringValue()).isEqualTo("TextQuoteSelector");
		assertThat(quote.get("exact").stringValue()).isEqualTo("reopened on Monday");
		assertThat(quote.get("prefix").stringValue()).isEqualTo("The harbour ");
		assertThat(quote.get("suffix").stringValue()).startsWith(" " + marker);
		assertThat(position.get("type").stringValue()).isEqualTo("TextPositionSelector");
		int start = body.indexOf("reopened on Monday");
		assertThat(position.get("start").intValue()).isEqualTo(start);
		assertThat(position.get("end").intValue()).isEqualTo(start + "reopened on Monday".length());
		assertThat(json.has("orphaned")).isFalse();

		// and a reader reads it back, as JSON-LD by default and as plain JSON when asked
		Response read = reader.get(created.header("Location").substring(("http://localhost:" + port).length()));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.contentType()).startsWith("application/ld+json");
		assertThat(read.json().get("body").get("value").stringValue())
			.isEqualTo("Check the **date** with the port authority.");
		Response plain = reader.get("/api/v1/annotations/" + id(created), "Accept", "application/json");
		assertThat(plain.contentType()).startsWith("application/json");
	}

	@Test
	void aQuoteOccurringMoreThanOnceIsPlacedByItsContext() {
		Response created = editor.post("/api/v1/articles/" + articleId + "/annotations", "application/json",
				annotation("Which harbour?", quote("harbour", "returned to the ", " at dawn")));

		assertThat(created.status()).isEqualTo(201);
		assertThat(position(created.json()).get("start").intValue()).isEqualTo(body.lastIndexOf("harbour"));

		Response ambiguous = editor.post("/api/v1/articles/" + articleId + "/annotations", "application/json",
				annotation("Which one?", quote("harbour", null, null)));
		assertThat(ambiguous.status()).isEqualTo(400);
		assertThat(ambiguous.json().get("detail").stringValue()).contains("occurs 3 times");
	}

	@Test
	void createsByPositionAndFillsInTheQuote() {
		int start = body.indexOf("Fishermen");

		Response created = editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("Who counted them?", position(start, start + "Fishermen returned".length())));

		assertThat(created.status()).isEqualTo(201);
		JsonNode quote = created.json().get("target").get("selector").get(0);
		assertThat(quote.get("exact").stringValue()).isEqualTo("Fishermen returned");
		assertThat(quote.get("prefix").stringValue()).endsWith("harbour was safe.\n\n");
		assertThat(quote.get("suffix").stringValue()).isEqualTo(" to the harbour at dawn.");
	}

	@Test
	void createsWithBothSelectorsWhenTheyAgreeAndRefusesThemWhenTheyDoNot() {
		int start = body.indexOf("The mayor said");
		String both = "[" + quoteSelector("The mayor said", null, null) + ","
				+ positionSelector(start, start + "The mayor said".length()) + "]";

		Response created = editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("Name the mayor.", both));
		assertThat(created.status()).isEqualTo(201);

		String disagreeing = "[" + quoteSelector("The mayor said", null, null) + ","
				+ positionSelector(start + 1, start + 1 + "The mayor said".length()) + "]";
		Response refused = editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("Name the mayor again.", disagreeing));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").stringValue()).contains("selectors disagree");
		assertThat(refused.json().get("field").stringValue()).isEqualTo("exact");

		// nothing half-stored
		assertThat(reader.get("/api/v1/articles/" + articleId + "/annotations").json().get("total").intValue())
			.isEqualTo(1);
	}

	@Test
	void badInputIsRefusedNamingTheProblem() {
		String path = "/api/v1/articles/" + articleId + "/annotations";
		Response notThere = editor.post(path, LD_JSON,
				annotation("Note", quote("not in the story " + marker, null, null)));
		assertThat(notThere.status()).isEqualTo(400);
		assertThat(notThere.json().get("detail").stringValue()).contains("is not in the article's text");

		Response outOfRange = editor.post(path, LD_JSON, annotation("Note", position(5, body.length() + 10)));
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.json().get("detail").stringValue()).contains("is not a passage of this article");

		Response empty = editor.post(path, LD_JSON, annotation("Note", position(7, 7)));
		assertThat(empty.status()).isEqualTo(400);

		Response noNote = editor.post(path, LD_JSON, annotation("  ", quote("harbour reopened", null, null)));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.json().get("detail").stringValue()).contains("note is empty");

		Response noSelector = editor.post(path, LD_JSON,
				"{\"type\": \"Annotation\", \"body\": {\"type\": \"TextualBody\", \"value\": \"x\"}, \"target\": {}}");
		assertThat(noSelector.status()).isEqualTo(400);
		assertThat(noSelector.json().get("field").stringValue()).isEqualTo("target.selector");

		Response badJson = editor.post(path, LD_JSON, "{\"body\": ");
		assertThat(badJson.status()).isEqualTo(400);
		assertThat(badJson.contentType()).startsWith("application/problem+json");
		assertThat(badJson.json().get("detail").stringValue()).contains("not valid JSON");

		assertThat(reader.get(path).json().get("total").intValue()).isZero();
	}

	@Test
	void readersReadButDoNotAnnotate() {
		Response refused = reader.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("A reader's note", quote("reopened on Monday", null, null)));
		assertThat(refused.status()).isEqualTo(403);

		long id = id(create("An editor's note"));
		assertThat(reader.get("/api/v1/annotations/" + id).status()).isEqualTo(200);
		assertThat(reader.put("/api/v1/annotations/" + id, LD_JSON, annotation("Changed", null)).status())
			.isEqualTo(403);
		assertThat(reader.delete("/api/v1/annotations/" + id).status()).isEqualTo(403);
	}

	@Test
	void onlyTheAuthorOrAnAdministratorChangesOrDeletesAnAnnotation() {
		Response created = create("First thoughts");
		long id = id(created);
		String path = "/api/v1/annotations/" + id;

		// another editor may not
		assertThat(otherEditor.put(path, LD_JSON, annotation("Hijacked", null)).status()).isEqualTo(403);
		assertThat(otherEditor.delete(path).status()).isEqualTo(403);
		assertThat(reader.get(path).json().get("body").get("value").stringValue()).isEqualTo("First thoughts");

		// the author may, with the ETag it was served with
		Response changed = editor.put(path, LD_JSON, annotation("Second thoughts", null), "If-Match",
				created.header("ETag"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("body").get("value").stringValue()).isEqualTo("Second thoughts");
		assertThat(quote(changed.json()).get("exact").stringValue()).isEqualTo("reopened on Monday");

		// but not with a stale one
		Response stale = editor.put(path, LD_JSON, annotation("Third thoughts", null), "If-Match",
				created.header("ETag"));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(reader.get(path).json().get("body").get("value").stringValue()).isEqualTo("Second thoughts");

		// an administrator may, the target too
		Response moved = admin.put(path, LD_JSON, annotation("Moved by the desk", quote("Fishermen", null, null)));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(quote(moved.json()).get("exact").stringValue()).isEqualTo("Fishermen");
		assertThat(moved.json().get("creator").get("nickname").stringValue()).isEqualTo(TestUsers.EDITOR);
		assertThat(admin.delete(path).status()).isEqualTo(204);
		Response gone = reader.get(path);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theAuthorDeletesTheirAnnotation() {
		long id = id(create("Delete me"));
		assertThat(editor.delete("/api/v1/annotations/" + id).status()).isEqualTo(204);
		assertThat(editor.delete("/api/v1/annotations/" + id).status()).isEqualTo(404);
	}

	@Test
	void anArticlesAnnotationsAreACollectionInTheOrderOfTheirPassages() {
		editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("Second passage", quote("Fishermen", null, null)));
		editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation("First passage", quote("The harbour reopened", null, null)));

		Response list = reader.get("/api/v1/articles/" + articleId + "/annotations");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.contentType()).startsWith("application/ld+json");
		JsonNode json = list.json();
		assertThat(json.get("@context").stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
		assertThat(json.get("type").stringValue()).isEqualTo("AnnotationCollection");
		assertThat(json.get("total").intValue()).isEqualTo(2);
		JsonNode page = json.get("first");
		assertThat(page.get("type").stringValue()).isEqualTo("AnnotationPage");
		assertThat(page.get("items").get(0).get("body").get("value").stringValue()).isEqualTo("First passage");
		assertThat(page.get("items").get(1).get("body").get("value").stringValue()).isEqualTo("Second passage");

		assertThat(reader.get("/api/v1/articles/" + Long.MAX_VALUE + "/annotations").status()).isEqualTo(404);
	}

	@Test
	void aUsersAnnotationsAreListedNewestFirst() {
		create("Older note " + marker);
		create("Newer note " + marker);

		Response page = reader.get("/api/v1/annotations?creator=" + TestUsers.EDITOR + "&size=2");

		assertThat(page.status()).isEqualTo(200);
		JsonNode json = page.json();
		assertThat(json.get("type").stringValue()).isEqualTo("AnnotationPage");
		assertThat(json.get("partOf").get("total").intValue()).isGreaterThanOrEqualTo(2);
		assertThat(json.get("items").get(0).get("body").get("value").stringValue()).isEqualTo("Newer note " + marker);
		assertThat(json.get("items").get(1).get("body").get("value").stringValue()).isEqualTo("Older note " + marker);
		assertThat(reader.get("/api/v1/annotations").status()).isEqualTo(400);
	}

	@Test
	void aNoteMakesItsArticleFoundByNoteSearch() {
		String word = "zn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		assertThat(reader.get("/api/v1/articles?q=note:" + word).json().get("total").asLong()).isZero();

		long id = id(create("Ask the harbourmaster about " + word + " tomorrow."));

		JsonNode found = Eventually.until(() -> reader.get("/api/v1/articles?q=note:" + word).json(),
				result -> result.get("total").asLong() == 1);
		assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(articleId);
		// the word is in the note, not in the text
		assertThat(reader.get("/api/v1/articles?q=" + word).json().get("total").asLong()).isZero();

		editor.delete("/api/v1/annotations/" + id);
		Eventually.until(() -> reader.get("/api/v1/articles?q=note:" + word).json(),
				result -> result.get("total").asLong() == 0);
	}

	private Response create(String note) {
		Response created = editor.post("/api/v1/articles/" + articleId + "/annotations", LD_JSON,
				annotation(note, quote("reopened on Monday", null, null)));
		assertThat(created.status()).isEqualTo(201);
		return created;
	}

	private static long id(Response created) {
		String id = created.json().get("id").stringValue();
		return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
	}

	private static JsonNode quote(JsonNode annotation) {
		return annotation.get("target").get("selector").get(0);
	}

	private static JsonNode position(JsonNode annotation) {
		return annotation.get("target").get("selector").get(1);
	}

	static String annotation(String note, String selectors) {
		String target = (selectors != null) ? ", \"target\": {\"selector\": " + selectors + "}" : "";
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
				 "body": {"type": "TextualBody", "value": %s, "format": "text/markdown"}%s}""".formatted(string(note),
				target);
	}

	static String quote(String exact, String prefix, String suffix) {
		return quoteSelector(exact, prefix, suffix);
	}

	static String quoteSelector(String exact, String prefix, String suffix) {
		return "{\"type\": \"TextQuoteSelector\", \"exact\": %s, \"prefix\": %s, \"suffix\": %s}"
			.formatted(string(exact), string(prefix), string(suffix));
	}

	static String position(int start, int end) {
		return positionSelector(start, end);
	}

	static String positionSelector(int start, int end) {
		return "{\"type\": \"TextPositionSelector\", \"start\": %d, \"end\": %d}".formatted(start, end);
	}

	private static String string(String value) {
		return (value == null) ? "null" : tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(value);
	}

}
