package org.morgue.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator rebuilds and checks the search index from its page and watches the
 * progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndexAdminBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdministratorRebuildsAndChecksTheIndex() {
		TestUsers.ensure(users);
		ingest.ingestCopy("A story for the rebuild " + UUID.randomUUID() + ".", CopyCorrections.none());
		long articles = jdbc.queryForObject("select count(*) from article", Long.class);
		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
			browser.go("/admin/index");
			// The page reloads itself while work runs; a reload of ours may be cut short
			// by one of its own.
			WebDriverWait wait = browser.waiting(Duration.ofSeconds(30));
			wait.ignoring(WebDriverException.class);
			wait.until(d -> d.findElement(By.cssSelector(".rebuild form button")).isEnabled());

			browser.find(By.cssSelector(".rebuild form button")).click();

			assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("rebuild has started");
			wait.until(d -> {
				d.navigate().refresh();
				return d.findElement(By.cssSelector(".rebuild-state strong")).getText().equals("Done");
			});
			assertThat(browser.find(By.cssSelector(".rebuild-figures .done")).getText())
				.contains(String.format("%,d of %,d articles (100%%)", articles, articles));
			assertThat(browser.find(By.cssSelector(".rebuild-figures .rate")).getText()).endsWith("articles/s");
			assertThat(browser.find(By.cssSelector(".documents")).getText()).isEqualTo(String.format("%,d", articles));

			browser.find(By.cssSelector(".check form button")).click();
			wait.until(d -> {
				d.navigate().refresh();
				return !d.findElements(By.cssSelector(".last-check")).isEmpty();
			});
			assertThat(browser.find(By.cssSelector(".last-check")).getText()).startsWith("In step with PostgreSQL");
		}
	}

	@Test
	void onlyAdministratorsSeeTheIndexPage() {
		TestUsers.ensure(users);
		HttpApi editor = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);

		assertThat(editor.get("/admin/index").status()).isEqualTo(403);
		assertThat(HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD)
			.post("/api/v1/admin/index/rebuild", "application/json", "")
			.status()).isEqualTo(403);
	}

}
