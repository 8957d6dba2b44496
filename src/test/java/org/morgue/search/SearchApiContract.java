package org.morgue.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Search as an API client uses it: what is stored is found, with highlights, facets and
 * cursors, over HTTP against real PostgreSQL and a real index on disk.
 * <p>
 * A contract every search backend keeps: a subclass per backend chooses it with
 * {@code morgue.search.backend}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SearchApiContract {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	HttpApi reader;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
	}

	@Test
	void anArticleIsSearchableRightAfterItIsSaved() {
		// given
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

		// when
		long started = System.nanoTime();
		long id = editor
			.post("/api/v1/articles?source=AFP&publishedAt=2022-08-03", "text/plain",
					"YANGON (AFP) - The junta’s plan to stabilise the country met " + word
							+ " resistance.\nMore follows.")
			.json()
			.get("id")
			.asLong();
		JsonNode found = Eventually.until(() -> reader.get("/api/v1/articles?q=" + word).json(),
				result -> result.get("total").asLong() == 1);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		// then
		JsonNode hit = found.get("hits").get(0);
		assertThat(hit.get("id").asLong()).isEqualTo(id);
		assertThat(hit.get("source").asString()).isEqualTo("AFP");
		assertThat(hit.get("publishedAt").asString()).isEqualTo("2022-08-03");
		assertThat(hit.get("snippets").get(0).asString()).contains("<mark>" + word + "</mark>");
		assertThat(took).as("time from saving to being found").isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void quotesAndApostrophesAreTheSameToSearch() {
		String marker = "qa" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		editor.post("/api/v1/articles", "text/plain", "The junta’s efforts to “stabilise the situation” " + marker
				+ " went on.\nOfficials stabilising other matters said little.");

		JsonNode plain = Eventually.until(() -> reader.get("/api/v1/articles?q=junta's+" + marker).json(),
				result -> result.get("total").asLong() == 1);
		JsonNode phrase = reader.get("/api/v1/articles?q=" + encode("\"stabilise the situation\" " + marker)).json();
		JsonNode otherWording = reader.get("/api/v1/articles?q=" + encode("\"stabilising the situation\" " + marker))
			.json();
		JsonNode stemmed = reader.get("/api/v1/articles?q=" + encode("stabilising " + marker)).json();

		assertThat(plain.get("total").asLong()).isOne();
		assertThat(phrase.get("total").asLong()).isOne();
		assertThat(otherWording.get("total").asLong()).isZero();
		assertThat(stemmed.get("total").asLong()).isOne();
		assertThat(phrase.get("hits").get(0).get("snippets").get(0).asString())
			.contains("“<mark>stabilise the situation</mark>”");
	}

	@Test
	void highlightsAreEscaped() {
		String marker = "xs" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		editor.post("/api/v1/articles", "application/json", "{\"title\": \"<b>Bold</b> claims " + marker
				+ "\", \"body\": \"A body with <script>alert('x')</script> and " + marker + " inside.\"}");

		JsonNode hit = Eventually
			.until(() -> reader.get("/api/v1/articles?q=" + marker).json(), result -> result.get("total").asLong() == 1)
			.get("hits")
			.get(0);

		assertThat(hit.get("titleHighlighted").asString()).startsWith("&lt;b&gt;Bold&lt;&#x2F;b&gt; claims <mark>");
		assertThat(hit.get("snippets").get(0).asString())
			.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;")
			.doesNotContain("<script>");
	}

	@Test
	void countsFacetsAndFiltersBySourceAndDate() {
		String marker = "fc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		editor.post("/api/v1/articles?source=Reuters&publishedAt=2021-03-01", "text/plain",
				"First " + marker + " story.");
		editor.post("/api/v1/articles?source=Reuters&publishedAt=2022-05-01", "text/plain",
				"Second " + marker + " story.");
		editor.post("/api/v1/articles?source=AP&publishedAt=2022-06-01", "text/plain", "Third " + marker + " story.");

		JsonNode all = Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asLong() == 3);
		JsonNode reuters = reader.get("/api/v1/articles?q=" + marker + "&source=Reuters").json();
		JsonNode in2022 = reader.get("/api/v1/articles?q=" + marker + "&from=2022&to=2022").json();
		JsonNode inQuery = reader.get("/api/v1/articles?q=" + encode(marker + " date:2022-05-01..2022-05-31")).json();
		JsonNode bySourceField = reader.get("/api/v1/articles?q=" + encode(marker + " source:AP")).json();

		assertThat(facet(all, "source")).containsExactly("Reuters=2", "AP=1");
		assertThat(facet(all, "year")).containsExactly("2021=1", "2022=2");
		assertThat(facet(all, "month")).containsExactly("2021-03=1", "2022-05=1", "2022-06=1");
		assertThat(reuters.get("total").asLong()).isEqualTo(2);
		assertThat(facet(reuters, "source")).as("other sources stay on offer").containsExactly("Reuters=2", "AP=1");
		assertThat(facet(reuters, "year")).containsExactly("2021=1", "2022=1");
		assertThat(in2022.get("total").asLong()).isEqualTo(2);
		assertThat(inQuery.get("total").asLong()).isEqualTo(1);
		assertThat(bySourceField.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aCursorWalksEveryHitOnce() {
		String marker = "cw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		for (int i = 0; i < 7; i++) {
			editor.post("/api/v1/articles?publishedAt=2020-01-0" + (i + 1), "text/plain",
					"Story " + i + " about " + marker);
		}
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asLong() == 7);

		Set<Long> seen = new HashSet<>();
		List<String> dates = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = reader
				.get("/api/v1/articles?q=" + marker + "&sort=newest&size=3"
						+ ((cursor != null) ? "&cursor=" + cursor : ""))
				.json();
			page.get("hits").forEach(hit -> {
				assertThat(seen.add(hit.get("id").asLong())).isTrue();
				dates.add(hit.get("publishedAt").asString());
			});
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);

		assertThat(seen).hasSize(7);
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void aQueryThatCannotBeReadIsA400ThatSaysWhy() {
		Response unbalanced = reader.get("/api/v1/articles?q=" + encode("(oil AND gas"));
		Response quote = reader.get("/api/v1/articles?q=" + encode("\"oil prices"));
		Response badDate = reader.get("/api/v1/articles?q=" + encode("date:2022-13-01"));
		Response badFrom = reader.get("/api/v1/articles?from=yesterday");
		Response badCursor = reader.get("/api/v1/articles?cursor=nonsense");

		for (Response response : List.of(unbalanced, quote, badDate, badFrom, badCursor)) {
			assertThat(response.status()).as(response.text()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		assertThat(unbalanced.json().get("detail").asString()).contains("missing");
		assertThat(quote.json().get("detail").asString()).contains("quote");
		assertThat(badDate.json().get("detail").asString()).contains("2022-13-01");
		assertThat(badFrom.json().get("field").asString()).isEqualTo("from");
		assertThat(badCursor.json().get("field").asString()).isEqualTo("cursor");
	}

	@Test
	void exportsEveryHitAsCsvAndNdjson() {
		String marker = "ex" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		editor.post("/api/v1/articles?source=AFP", "text/plain", "Comma, \"quotes\" and café " + marker + ".");
		long other = editor.post("/api/v1/articles?source=AFP", "text/plain", "Another " + marker + " line.")
			.json()
			.get("id")
			.asLong();
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asLong() == 2);

		Response csv = reader.get("/api/v1/articles/export?q=" + marker + "&format=csv");
		Response ndjson = reader.get("/api/v1/articles/export?q=" + marker);

		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.text()).startsWith("\uFEFF\"id\",\"title\"");
		assertThat(csv.text()).contains("\"Comma, \"\"quotes\"\" and café " + marker + ".\"");
		assertThat(csv.text().split("\r\n")).hasSize(3);
		assertThat(ndjson.text().strip().split("\n")).hasSize(2)
			.allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
		assertThat(reader.get("/api/v1/articles/export?format=xml").status()).isEqualTo(400);

		// and: the search's filters narrow the export as they narrow the search
		assertThat(editor.put("/api/v1/articles/" + other + "/tags/" + marker).status()).isEqualTo(200);
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker + "&tag=" + marker).json(),
				result -> result.get("total").asLong() == 1);
		assertThat(reader.get("/api/v1/articles/export?q=" + marker + "&tag=" + marker).text().strip().split("\n"))
			.hasSize(1)
			.allSatisfy(line -> assertThat(line).contains("\"id\":" + other));
	}

	@Test
	void deletedArticlesLeaveTheIndex() {
		String marker = "dl" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		long id = editor.post("/api/v1/articles", "text/plain", "Soon gone " + marker).json().get("id").asLong();
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asLong() == 1);

		HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD).delete("/api/v1/articles/" + id);

		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asLong() == 0);
	}

	@Test
	void correctionsAreSearchable() {
		String marker = "cr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		JsonNode created = editor.post("/api/v1/articles", "text/plain", "Body of " + marker).json();

		editor.patch("/api/v1/articles/" + created.get("id").asLong(), "application/json",
				"{\"title\": \"Headline " + marker + "x\", \"version\": " + created.get("version").asInt() + "}");

		Eventually.until(() -> reader.get("/api/v1/articles?q=" + encode("title:" + marker + "x")).json(),
				result -> result.get("total").asLong() == 1);
	}

	private static List<String> facet(JsonNode result, String name) {
		List<String> values = new ArrayList<>();
		result.get("facets")
			.get(name)
			.forEach(v -> values.add(v.get("value").asString() + "=" + v.get("count").asLong()));
		return values;
	}

	static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
