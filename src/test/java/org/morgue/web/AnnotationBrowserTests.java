package org.morgue.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.article.ArticleDetails;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
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
 * An editor annotates a passage of a story in a real browser and finds it again from the
 * note; a reader reads the note, inert whatever it contains, with no controls to change
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	IngestService ingest;

	@Test
	void anEditorAnnotatesAPassageAndAReaderReadsTheNote() {
		// given: a long story, the passage far down
		TestUsers.ensure(users);
		String marker = "ab" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		StringBuilder copy = new StringBuilder("The port of Tromsø closed on Friday " + marker + ".\n\n");
		for (int i = 1; i <= 40; i++) {
			copy.append("Paragraph ").append(i).append(" of background about the harbour and its long history.\n\n");
		}
		copy.append("The harbour master confirmed the closure " + marker + " late on Friday night.");
		ArticleDetails article = ingest.ingestCopy(copy.toString(), CopyCorrections.none()).article();
		String passage = "confirmed the closure " + marker;
		// The page reloads itself once the names are found; the editor starts on the page
		// as it stays.
		HttpApi api = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		Eventually.until(() -> api.get("/api/v1/articles/" + article.id()).json().get("entitiesAnalysed").asBoolean(),
				analysed -> analysed, Duration.ofSeconds(60));

		try (Browser editor = Browser.open(port)) {
			editor.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
			editor.go("/articles/" + article.id());
			WebDriverWait wait = editor.waiting(Duration.ofSeconds(10));

			// then: nothing to annotate with until text is selected
			assertThat(editor.find(By.cssSelector(".annotate-button")).isDisplayed()).isFalse();
			assertThat(editor.find(By.cssSelector("form[data-annotate]")).isDisplayed()).isFalse();

			// when: the editor selects the passage and annotates it
			editor.selectInStory(passage);
			WebElement annotate = wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".annotate-button")));
			annotate.click();
			WebElement note = wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-annotate] textarea")));
			assertThat(editor.find(By.cssSelector("form[data-annotate] .quote")).getText()).isEqualTo(passage);
			note.sendKeys("Check with **the port authority** " + marker);
			editor.find(By.cssSelector("form[data-annotate] button[type=submit]")).click();

			// then: the page shows the passage highlighted and the note, rendered, beside
			// the story
			WebElement saved = wait
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".annotations li.note")));
			assertThat(saved.findElement(By.cssSelector(".note-body strong")).getText())
				.isEqualTo("the port authority");
			assertThat(saved.findElement(By.cssSelector(".note-creator")).getText()).isEqualTo(TestUsers.EDITOR);
			assertThat(editor.find(By.cssSelector(".story .body mark.annotated")).getText()).isEqualTo(passage);
			String id = saved.getAttribute("id").substring("note-".length());

			// when: the editor, back at the top, clicks the note
			((JavascriptExecutor) editor.driver()).executeScript("window.scrollTo(0, 0);");
			assertThat(inView(editor, "passage-" + id)).isFalse();
			saved.findElement(By.cssSelector("a.note-quote")).click();

			// then: the page scrolls to the passage
			wait.until(d -> inView(editor, "passage-" + id));
			assertThat(editor.driver().getCurrentUrl()).endsWith("#passage-" + id);

			// and the author edits the note with the plain form
			editor.find(By.cssSelector("#note-" + id + " details.note-edit summary")).click();
			WebElement text = editor.find(By.cssSelector("#note-" + id + " form.edit-note textarea"));
			text.clear();
			text.sendKeys("Confirmed by _the port authority_ " + marker);
			editor.find(By.cssSelector("#note-" + id + " form.edit-note button")).click();
			wait.until(d -> d.findElement(By.cssSelector("#note-" + id + " .note-body"))
				.getText()
				.startsWith("Confirmed by"));
			assertThat(editor.find(By.cssSelector("#note-" + id + " .note-body em")).getText())
				.isEqualTo("the port authority");
		}

		// given: a note trying to run a script
		HttpApi.Response hostile = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD)
			.post("/api/v1/articles/" + article.id() + "/annotations", "application/ld+json",
					"""
							{"body": {"type": "TextualBody", "value": "<script>window.hacked = 1</script> [tap](javascript:window.hacked=2) <img src=x onerror=\\"window.hacked=3\\">"},
							 "target": {"selector": {"type": "TextQuoteSelector", "exact": "Paragraph 1 of"}}}""");
		assertThat(hostile.status()).isEqualTo(201);

		try (Browser reader = Browser.open(port)) {
			reader.signIn(TestUsers.READER, TestUsers.PASSWORD);
			reader.go("/articles/" + article.id());

			// then: the reader sees the notes and the highlights, and no editing controls
			assertThat(reader.find(By.cssSelector(".annotations")).getText())
				.contains("Confirmed by the port authority " + marker)
				.contains("<script>window.hacked = 1</script>");
			assertThat(reader.driver().findElements(By.cssSelector(".story .body mark.annotated"))).hasSize(2);
			assertThat(reader.has(By.cssSelector(".note-edit"))).isFalse();
			assertThat(reader.has(By.cssSelector("form[data-annotate]"))).isFalse();
			assertThat(reader.has(By.cssSelector(".annotate-button"))).isFalse();
			assertThat(reader.has(By.cssSelector(".note-body img"))).isFalse();
			reader.driver().findElements(By.cssSelector(".note-body a")).forEach(link -> link.click());
			assertThat(((JavascriptExecutor) reader.driver()).executeScript("return window.hacked === undefined;"))
				.isEqualTo(true);
		}
	}

	private static boolean inView(Browser browser, String elementId) {
		return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript("""
				const box = document.getElementById(arguments[0]).getBoundingClientRect();
				return box.top >= 0 && box.top < window.innerHeight;""", elementId);
	}

}
