package org.morgue.tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.system.EditorialChange;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags through the API: editors tag and untag articles (idempotently), list tags by
 * prefix, rename and merge them, and tag every result of a search, which {@code tag:},
 * the tag filter and the tag facet then find; readers only read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class TagApiTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	TagService tags;

	@Autowired
	ApplicationEvents events;

	HttpApi editor;

	HttpApi reader;

	String marker;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		marker = "tg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void anEditorAddsAndRemovesATagAndDoingItTwiceChangesNothing() {
		// given
		long id = article("Junta extends emergency " + marker);
		String tag = "Myanmar " + marker;

		// when
		Response added = editor.put(path(id, tag));
		Response again = editor.put(path(id, "myanmar   " + marker.toUpperCase()));

		// then: the tag as first written, once
		assertThat(added.status()).isEqualTo(200);
		assertThat(names(added.json().get("tags"))).containsExactly(tag);
		assertThat(again.status()).isEqualTo(200);
		assertThat(names(again.json().get("tags"))).containsExactly(tag);
		assertThat(names(reader.get("/api/v1/articles/" + id).json().get("tags"))).containsExactly(tag);
		assertThat(reader.get("/api/v1/tags/" + encode(tag)).json().get("articleCount").asLong()).isEqualTo(1);

		// when
		Response removed = editor.delete(path(id, tag.toLowerCase()));
		Response removedAgain = editor.delete(path(id, tag));

		// then
		assertThat(removed.status()).isEqualTo(204);
		assertThat(removedAgain.status()).isEqualTo(204);
		assertThat(names(reader.get("/api/v1/articles/" + id).json().get("tags"))).isEmpty();
		assertThat(reader.get("/api/v1/tags/" + encode(tag)).json().get("articleCount").asLong()).isZero();
	}

	@Test
	void badTagNamesAndUnknownArticlesAreRefusedWithTheReason() {
		long id = article("Bad tags " + marker);

		Response tooLong = editor.put(path(id, "x".repeat(65)));
		Response blank = editor.put("/api/v1/articles/" + id + "/tags/%20%20");
		Response unknown = editor.put(path(Long.MAX_VALUE - 3, "Myanmar " + marker));

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.contentType()).startsWith("application/problem+json");
		assertThat(tooLong.json().get("detail").asString()).contains("64");
		assertThat(tooLong.json().get("field").asString()).isEqualTo("tag");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("detail").asString()).contains("empty");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(names(reader.get("/api/v1/articles/" + id).json().get("tags"))).isEmpty();
	}

	@Test
	void readersMayNotChangeTags() {
		long id = article("Reader tries " + marker);
		String tag = "Readers " + marker;
		editor.put(path(id, tag));

		assertThat(reader.put(path(id, "Other " + marker)).status()).isEqualTo(403);
		assertThat(reader.delete(path(id, tag)).status()).isEqualTo(403);
		assertThat(reader.patch("/api/v1/tags/" + encode(tag), "application/json", "{\"name\": \"x" + marker + "\"}")
			.status()).isEqualTo(403);
		assertThat(reader
			.post("/api/v1/tags/" + encode(tag) + "/articles?q=" + marker, "application/x-www-form-urlencoded", "")
			.status()).isEqualTo(403);
		assertThat(names(reader.get("/api/v1/articles/" + id).json().get("tags"))).containsExactly(tag);
	}

	@Test
	void theTagListFiltersByPrefixInAnyCase() {
		long id = article("Prefixes " + marker);
		editor.put(path(id, marker + "-Alpha"));
		editor.put(path(id, marker + "-alps"));
		editor.put(path(id, marker + "-Beta"));

		JsonNode found = reader.get("/api/v1/tags?prefix=" + marker.toUpperCase() + "-AL").json();

		assertThat(found.get("total").asLong()).isEqualTo(2);
		List<String> listed = new ArrayList<>();
		found.get("tags").forEach(tag -> listed.add(tag.get("name").asString()));
		assertThat(listed).containsExactlyInAnyOrder(marker + "-Alpha", marker + "-alps");
		assertThat(found.get("tags").get(0).get("articleCount").asLong()).isEqualTo(1);
		assertThat(found.get("tags").get(0).get("href").asString()).startsWith("/api/v1/tags/");
		assertThat(reader.get("/api/v1/tags?prefix=" + marker + "-&size=2").json().get("tags")).hasSize(2);
	}

	@Test
	void renamingAndMergingMoveEveryArticle() {
		// given: one article with both tags, one with only the second
		long first = article("Merge one " + marker);
		long second = article("Merge two " + marker);
		String old = "Burma " + marker;
		String kept = "Myanmar " + marker;
		editor.put(path(first, old));
		editor.put(path(first, kept));
		editor.put(path(second, kept));

		// when: renamed, then renamed onto the other (refused), then merged into it
		Response renamed = editor.patch("/api/v1/tags/" + encode(old), "application/json",
				"{\"name\": \"Old Burma " + marker + "\"}");
		Response clash = editor.patch("/api/v1/tags/" + encode("Old Burma " + marker), "application/json",
				"{\"name\": \"MYANMAR " + marker + "\"}");
		Response merged = editor.post("/api/v1/tags/" + encode("Old Burma " + marker) + "/merge", "application/json",
				"{\"into\": \"" + kept + "\"}");

		// then
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("Old Burma " + marker);
		assertThat(clash.status()).isEqualTo(400);
		assertThat(clash.json().get("detail").asString()).contains("merge");
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.json().get("name").asString()).isEqualTo(kept);
		assertThat(merged.json().get("articleCount").asLong()).isEqualTo(2);
		assertThat(reader.get("/api/v1/tags/" + encode("Old Burma " + marker)).status()).isEqualTo(404);
		assertThat(names(reader.get("/api/v1/articles/" + first).json().get("tags"))).containsExactly(kept);
		JsonNode search = Eventually.until(
				() -> reader.get("/api/v1/articles?q=" + encode("tag:\"" + kept + "\"")).json(),
				result -> result.get("total").asLong() == 2);
		assertThat(search.get("hits")).hasSize(2);
	}

	@Test
	void taggingEveryResultOfASearchMakesThemFindableByTagWithAFacet() {
		// given: three articles a search finds, one it does not
		for (int i = 1; i <= 3; i++) {
			article("Rights report " + i + " " + marker);
		}
		article("Unrelated story " + UUID.randomUUID());
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asLong() == 3);
		String tag = "human rights " + marker;

		// when
		Response tagged = editor.post("/api/v1/tags/" + encode(tag) + "/articles?q=" + marker,
				"application/x-www-form-urlencoded", "");

		// then: all three tagged; tag: and the tag filter find them, in any case, and the
		// facet counts them
		assertThat(tagged.status()).isEqualTo(200);
		assertThat(tagged.json().get("matched").asLong()).isEqualTo(3);
		assertThat(tagged.json().get("tagged").asLong()).isEqualTo(3);
		assertThat(tagged.json().get("tag").get("articleCount").asLong()).isEqualTo(3);
		JsonNode byField = Eventually.until(
				() -> reader.get("/api/v1/articles?q=" + encode("tag:\"Human Rights " + marker + "\"")).json(),
				result -> result.get("total").asLong() == 3);
		JsonNode facet = byField.get("facets").get("tag");
		assertThat(facet).anySatisfy(value -> {
			assertThat(value.get("value").asString()).isEqualTo(tag);
			assertThat(value.get("count").asLong()).isEqualTo(3);
		});
		assertThat(reader.get("/api/v1/articles?tag=" + encode(tag.toUpperCase())).json().get("total").asLong())
			.isEqualTo(3);

		// when: again, nothing new
		Response again = editor.post("/api/v1/tags/" + encode(tag) + "/articles?q=" + marker,
				"application/x-www-form-urlencoded", "");
		assertThat(again.json().get("tagged").asLong()).isZero();
	}

	@Test
	void taggingManyArticlesRecordsOneEditorialChangeForThemAll() {
		List<Long> ids = List.of(article("Change one " + marker), article("Change two " + marker));
		events.clear();

		int tagged = tags.tagAll("Changes " + marker, ids);

		assertThat(tagged).isEqualTo(2);
		assertThat(events.stream(EditorialChange.class)).singleElement().satisfies(change -> {
			assertThat(change.kind()).isEqualTo("tag.added");
			assertThat(change.subject()).isEqualTo("tag Changes " + marker);
			assertThat(change.articleIds()).containsExactlyInAnyOrderElementsOf(ids);
		});
		assertThat(events.stream(ArticleTagsChanged.class)).singleElement()
			.satisfies(changed -> assertThat(changed.articleIds()).containsExactlyInAnyOrderElementsOf(ids));
	}

	@Test
	void aTagListsItsArticlesNewestFirstAndTaggingManySkipsArticlesThatAreGone() {
		// given: articles of different dates and times, one without a date
		long undated = article("Undated " + marker);
		long older = dated("Older " + marker, "2020-05-01");
		long newest = dated("Newest " + marker, "2021-07-09T18:30:00Z");
		long sameDayEarlier = dated("Same day, earlier " + marker, "2021-07-09T08:00:00Z");
		long missing = Long.MAX_VALUE - 11;
		String tag = "Order " + marker;

		// when: tagged at once, with an id that is no article's
		int tagged = tags.tagAll(tag, List.of(older, missing, undated, newest, sameDayEarlier));

		// then: only the articles got it, newest first, unknown dates last, a page at a
		// time
		assertThat(tagged).isEqualTo(4);
		assertThat(reader.get("/api/v1/tags/" + encode(tag)).json().get("articleCount").asLong()).isEqualTo(4);
		assertThat(tags.articleIds(tag, 0, 10)).containsExactly(newest, sameDayEarlier, older, undated);
		assertThat(tags.articleIds(tag, 1, 2)).containsExactly(sameDayEarlier, older);
		assertThat(reader.get("/api/v1/tags/" + encode(tag) + "/articles?page=1&size=3").json()).singleElement()
			.satisfies(article -> assertThat(article.get("id").asLong()).isEqualTo(undated));
	}

	private long dated(String title, String publishedAt) {
		Response created = editor.post("/api/v1/articles", "application/json",
				"{\"title\": \"%s\", \"body\": \"%s: the story of %s.\", \"publishedAt\": \"%s\"}".formatted(title,
						title, UUID.randomUUID(), publishedAt));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long article(String title) {
		Response created = editor.post("/api/v1/articles", "application/json",
				"{\"title\": \"%s\", \"body\": \"%s: the story of %s.\"}".formatted(title, title, UUID.randomUUID()));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static String path(long id, String tag) {
		return "/api/v1/articles/" + id + "/tags/" + encode(tag);
	}

	/** A path segment or query value: spaces as %20, which both read as a space. */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach(node -> names.add(node.asString()));
		return names;
	}

}
