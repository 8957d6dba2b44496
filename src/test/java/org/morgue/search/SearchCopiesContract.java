package org.morgue.search;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.copies.CopyStories;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Republished copies of one story in search: a group shown once by its first copy
 * received unless every copy is asked for, whichever copies match and however they
 * change, and never listed as related articles of each other.
 * <p>
 * A contract every search backend keeps: a subclass per backend chooses it with
 * {@code morgue.search.backend}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SearchCopiesContract {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	RelatedArticles related;

	HttpApi editor;

	HttpApi reader;

	HttpApi admin;

	String marker;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		marker = CopyStories.marker();
	}

	@Test
	void searchShowsAGroupOnceUnlessAskedForEveryCopy() {
		// given: an agency story and two copies, one with a local paragraph
		List<String> story = CopyStories.story(marker, 7);
		long original = post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long local = post("Strike at the harbour", "Gulf News", "2026-03-03", CopyStories.cutWithLocalParagraph(story,
				"Dock workers in Jebel Ali said they were watching the strike closely, a union official said."));
		post("UPDATE 1-Harbor strike", "The Hindu", "2026-03-04", CopyStories.restyled(story));

		// when: searching for the story
		JsonNode grouped = Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asInt() == 3 && result.get("hits").size() == 1,
				java.time.Duration.ofSeconds(30));

		// then: once, by the earliest copy, with the count and sources; totals say what
		// they count
		assertThat(grouped.get("stories").asInt()).isEqualTo(1);
		assertThat(grouped.get("copies").asString()).isEqualTo("grouped");
		JsonNode hit = grouped.get("hits").get(0);
		assertThat(hit.get("id").asLong()).isEqualTo(original);
		assertThat(hit.get("copies").get("count").asInt()).isEqualTo(3);
		assertThat(hit.get("copies").get("sources").toString()).isEqualTo("[\"Reuters\",\"Gulf News\",\"The Hindu\"]");
		assertThat(grouped.get("facets").get("source").size()).isEqualTo(3);

		// and every copy when asked
		JsonNode all = reader.get("/api/v1/articles?copies=all&q=" + marker).json();
		assertThat(all.get("hits").size()).isEqualTo(3);
		assertThat(all.get("copies").asString()).isEqualTo("all");

		// and a search only one copy matches shows that copy
		JsonNode onlyLocal = reader.get("/api/v1/articles?q=" + marker + "+%22Jebel+Ali%22").json();
		assertThat(onlyLocal.get("hits").size()).isEqualTo(1);
		assertThat(onlyLocal.get("hits").get(0).get("id").asLong()).isEqualTo(local);

		// and a value that means neither is refused, naming the parameter
		Response bad = reader.get("/api/v1/articles?copies=some&q=" + marker);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("field").asString()).isEqualTo("copies");

		// when: the first copy is tagged, and so indexed again after the others
		assertThat(editor.put("/api/v1/articles/" + original + "/tags/harbour").status()).isEqualTo(200);
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker + "+tag:harbour").json(),
				result -> result.get("total").asInt() == 1, java.time.Duration.ofSeconds(30));

		// then: it still stands for the group, being the first received
		JsonNode afterTag = reader.get("/api/v1/articles?q=" + marker).json();
		assertThat(afterTag.get("hits").size()).isEqualTo(1);
		assertThat(afterTag.get("hits").get(0).get("id").asLong()).isEqualTo(original);

		// when: the first copy is deleted, the next received stands for the rest
		assertThat(admin.delete("/api/v1/articles/" + original).status()).isEqualTo(204);
		JsonNode afterDelete = Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				result -> result.get("total").asInt() == 2, java.time.Duration.ofSeconds(30));
		assertThat(afterDelete.get("hits").size()).isEqualTo(1);
		assertThat(afterDelete.get("hits").get(0).get("id").asLong()).isEqualTo(local);
		assertThat(afterDelete.get("hits").get(0).get("copies").get("count").asInt()).isEqualTo(2);
	}

	@Test
	void copiesAreNotListedAsRelatedArticles() {
		List<String> story = CopyStories.story(marker, 8);
		long original = post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long copy = post("Harbour strike", "Dawn", "2026-03-02", CopyStories.restyled(story));
		List<String> otherStory = new ArrayList<>(CopyStories.story(marker + "z", 9));
		otherStory.add("The " + marker + " council met on the harbour budget on Tuesday.");
		long other = post("Harbour council budget", "Reuters", "2026-03-02", otherStory);
		Eventually.until(() -> reader.get("/api/v1/articles?copies=all&q=" + marker).json(),
				result -> result.get("total").asInt() == 3, java.time.Duration.ofSeconds(30));

		List<Long> relatedIds = Eventually.until(() -> related.of(original, 50), ids -> ids.contains(other),
				java.time.Duration.ofSeconds(30));

		assertThat(relatedIds).doesNotContain(copy, original);
	}

	private long post(String title, String source, String publishedAt, List<String> paragraphs) {
		Response response = editor.post("/api/v1/articles", "application/json",
				CopyStories.json(title, source, publishedAt, paragraphs));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

}
