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
 * Tagging every result of a search from the search page, as plain forms without JavaScript, and
 * finding the tag again in the facet and on the tag list.
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

	private static String csrf(String html) {
		java.util.regex.Matcher found = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(found.find()).isTrue();
		return found.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
