package org.morgue.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.ner.EntityService;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journalist follows a name from a story to its entity page and to a search, and an
 * editor corrects the entity, in a real browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EntityPagesBrowserTests {

	/** The first analysis in a JVM waits for the tagger's models to load. */
	static final java.time.Duration ANALYSIS = java.time.Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	IngestService ingest;

	@Autowired
	EntityService entities;

	@Test
	void aJournalistFollowsANameFromTheStoryToItsPageAndItsSearch() {
		// given: a story, analysed
		TestUsers.ensure(users);
		String marker = "ent" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		long id = ingest
			.ingestCopy("NAYPYIDAW: Sergei Lavrov met the junta's leaders in Naypyidaw on Wednesday, " + marker
					+ " officials said.\n\nLavrov promised Russian help.", CopyCorrections.none())
			.article()
			.id();
		Eventually.until(() -> entities.mentionsOf(id), mentions -> !mentions.isEmpty(), ANALYSIS);
		// and indexed again with its entities, which the entity page lists its articles
		// by
		HttpApi api = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		Eventually.until(() -> api.get("/api/v1/articles?q=" + marker + "&entity=Sergei+Lavrov").json(),
				found -> found.get("total").asLong() == 1, ANALYSIS);

		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.READER, TestUsers.PASSWORD);
			browser.go("/articles/" + id);
			WebDriverWait wait = browser.waiting(Duration.ofSeconds(20));
			wait.until(d -> d.findElements(By.cssSelector("[data-analysing]")).isEmpty());

			// then: the names are marked in the text, the short form too, and listed
			// beside it
			List<WebElement> marks = browser.driver().findElements(By.cssSelector(".body a.mention.person"));
			assertThat(marks).extracting(WebElement::getText).contains("Sergei Lavrov", "Lavrov");
			assertThat(marks).extracting(mark -> mark.getAttribute("title")).containsOnly("Sergei Lavrov");
			assertThat(browser.find(By.cssSelector(".entities")).getText()).contains("People", "Sergei Lavrov",
					"Places", "Naypyidaw");

			// when: the reader follows the short form
			marks.stream().filter(mark -> mark.getText().equals("Lavrov")).findFirst().orElseThrow().click();

			// then: the entity page lists the story, and no curation controls for a
			// reader
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sergei Lavrov");
			assertThat(browser.find(By.cssSelector(".entity-type")).getText()).isEqualTo("Person");
			assertThat(browser.has(By.cssSelector(".entity-articles a[href$='/articles/" + id + "']"))).isTrue();
			assertThat(browser.has(By.cssSelector(".curation"))).isFalse();

			// when: the reader searches the articles that mention him
			browser.find(By.linkText("Search the articles that mention it")).click();

			// then: the search is filtered by the entity, shown as a removable filter,
			// with a people facet
			assertThat(browser.find(By.cssSelector(".chips")).getText()).contains("Mentions: Sergei Lavrov");
			assertThat(browser.find(By.cssSelector(".facet-people")).getText()).contains("Sergei Lavrov");
			assertThat(browser.find(By.cssSelector(".facet-places")).getText()).contains("Naypyidaw");
		}
	}

	@Test
	void anAdministratorWorksOffTheBacklogAndSeesItsProgress() {
		TestUsers.ensure(users);
		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
			browser.go("/admin/entities");
			// The page reloads itself while work runs; a reload of ours may be cut short
			// by one of its own.
			WebDriverWait wait = browser.waiting(Duration.ofSeconds(60));
			wait.ignoring(WebDriverException.class);
			wait.until(d -> d.findElement(By.cssSelector(".backlog form button")).isEnabled());

			browser.find(By.cssSelector(".backlog form button")).click();

			assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("waiting for analysis");
			wait.until(d -> {
				d.navigate().refresh();
				return d.findElement(By.cssSelector(".backlog-state strong")).getText().equals("Done");
			});
			assertThat(browser.find(By.cssSelector(".backlog-figures .done")).getText())
				.matches("[\\d,]+ of [\\d,]+ articles \\(100%\\)");
			assertThat(browser.find(By.cssSelector(".backlog-figures .rate")).getText()).endsWith("articles/s");
		}
		assertThat(HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD).get("/admin/entities").status())
			.isEqualTo(403);
	}

	@Test
	void anEditorRenamesAnEntityFromItsPage() {
		TestUsers.ensure(users);
		String marker = "ren" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		long id = ingest
			.ingestCopy("Hilde Brandvold, the mayor of Tromsø, opened the bridge " + marker + " on Friday.",
					CopyCorrections.none())
			.article()
			.id();
		Eventually.until(() -> entities.entitiesOf(List.of(id)).getOrDefault(id, List.of()),
				found -> found.stream().anyMatch(e -> e.name().equals("Hilde Brandvold")), ANALYSIS);
		long entity = entities.entitiesOf(List.of(id))
			.get(id)
			.stream()
			.filter(e -> e.name().equals("Hilde Brandvold"))
			.findFirst()
			.orElseThrow()
			.id();

		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
			browser.go("/entities/" + entity);
			WebElement name = browser.find(By.id("rename-name"));
			name.clear();
			name.sendKeys("Hilde M. Brandvold");
			browser.find(By.cssSelector("form[action$='/rename'] button")).click();

			assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("Renamed");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Hilde M. Brandvold");
			assertThat(browser.find(By.cssSelector(".aliases")).getText()).contains("Hilde Brandvold");
			assertThat(browser.find(By.cssSelector(".decisions")).getText()).contains(TestUsers.EDITOR, "rename");

			browser.go("/articles/" + id);
			assertThat(browser.find(By.cssSelector(".entities")).getText()).contains("Hilde M. Brandvold");
		}
		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		String token = reader.csrfToken("/entities/" + entity);
		assertThat(reader
			.post("/entities/" + entity + "/rename", "application/x-www-form-urlencoded", "name=Nobody&_csrf=" + token)
			.status()).isEqualTo(403);
		assertThat(entities.get(entity).name()).isEqualTo("Hilde M. Brandvold");
	}

}
