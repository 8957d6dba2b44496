package org.morgue.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' desk walked through as people use it, in a real browser: an editor signs
 * in, searches, narrows by a facet, opens an article, annotates a passage, tags the
 * article and reads its history; a reader then finds the tag and the note and no control
 * to change them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorsDeskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void anEditorWorksOnAnArticleAndAReaderSeesTheResult() {
		// given: two stories of the day from two agencies
		TestUsers.ensure(users);
		String marker = "desk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String tag = "Harbour " + marker;
		HttpApi api = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		HttpApi.Response stored = api.post("/api/v1/articles/bulk", "application/x-ndjson",
				"""
						{"title": "Harbour closes in storm %1$s", "body": "The harbour closed on Friday %1$s as the storm reached the coast.\\n\\nThe harbour master said ferries would resume on Monday.", "source": "Desk Wire %1$s", "publishedAt": "2023-11-03"}
						{"title": "Ferries cancelled %1$s", "body": "Ferries were cancelled %1$s across the region.", "source": "Other Wire %1$s", "publishedAt": "2023-11-03"}
						"""
					.formatted(marker));
		Eventually.until(() -> api.get("/api/v1/articles?q=" + marker).json().get("total").asLong(),
				total -> total == 2, Duration.ofSeconds(10));
		// The page reloads itself once the names are found; the editor starts on the page
		// as it stays.
		long first = stored.json().get("results").get(0).get("id").asLong();
		Eventually.until(() -> api.get("/api/v1/articles/" + first).json().get("entitiesAnalysed").asBoolean(),
				analysed -> analysed, Duration.ofSeconds(60));

		try (Browser editor = Browser.open(port)) {
			WebDriverWait wait = editor.waiting(Duration.ofSeconds(10));
			editor.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);

			// when: the editor searches and narrows to one agency
			editor.go("/articles");
			editor.find(By.id("q")).sendKeys(marker);
			editor.find(By.cssSelector(".search-form button[type=submit]")).click();
			wait.until(d -> d.findElement(By.cssSelector(".result-count strong")).getText().equals("2 articles"));
			facet(editor, "Desk Wire " + marker).click();
			wait.until(d -> d.findElement(By.cssSelector(".result-count strong")).getText().equals("1 article"));

			// and opens the story
			editor.find(By.cssSelector(".hits a.headline")).click();
			wait.until(d -> d.findElement(By.cssSelector(".story h1"))
				.getText()
				.equals("Harbour closes in storm " + marker));
			String article = editor.path();

			// and annotates a passage
			String passage = "ferries would resume on Monday";
			editor.selectInStory(passage);
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".annotate-button"))).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-annotate] textarea")))
				.sendKeys("Check the **ferry timetable** " + marker);
			editor.find(By.cssSelector("form[data-annotate] button[type=submit]")).click();
			WebElement note = wait
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".annotations li.note")));
			assertThat(note.findElement(By.cssSelector(".note-body strong")).getText()).isEqualTo("ferry timetable");
			assertThat(editor.find(By.cssSelector(".story .body mark.annotated")).getText()).isEqualTo(passage);

			// and tags the article
			editor.go(article);
			editor.find(By.id("tag-name")).sendKeys(tag);
			editor.find(By.cssSelector("form.tag-add button[type=submit]")).click();
			wait.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("Tagged"));
			assertThat(editor.find(By.cssSelector(".tag-list")).getText()).contains(tag);

			// then: the history says who did what
			editor.find(By.cssSelector("a.history-link")).click();
			wait.until(d -> d.getCurrentUrl().endsWith("/history"));
			String history = editor.find(By.tagName("main")).getText();
			assertThat(history).contains("tag.added").contains("annotation.created").contains(TestUsers.EDITOR);
		}

		try (Browser reader = Browser.open(port)) {
			WebDriverWait wait = reader.waiting(Duration.ofSeconds(10));
			reader.signIn(TestUsers.READER, TestUsers.PASSWORD);

			// when: a reader finds the story by its tag
			reader.go("/articles?q=" + marker);
			wait.until(d -> d.findElement(By.cssSelector(".result-count strong")).getText().equals("2 articles"));
			facet(reader, tag).click();
			wait.until(d -> d.findElement(By.cssSelector(".result-count strong")).getText().equals("1 article"));
			reader.find(By.cssSelector(".hits a.headline")).click();
			wait.until(d -> d.findElement(By.cssSelector(".story h1")).getText().startsWith("Harbour closes"));

			// then: the tag and the note are there, and nothing to change them with
			assertThat(reader.find(By.cssSelector(".tag-list")).getText()).contains(tag);
			assertThat(reader.find(By.cssSelector(".annotations")).getText())
				.contains("Check the ferry timetable " + marker);
			assertThat(reader.has(By.cssSelector("form.tag-add"))).isFalse();
			assertThat(reader.has(By.cssSelector(".tag-remove"))).isFalse();
			assertThat(reader.has(By.cssSelector(".note-edit"))).isFalse();
			assertThat(reader.has(By.cssSelector("form[data-annotate]"))).isFalse();
			assertThat(reader.driver().findElements(By.linkText("Correct"))).isEmpty();
			reader.selectInStory("storm reached the coast");
			assertThat(reader.has(By.cssSelector(".annotate-button"))).isFalse();
		}
	}

	private static WebElement facet(Browser browser, String label) {
		return browser.driver()
			.findElements(By.cssSelector(".facets a"))
			.stream()
			.filter(link -> link.findElement(By.cssSelector(".facet-label")).getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no facet " + label));
	}

}
