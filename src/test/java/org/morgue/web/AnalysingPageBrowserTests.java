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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article page that waits for its names reloads itself when they are found, but never
 * under an editor's hands: a note being written survives the analysis finishing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalysingPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void aNoteBeingWrittenIsNotLostWhenTheNamesArrive() {
		TestUsers.ensure(users);
		String marker = "an" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		HttpApi api = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);

		try (Browser editor = Browser.open(port)) {
			WebDriverWait wait = editor.waiting(Duration.ofSeconds(10));
			editor.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
			// given: an article from a bulk import, whose analysis waits for the import
			// to go quiet
			// (seconds: the browser is started first, so that the page opens well within
			// them)
			long id = api
				.post("/api/v1/articles/bulk", "application/x-ndjson",
						"""
								{"title": "Minister visits Oslo %1$s", "body": "Foreign minister Anna Berg visited Oslo on Tuesday %1$s to meet officials."}
								"""
							.formatted(marker))
				.json()
				.get("results")
				.get(0)
				.get("id")
				.asLong();
			editor.go("/articles/" + id);
			assertThat(editor.has(By.cssSelector("[data-analysing]"))).as("the article is still waiting for its names")
				.isTrue();
			JavascriptExecutor page = (JavascriptExecutor) editor.driver();
			page.executeScript("window.sameDocument = true;");

			// when: the editor starts a note, and the names are found meanwhile
			editor.selectInStory("visited Oslo on Tuesday");
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".annotate-button"))).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-annotate] textarea")))
				.sendKeys("Half-written note " + marker);
			Eventually.until(() -> api.get("/api/v1/articles/" + id).json().get("entitiesAnalysed").asBoolean(),
					analysed -> analysed, Duration.ofSeconds(90));

			// then: the page stays, with the note as typed, and says the names are ready
			wait.until(d -> d.findElement(By.cssSelector("[data-analysing]")).getText().contains("ready"));
			assertThat(page.executeScript("return window.sameDocument === true;")).isEqualTo(true);
			assertThat(editor.find(By.cssSelector("form[data-annotate] textarea")).getDomProperty("value"))
				.isEqualTo("Half-written note " + marker);
		}
	}

}
