package org.morgue.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.TestUsers;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.tag.TagService;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags in a real browser: an editor tags a story with a tag the autocomplete suggests,
 * follows it to the tag's page and takes it off again; a reader sees tags (as text,
 * whatever they hold) but no controls to change them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TagPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	IngestService ingest;

	@Autowired
	TagService tags;

	@Test
	void anEditorAddsASuggestedTagFollowsItToItsPageAndRemovesIt() {
		// given: a tag already in use elsewhere, and an untagged story
		TestUsers.ensure(users);
		String marker = "tb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String tag = marker + " Human Rights";
		long other = story("Earlier report " + marker);
		tags.add(other, tag);
		long id = story("Activists detained " + marker);

		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
			browser.go("/articles/" + id);
			WebDriverWait wait = browser.waiting(Duration.ofSeconds(10));

			// when: the editor types the start of the tag, and takes the suggestion
			WebElement input = browser.find(By.id("tag-name"));
			input.sendKeys(marker.substring(0, 6));
			// The value is read as found: a later answer replaces the options (and so the
			// elements).
			String suggestion = wait.until(d -> (String) ((JavascriptExecutor) d).executeScript("""
					return Array.from(document.querySelectorAll('#tag-suggestions option'))
					  .map(option => option.value).find(value => value === arguments[0]) || null;""", tag));
			input.clear();
			input.sendKeys(suggestion);
			browser.find(By.cssSelector("form.tag-add button[type=submit]")).click();

			// then: the story shows the tag, as a link to its page
			wait.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("Tagged"));
			assertThat(browser.driver().findElements(By.cssSelector(".tag-list a"))).extracting(WebElement::getText)
				.containsExactly(tag);

			// when: the editor follows it
			browser.find(By.linkText(tag)).click();

			// then: the tag's page lists both stories, with rename and merge forms
			wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(tag));
			assertThat(browser.find(By.cssSelector(".tag-count")).getText()).isEqualTo("2 articles");
			assertThat(browser.has(By.cssSelector(".tag-articles a[href$='/articles/" + id + "']"))).isTrue();
			assertThat(browser.has(By.cssSelector(".tag-articles a[href$='/articles/" + other + "']"))).isTrue();
			assertThat(browser.has(By.id("rename-name"))).isTrue();

			// when: back on the story, the editor takes the tag off
			browser.go("/articles/" + id);
			browser.find(By.cssSelector(".tag-list .tag-remove button")).click();

			// then
			wait.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("Took off"));
			assertThat(browser.has(By.cssSelector(".tag-list a"))).isFalse();
			assertThat(tags.tagsOf(id)).isEmpty();
		}
	}

	@Test
	void aReaderSeesTagsAsTextButNoControlsToChangeThem() {
		// given: a story with a tag that looks like markup
		TestUsers.ensure(users);
		String marker = "tr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		long id = story("Reader story " + marker);
		String markup = "<img src=x onerror=alert(1)> " + marker;
		tags.add(id, markup);
		tags.add(id, "Plain " + marker);

		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.READER, TestUsers.PASSWORD);
			browser.go("/articles/" + id);

			// then: both tags, the markup one as plain text, and no form to change them
			List<WebElement> links = browser.driver().findElements(By.cssSelector(".tag-list a"));
			assertThat(links).extracting(WebElement::getText).containsExactlyInAnyOrder(markup, "Plain " + marker);
			assertThat(browser.has(By.cssSelector(".tag-list img"))).isFalse();
			assertThat(browser.has(By.cssSelector("form.tag-add"))).isFalse();
			assertThat(browser.has(By.cssSelector(".tag-remove"))).isFalse();

			// when: the reader opens the tag's page
			browser.find(By.linkText("Plain " + marker)).click();

			// then: no rename or merge
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Plain " + marker);
			assertThat(browser.has(By.cssSelector(".tag-tools"))).isFalse();
		}
	}

	private long story(String title) {
		return ingest
			.ingestCopy(title + "\n\nThe story of " + title + ", " + UUID.randomUUID() + ".", CopyCorrections.none())
			.article()
			.id();
	}

}
