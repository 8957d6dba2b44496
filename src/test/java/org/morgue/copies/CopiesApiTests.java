package org.morgue.copies;

import java.util.ArrayList;
import java.util.List;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Republished copies of one story, as API clients see them: grouped on save, listed with
 * their similarity, counted in the article's JSON; formulaic stories apart; editors'
 * splits and joins kept for later articles and recorded; the backlog grouping articles
 * that have no signature. How search shows them is the search backends' contract
 * ({@code org.morgue.search.SearchCopiesContract}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CopiesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	JdbcClient jdbc;

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
	void copiesOfOneStoryAreOneGroupWithTheirSimilarities() {
		// given: an agency story and two outlets' copies, a day and two days later
		List<String> story = CopyStories.story(marker, 1);
		long original = post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long cut = post("Strike at the harbour", "Gulf News", "2026-03-03", CopyStories.cutWithLocalParagraph(story,
				"Local dock workers in Dubai said they were watching the strike closely, a union official said."));
		long restyled = post("UPDATE 1-Harbor strike", "The Hindu", "2026-03-04", CopyStories.restyled(story));
		// and a story of its own the same days
		long other = post("Railway budget", "Reuters", "2026-03-03", CopyStories.story(marker + "x", 99));

		// when
		Response response = reader.get("/api/v1/articles/" + cut + "/copies");

		// then: the three copies, earliest first, the article itself at 1
		assertThat(response.status()).isEqualTo(200);
		JsonNode copies = response.json();
		assertThat(copies.get("count").asInt()).isEqualTo(3);
		List<Long> ids = new ArrayList<>();
		copies.get("articles").forEach(copy -> ids.add(copy.get("id").asLong()));
		assertThat(ids).containsExactly(original, cut, restyled);
		assertThat(copies.get("articles").get(1).get("similarity").asDouble()).isEqualTo(1.0);
		assertThat(copies.get("articles").get(0).get("similarity").asDouble()).isGreaterThan(0.9);
		assertThat(copies.get("articles").get(2).get("similarity").asDouble()).isBetween(0.5, 1.0);
		assertThat(copies.get("articles").get(2).get("source").asString()).isEqualTo("The Hindu");
		assertThat(copies.get("articles").get(0).get("publishedAt").asString()).isEqualTo("2026-03-02");
		// and the article's JSON says so, the same group for each
		JsonNode article = reader.get("/api/v1/articles/" + restyled).json();
		assertThat(article.get("copies").get("count").asInt()).isEqualTo(3);
		assertThat(article.get("copies").get("group").asLong()).isEqualTo(copies.get("group").asLong());
		assertThat(article.get("copies").get("href").asString()).isEqualTo("/api/v1/articles/" + restyled + "/copies");
		JsonNode alone = reader.get("/api/v1/articles/" + other).json().get("copies");
		assertThat(alone.get("count").asInt()).isEqualTo(1);
		assertThat(alone.get("group").asLong()).isEqualTo(other);
	}

	@Test
	void copiesFarApartInTimeAreNotGrouped() {
		List<String> story = CopyStories.story(marker, 2);
		post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long late = post("Strike at the harbour", "Gulf News", "2026-04-20", CopyStories.restyled(story));

		assertThat(reader.get("/api/v1/articles/" + late).json().get("copies").get("count").asInt()).isEqualTo(1);
	}

	@Test
	void formulaicStoriesThatShareATemplateAreNotCopies() {
		// given: two dividend notices from one template, other companies and figures
		String template = "%s said its board declared a quarterly dividend of %d cts per share, payable %s to "
				+ "shareholders of record on %s. The company said the dividend was unchanged from the previous "
				+ "quarter and that it expected to keep paying it at that rate %s.";
		long first = post("Acme sets payout", "Reuters", "2026-03-02",
				List.of(template.formatted("Acme Holdings Corp " + marker, 15, "April 10", "March 20", "this year")));
		long second = post("Bolt sets payout", "Reuters", "2026-03-02",
				List.of(template.formatted("Bolt Industries Inc " + marker, 22, "April 15", "March 27", "this year")));

		assertThat(reader.get("/api/v1/articles/" + first).json().get("copies").get("count").asInt()).isEqualTo(1);
		assertThat(reader.get("/api/v1/articles/" + second).json().get("copies").get("count").asInt()).isEqualTo(1);
	}

	@Test
	void aSplitIsKeptForLaterArticlesAndRecorded() {
		// given: two copies
		List<String> story = CopyStories.story(marker, 3);
		long original = post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long copy = post("Harbour strike", "Dawn", "2026-03-02", CopyStories.restyled(story));
		assertThat(count(original)).isEqualTo(2);

		// when: an editor splits the copy off
		assertThat(reader.post("/api/v1/articles/" + copy + "/copies/split", "application/json", "").status())
			.isEqualTo(403);
		Response split = editor.post("/api/v1/articles/" + copy + "/copies/split", "application/json", "");

		// then: each alone, and recorded
		assertThat(split.status()).isEqualTo(200);
		assertThat(split.json().get("count").asInt()).isEqualTo(1);
		assertThat(count(original)).isEqualTo(1);
		assertThat(count(copy)).isEqualTo(1);
		JsonNode history = reader.get("/api/v1/articles/" + copy + "/history").json().get("changes");
		assertThat(history.get(0).get("kind").asString()).isEqualTo("copies.split");
		assertThat(history.get(0).get("actor").asString()).isEqualTo(TestUsers.EDITOR);

		// when: a later copy like both arrives
		long later = post("Harbour strike goes on", "Khaleej Times", "2026-03-03",
				CopyStories.cutWithLocalParagraph(story, "Dock workers in Karachi said they would not join in."));

		// then: it joins one of them, never both
		assertThat(count(later)).isEqualTo(2);
		assertThat(count(original) + count(copy)).isEqualTo(3);

		// and splitting an article with no copies is refused
		Response again = editor.post("/api/v1/articles/" + (count(copy) == 1 ? copy : original) + "/copies/split",
				"application/json", "");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().get("detail").asString()).contains("has no copies");
	}

	@Test
	void editorsJoinTwoGroupsWhateverTheirTexts() {
		long first = post("Harbour workers strike", "Reuters", "2026-03-02", CopyStories.story(marker, 4));
		long second = post("Rail workers strike", "AFP", "2026-03-02", CopyStories.story(marker + "y", 5));
		assertThat(count(first)).isEqualTo(1);

		Response joined = editor.post("/api/v1/articles/" + first + "/copies/join", "application/json",
				"{\"article\": " + second + "}");

		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().get("count").asInt()).isEqualTo(2);
		assertThat(count(second)).isEqualTo(2);
		JsonNode history = reader.get("/api/v1/articles/" + second + "/history").json().get("changes");
		assertThat(history.get(0).get("kind").asString()).isEqualTo("copies.joined");

		// and what cannot be joined is refused with the reason
		Response self = editor.post("/api/v1/articles/" + first + "/copies/join", "application/json",
				"{\"article\": " + first + "}");
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.json().get("detail").asString()).contains("itself");
		Response missing = editor.post("/api/v1/articles/" + first + "/copies/join", "application/json", "{}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("field").asString()).isEqualTo("article");
		Response unknown = editor.post("/api/v1/articles/" + first + "/copies/join", "application/json",
				"{\"article\": 999999999}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(reader.get("/api/v1/articles/999999999/copies").status()).isEqualTo(404);
	}

	@Test
	void theBacklogGroupsArticlesWithoutASignature() {
		// given: three copies whose signatures are gone (as in an archive from before
		// grouping)
		List<String> story = CopyStories.story(marker, 6);
		long a = post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long b = post("Harbour strike", "Dawn", "2026-03-02", CopyStories.restyled(story));
		long c = post("Strike", "Gulf News", "2026-03-03",
				CopyStories.cutWithLocalParagraph(story, "Dock workers in Dubai said they were watching."));
		Long[] ids = { a, b, c };

		jdbc.sql("delete from copy_band where article_id = any(:ids)").param("ids", ids).update();
		jdbc.sql("delete from article_copy where article_id = any(:ids)").param("ids", ids).update();
		assertThat(count(a)).isEqualTo(1);

		// when: an administrator starts the backlog (again, if a run under way began
		// before the signatures went)
		Response started = admin.post("/api/v1/admin/copies/backlog", "application/json", "");
		assertThat(started.status()).isIn(202, 409);
		int grouped = Eventually.until(() -> {
			JsonNode state = admin.get("/api/v1/admin/copies/backlog").json();
			if (!"RUNNING".equals(state.get("state").asString()) && count(a) != 3) {
				admin.post("/api/v1/admin/copies/backlog", "application/json", "");
			}
			return count(a);
		}, n -> n == 3, java.time.Duration.ofSeconds(60));

		// then: the three are one group again, and the run ended with its progress
		assertThat(grouped).isEqualTo(3);
		Eventually.until(() -> admin.get("/api/v1/admin/copies/backlog").json(),
				state -> "DONE".equals(state.get("state").asString()), java.time.Duration.ofSeconds(60));
		JsonNode progress = admin.get("/api/v1/admin/copies/backlog").json();
		assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(reader.get("/api/v1/admin/copies/backlog").status()).isEqualTo(403);
	}

	private int count(long id) {
		return reader.get("/api/v1/articles/" + id).json().get("copies").get("count").asInt();
	}

	private long post(String title, String source, String publishedAt, List<String> paragraphs) {
		Response response = editor.post("/api/v1/articles", "application/json",
				CopyStories.json(title, source, publishedAt, paragraphs));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

}
