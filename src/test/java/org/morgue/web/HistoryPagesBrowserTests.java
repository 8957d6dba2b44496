package org.morgue.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.HttpApi;
import org.morgue.TestChanges;
import org.morgue.TestUsers;
import org.morgue.system.EditorialChange;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader opens an article's history from its page and reads what changed, field by
 * field; an administrator filters the audit, in a real browser; others are kept out of
 * the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aReaderFollowsTheHistoryLinkAndSeesBeforeAndAfterFieldByField() {
		// given: an article and a change to its metadata, with markup in a value
		TestUsers.ensure(users);
		String marker = marker("hp");
		HttpApi editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		long id = editor
			.post("/api/v1/articles", "application/json",
					"{\"title\": \"Old headline " + marker + "\", \"body\": \"Body of " + marker + ".\"}")
			.json()
			.get("id")
			.asLong();
		publishAs(marker + "-ed",
				EditorialChange.ofArticle("article.metadata", "article " + id, id,
						Map.of("title", "Old headline " + marker, "byline", "Jane Doe"),
						Map.of("title", "New <b>headline</b> " + marker, "byline", "Jane Doe")));

		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.READER, TestUsers.PASSWORD);
			browser.go("/articles/" + id);

			// when
			browser.find(By.cssSelector("a.history-link")).click();

			// then: the changed field, before and after, as text; the unchanged one left
			// out
			WebElement change = browser.find(By.cssSelector("tr.change"));
			assertThat(browser.path()).isEqualTo("/articles/" + id + "/history");
			assertThat(change.findElement(By.cssSelector(".change-actor")).getText()).isEqualTo(marker + "-ed");
			assertThat(change.findElement(By.cssSelector(".change-kind")).getText()).isEqualTo("article.metadata");
			assertThat(change.findElements(By.cssSelector(".change-field"))).hasSize(1);
			assertThat(change.findElement(By.cssSelector(".change-field dt")).getText()).isEqualTo("title");
			assertThat(change.findElement(By.cssSelector(".before")).getText()).isEqualTo("Old headline " + marker);
			assertThat(change.findElement(By.cssSelector(".after")).getText())
				.isEqualTo("New <b>headline</b> " + marker);
		}
	}

	@Test
	void anAdministratorFiltersTheAuditAndOthersAreRefused() {
		// given: changes by two people
		TestUsers.ensure(users);
		String marker = marker("ap");
		publishAs(marker + "-a",
				EditorialChange.ofArticle("tag.added", "tag alpha " + marker, 910_000_001L, null, "alpha"));
		publishAs(marker + "-a",
				EditorialChange.ofArticle("annotation.created", "annotation " + marker, 910_000_001L, null, "note"));
		publishAs(marker + "-b",
				EditorialChange.ofArticle("tag.added", "tag beta " + marker, 910_000_002L, null, "beta"));

		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
			browser.go("/articles");
			browser.find(By.linkText("Audit")).click();

			// when: filtered by who and by kind
			browser.find(By.name("actor")).sendKeys(marker + "-a");
			browser.find(By.name("kind")).sendKeys("tag");
			browser.find(By.cssSelector("form.audit-filters button[type=submit]")).click();

			// then: only that person's tag change, and the filters stay in the form
			browser.find(By.cssSelector(".audit-total"));
			List<String> subjects = browser.driver()
				.findElements(By.cssSelector("tr.change .change-subject"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(subjects).containsExactly("tag alpha " + marker);
			assertThat(browser.find(By.name("actor")).getAttribute("value")).isEqualTo(marker + "-a");

			// when: a date that is not one
			browser.go("/admin/audit?from=someday");

			// then: a message, not an error page
			assertThat(browser.find(By.cssSelector("p.error")).getText()).contains("not a date");
		}

		// and: readers and editors are refused the audit page
		assertThat(HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD).get("/admin/audit").status())
			.isEqualTo(403);
		assertThat(HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD).get("/admin/audit").status())
			.isEqualTo(403);
	}

	private static String marker(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private void publishAs(String actor, EditorialChange change) {
		TestChanges.publishAs(actor, change, events, transactionManager);
	}

}
