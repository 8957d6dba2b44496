package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.Role;
import org.morgue.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes on pages without JavaScript: the highlighted passage and the escaped note, the
 * plain forms only their author or an administrator may use, and the list of what a
 * journalist annotated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotationPagesTests {

	static final String OTHER_EDITOR = "page-annotating-editor";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	String marker;

	long articleId;

	long annotationId;

	@BeforeEach
	void annotateAnArticle() {
		TestUsers.ensure(users);
		synchronized (AnnotationPagesTests.class) {
			if (users.find(OTHER_EDITOR).isEmpty()) {
				users.create(OTHER_EDITOR, TestUsers.PASSWORD, Role.EDITOR);
			}
		}
		marker = "ap" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		HttpApi api = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		articleId = api
			.post("/api/v1/articles", "application/json",
					"""
							{"title": "Ferry strike %1$s", "body": "Ferry crews walked out %1$s on Monday.\\n\\nTalks resume today."}"""
						.formatted(marker))
			.json()
			.get("id")
			.asLong();
		Response created = api.post("/api/v1/articles/" + articleId + "/annotations", "application/json", """
				{"body": {"type": "TextualBody", "value": "Crews or *officers*? <script>alert('%s')</script>"},
				 "target": {"selector": {"type": "TextQuoteSelector", "exact": "walked out"}}}""".formatted(marker));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").stringValue();
		annotationId = Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
	}

	@Test
	void aReaderSeesTheHighlightedPassageAndTheEscapedNoteWithoutControls() {
		String page = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD).get("/articles/" + articleId).text();

		assertThat(page).contains("<span class=\"passage-anchor\" id=\"passage-" + annotationId + "\"></span>"
				+ "<mark class=\"annotated\" data-notes=\"" + annotationId + "\">walked out</mark>");
		assertThat(page).contains("href=\"#passage-" + annotationId + "\"")
			.contains("<em>officers</em>")
			.contains("&lt;script&gt;alert(");
		assertThat(page).doesNotContain("<script>alert(")
			.doesNotContain("/annotations/" + annotationId + "/edit")
			.doesNotContain("data-annotate")
			.doesNotContain("/js/annotate.js");
	}

	@Test
	void onlyTheAuthorOrAnAdministratorUsesTheForms() {
		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		String readerToken = reader.csrfToken("/account");
		assertThat(reader
			.post("/annotations/" + annotationId + "/delete", "application/x-www-form-urlencoded",
					"_csrf=" + readerToken)
			.status()).isEqualTo(403);

		HttpApi other = HttpApi.signedIn(port, OTHER_EDITOR, TestUsers.PASSWORD);
		assertThat(other.get("/articles/" + articleId).text()).doesNotContain("/annotations/" + annotationId + "/edit");
		assertThat(other
			.post("/annotations/" + annotationId + "/edit", "application/x-www-form-urlencoded",
					"note=Mine+now&_csrf=" + other.csrfToken("/articles/" + articleId))
			.status()).isEqualTo(403);

		HttpApi author = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		String token = author.csrfToken("/articles/" + articleId);
		assertThat(author
			.post("/annotations/" + annotationId + "/edit", "application/x-www-form-urlencoded", "note=No+token")
			.status()).isEqualTo(403);
		Response edited = author.post("/annotations/" + annotationId + "/edit", "application/x-www-form-urlencoded",
				"note=" + URLEncoder.encode("Crews, says the union " + marker, StandardCharsets.UTF_8) + "&_csrf="
						+ token);
		assertThat(edited.status()).isEqualTo(302);
		assertThat(edited.header("Location")).endsWith("/articles/" + articleId + "#note-" + annotationId);
		assertThat(author.get("/articles/" + articleId).text()).contains("Crews, says the union " + marker);

		Response empty = author.post("/annotations/" + annotationId + "/edit", "application/x-www-form-urlencoded",
				"note=+&_csrf=" + token);
		assertThat(empty.status()).isEqualTo(302);
		assertThat(author.get("/articles/" + articleId).text()).contains("The note is empty")
			.contains("Crews, says the union " + marker);

		HttpApi admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		assertThat(admin
			.post("/annotations/" + annotationId + "/delete", "application/x-www-form-urlencoded",
					"_csrf=" + admin.csrfToken("/articles/" + articleId))
			.status()).isEqualTo(302);
		assertThat(admin.get("/articles/" + articleId).text()).doesNotContain("passage-" + annotationId);
	}

	@Test
	void aJournalistListsWhatTheyAnnotated() {
		HttpApi author = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);

		String page = author.get("/annotations/mine").text();

		assertThat(page).contains("Ferry strike " + marker)
			.contains("walked out")
			.contains("href=\"/articles/" + articleId + "#passage-" + annotationId + "\"");
		assertThat(author.get("/articles").text()).contains("href=\"/annotations/mine\"");
		assertThat(HttpApi.signedIn(port, OTHER_EDITOR, TestUsers.PASSWORD).get("/annotations/mine").text())
			.doesNotContain("Ferry strike " + marker);
	}

}
