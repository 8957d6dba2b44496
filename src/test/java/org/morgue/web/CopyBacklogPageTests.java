package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
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
 * The copies page for administrators: the grouping backlog started from it, its progress
 * shown with count, rate and time; no one else sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CopyBacklogPageTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
	}

	@Test
	void anAdministratorStartsTheBacklogAndSeesItsProgress() {
		HttpApi admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		assertThat(admin.get("/articles").text()).contains("href=\"/admin/copies\"");

		Response started = admin.post("/admin/copies/backlog", "application/x-www-form-urlencoded",
				"_csrf=" + URLEncoder.encode(admin.csrfToken("/admin/copies"), StandardCharsets.UTF_8));

		assertThat(started.status()).isEqualTo(302);
		assertThat(started.header("Location")).endsWith("/admin/copies");
		String page = Eventually.until(() -> admin.get("/admin/copies").text(), text -> text.contains("Done"),
				Duration.ofSeconds(60));
		assertThat(page).contains("articles/s").containsPattern("[0-9,]+ of [0-9,]+ articles");
	}

	@Test
	void editorsAndReadersDoNotSeeIt() {
		HttpApi editor = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		assertThat(editor.get("/admin/copies").status()).isEqualTo(403);
		assertThat(editor.get("/articles").text()).doesNotContain("href=\"/admin/copies\"");
	}

}
