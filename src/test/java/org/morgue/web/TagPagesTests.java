package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagging every result of a search from the search page, as plain forms without
 * JavaScript, and finding the tag again in the facet and on the tag list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TagPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void anEditorTagsEveryResultOfASearchFromTheSearchPage() {
		// given: two stories a search finds
		TestUsers.ensure(users);
		String marker = "tp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD).post("/api/v1/articles/bulk", "application/x-ndjson", """
				{"title": "Flood warning %1$s", "body": "Rivers rose %1$s."}
				{"title": "Flood damage %1$s", "body": "Roads closed %1$s."}
				""".formatted(marker));
		HttpApi editor = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		String search = "/articles?q=" + marker;
		String page = Eventually.until(() -> editor.get(search).text(), html -> html.contains("Tag all 2 results"));
		String tag = "Floods " + marker;

		// when: the form is posted as a browser without JavaScript posts it
		Response posted = editor.post("/articles/tag-results", "application/x-www-form-urlencoded",
				"_csrf=" + encode(csrf(page)) + "&q=" + marker + "&name=" + encode(tag));

		// then: back to the same search, which now counts the tag in its facet
		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.header("Location")).endsWith(search);
		String tagged = Eventually.until(() -> editor.get(search).text(), html -> html.contains("facet-tags"));
		assertThat(tagged).contains(tag);
		assertThat(editor.get("/tags?prefix=" + encode("floods " + marker)).text()).contains(tag).contains("1 tag");
		assertThat(editor.get("/tags/" + encode(tag).replace("+", "%20")).text()).contains("2 articles");

		// and a reader sees no such form
		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		assertThat(reader.get(search).text()).contains("Flood warning").contains(marker).doesNotContain("Tag all");
	}

	@Test
	void anEditorRenamesAndMergesTagsFromTheirPages() {
		// given: two tags on two stories, one a misspelling of the other
		TestUsers.ensure(users);
		String marker = "tm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		HttpApi api = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		Response stored = api.post("/api/v1/articles/bulk", "application/x-ndjson", """
				{"title": "Drought deepens %1$s", "body": "Wells ran dry %1$s."}
				{"title": "Drought relief %1$s", "body": "Aid arrived %1$s."}
				""".formatted(marker));
		long first = stored.json().get("results").get(0).get("id").asLong();
		long second = stored.json().get("results").get(1).get("id").asLong();
		api.put("/api/v1/articles/" + first + "/tags/" + path("Drougth " + marker));
		api.put("/api/v1/articles/" + second + "/tags/" + path("Water " + marker));
		HttpApi editor = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);

		// when: the misspelt tag is renamed with the form on its page
		String misspelt = "/tags/" + path("Drougth " + marker);
		Response renamed = editor.post(misspelt + "/rename", "application/x-www-form-urlencoded",
				"_csrf=" + encode(csrf(editor.get(misspelt).text())) + "&name=" + encode("Drought " + marker));

		// then: the tag has its new name and page, and the old page is gone
		assertThat(renamed.status()).isEqualTo(302);
		assertThat(renamed.header("Location")).endsWith("/tags/" + path("Drought " + marker));
		assertThat(editor.get(misspelt).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/articles/" + first).json().get("tags").toString()).contains("Drought " + marker);

		// when: the other tag is merged into it
		String water = "/tags/" + path("Water " + marker);
		Response merged = editor.post(water + "/merge", "application/x-www-form-urlencoded",
				"_csrf=" + encode(csrf(editor.get(water).text())) + "&into=" + encode("Drought " + marker));

		// then: both stories have the one tag, whose page lists both
		assertThat(merged.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/articles/" + second).json().get("tags").toString())
			.isEqualTo("[\"Drought " + marker + "\"]");
		assertThat(editor.get("/tags/" + path("Drought " + marker)).text()).contains("2 articles")
			.contains("Drought deepens " + marker)
			.contains("Drought relief " + marker);
		assertThat(editor.get(water).status()).isEqualTo(404);

		// and a reader cannot rename
		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		String drought = "/tags/" + path("Drought " + marker);
		assertThat(reader
			.post(drought + "/rename", "application/x-www-form-urlencoded",
					"_csrf=" + encode(csrf(reader.get(drought).text())) + "&name=Mine")
			.status()).isEqualTo(403);
	}

	private static String path(String tag) {
		return encode(tag).replace("+", "%20");
	}

	private static String csrf(String html) {
		java.util.regex.Matcher found = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(found.find()).isTrue();
		return found.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
