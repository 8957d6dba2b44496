package org.morgue.transfer;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/articles/bulk} as a client pushing a newsroom's back issues meets
 * it: NDJSON in, every line's fate out, bad lines never stopping good ones and never
 * half-stored, the stored ones searchable and queued for entity extraction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkImportApiTests {

	private static final String NDJSON = "application/x-ndjson";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
	}

	@Test
	void aLineMayBeANinjsDocumentOrCarryAWireDocument() {
		// given: ninjs on a line of its own, then NewsML-G2 as text, then a later version
		// of it, then a document that is not a news item
		String marker = marker();
		String item = "<newsItem xmlns=\\\"http://iptc.org/std/nar/2006-10-01/\\\" guid=\\\"urn:example:%1$s\\\" "
				+ "version=\\\"%2$s\\\"><contentMeta><headline>Dam opens %1$s</headline></contentMeta><contentSet>"
				+ "<inlineXML><nitf><body><body.content><p>%3$s %1$s.</p></body.content></body></nitf></inlineXML>"
				+ "</contentSet></newsItem>";
		String body = String.join("\n",
				"{\"uri\": \"urn:example:ninjs-%1$s\", \"headline\": \"Rains arrive %1$s\", \"body_text\": \"The rains arrived in %1$s.\"}"
					.formatted(marker),
				"{\"document\": \"" + item.formatted(marker, "1", "The dam opened") + "\", \"source\": \"Bulk Wire\"}",
				"{\"document\": \"" + item.formatted(marker, "2", "The dam opened on Monday")
						+ "\", \"source\": \"Bulk Wire\"}",
				"{\"document\": \"<catalog/>\", \"mediaType\": \"application/xml\"}", "");

		// when
		Response response = editor.post("/api/v1/articles/bulk", NDJSON, body);

		// then
		assertThat(response.status()).isEqualTo(200);
		JsonNode answer = response.json();
		JsonNode results = answer.get("results");
		assertThat(results).hasSize(4);
		assertThat(results.get(0).get("status").stringValue()).isEqualTo("created");
		assertThat(results.get(1).get("status").stringValue()).isEqualTo("created");
		assertThat(results.get(2).get("status").stringValue()).isEqualTo("updated");
		assertThat(results.get(2).get("id").longValue()).isEqualTo(results.get(1).get("id").longValue());
		assertThat(results.get(3).get("status").stringValue()).isEqualTo("error");
		assertThat(results.get(3).get("reason").stringValue()).contains("not a news item");
		assertThat(answer.get("updated").intValue()).isEqualTo(1);
		JsonNode dam = editor.get("/api/v1/articles/" + results.get(1).get("id").longValue()).json();
		assertThat(dam.get("body").stringValue()).isEqualTo("The dam opened on Monday " + marker + ".");
		assertThat(dam.get("source").stringValue()).isEqualTo("Bulk Wire");
		assertThat(dam.get("story").get("versions").intValue()).isEqualTo(2);
		JsonNode rains = editor.get("/api/v1/articles/" + results.get(0).get("id").longValue()).json();
		assertThat(rains.get("story").get("guid").stringValue()).isEqualTo("urn:example:ninjs-" + marker);
	}

	@Test
	void eachLineIsCreatedDuplicateOrAnErrorWithItsLineNumberAndReason() {
		// given: good lines, a repeat, blank lines and four kinds of bad line
		String marker = marker();
		String body = """
				{"title": "Rice prices rise in %1$s", "body": "Rice prices rose for a third week in %1$s markets.", "source": "Bulk Wire", "publishedAt": "2021-03-04"}
				{"title": "The same story again", "body": "Rice prices rose for a third week in %1$s markets."}

				{"raw": "By AFP\\nYANGON: Farmers in %1$s planted late this year, officials said on Monday.\\n\\nThe rains came a month after they were due."}
				{"title": "Broken", "body": "unterminated
				{"title": "No text here"}
				{"title": "A typo", "bdy": "Text with %1$s in it"}
				{"raw": "By AFP\\nYANGON: More text from %1$s.", "publishedAt": "last Tuesday"}
				"""
			.formatted(marker);

		// when
		Response response = editor.post("/api/v1/articles/bulk", NDJSON, body);

		// then: line by line, in order
		assertThat(response.status()).isEqualTo(200);
		JsonNode answer = response.json();
		JsonNode results = answer.get("results");
		assertThat(results).hasSize(7);
		assertThat(results.get(0).get("line").intValue()).isEqualTo(1);
		assertThat(results.get(0).get("status").stringValue()).isEqualTo("created");
		long first = results.get(0).get("id").longValue();
		assertThat(results.get(1).get("status").stringValue()).isEqualTo("duplicate");
		assertThat(results.get(1).get("id").longValue()).isEqualTo(first);
		assertThat(results.get(2).get("line").intValue()).isEqualTo(4);
		assertThat(results.get(2).get("status").stringValue()).isEqualTo("created");
		assertThat(results.get(3).get("line").intValue()).isEqualTo(5);
		assertThat(results.get(3).get("status").stringValue()).isEqualTo("error");
		assertThat(results.get(3).get("reason").stringValue()).contains("Not valid JSON");
		assertThat(results.get(4).get("line").intValue()).isEqualTo(6);
		assertThat(results.get(4).get("field").stringValue()).isEqualTo("body");
		assertThat(results.get(5).get("field").stringValue()).isEqualTo("bdy");
		assertThat(results.get(5).get("reason").stringValue()).contains("Unknown field 'bdy'");
		assertThat(results.get(6).get("field").stringValue()).isEqualTo("publishedAt");
		assertThat(answer.get("read").intValue()).isEqualTo(7);
		assertThat(answer.get("created").intValue()).isEqualTo(2);
		assertThat(answer.get("duplicates").intValue()).isEqualTo(1);
		assertThat(answer.get("errors").intValue()).isEqualTo(4);

		// and: the stored articles are whole, the wire copy parsed as pasted copy is
		JsonNode stored = editor.get("/api/v1/articles/" + first).json();
		assertThat(stored.get("source").stringValue()).isEqualTo("Bulk Wire");
		assertThat(stored.get("publishedAt").stringValue()).isEqualTo("2021-03-04");
		JsonNode copy = editor.get("/api/v1/articles/" + results.get(2).get("id").longValue()).json();
		assertThat(copy.get("byline").stringValue()).isEqualTo("AFP");
		assertThat(copy.get("dateline").get("placeDisplay").stringValue()).isEqualTo("Yangon");

		// and: searchable, and nothing of the bad lines stored
		JsonNode found = Eventually.until(() -> editor.get("/api/v1/articles?q=" + marker).json(),
				json -> json.get("total").intValue() == 2);
		assertThat(found.get("total").intValue()).isEqualTo(2);
	}

	@Test
	void importedArticlesAreQueuedForEntityExtraction() {
		String marker = marker();
		Response response = editor.post("/api/v1/articles/bulk", NDJSON, """
				{"raw": "By AFP\\nMOSCOW: Russian Foreign Minister Sergei Lavrov met officials in Moscow about %s."}
				""".formatted(marker));
		long id = response.json().get("results").get(0).get("id").longValue();

		JsonNode article = Eventually.until(() -> editor.get("/api/v1/articles/" + id).json(),
				json -> json.get("entitiesAnalysed").booleanValue(), java.time.Duration.ofSeconds(90));

		assertThat(article.get("entities").findValuesAsString("name")).contains("Sergei Lavrov", "Moscow");
	}

	@Test
	void anEmptyBodyIsRefusedWithAProblem() {
		Response response = editor.post("/api/v1/articles/bulk", NDJSON, "\n\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").stringValue()).contains("empty");
	}

	@Test
	void readersCannotImport() {
		HttpApi reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);

		Response response = reader.post("/api/v1/articles/bulk", NDJSON, "{\"body\": \"x\"}\n");

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aJsonArrayIsNotNdjson() {
		Response response = editor.post("/api/v1/articles/bulk", "application/json", "[{\"body\": \"x\"}]");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private static String marker() {
		return "bulk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
