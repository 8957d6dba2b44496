package org.morgue.web;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.copies.CopyStories;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Republished copies of one story in a real browser: the search page shows the story once
 * with its copies and sources until asked for every copy; the article page lists the
 * other copies with what each added or cut; editors split a copy off and join it back
 * there, and readers see no such controls. Each test posts its own story and copies
 * through the API under a unique marker word.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CopiesPageBrowserTests {

	private static final String LOCAL = "Dock workers in Jebel Ali said they were watching the strike closely, "
			+ "a union official said.";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	HttpApi reader;

	Browser browser;

	String marker;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		marker = CopyStories.marker();
		browser = Browser.open(port);
	}

	@AfterEach
	void tearDown() {
		browser.close();
	}

	@Test
	void aSearchShowsTheStoryOnceWithItsCopiesUntilAskedForEveryCopy() {
		// given: an agency story and two outlets' copies of it
		Story story = postStory(11);
		awaitSearchable();
		browser.signIn(TestUsers.READER, TestUsers.PASSWORD);

		// when: a reader searches for it, oldest first
		browser.go("/articles");
		browser.find(By.id("q")).sendKeys(marker);
		browser.find(By.cssSelector(".search-form button[type=submit]")).click();
		await(d -> browser.path().contains("q=" + marker));
		browser.find(By.linkText("oldest")).click();
		await(d -> browser.path().contains("sort=oldest"));

		// then: one hit, the earliest copy, saying how many copies and from where
		assertThat(browser.find(By.cssSelector(".result-count")).getText())
			.startsWith("3 articles, shown as 1 story — copies grouped");
		List<WebElement> hits = hits();
		assertThat(hits).hasSize(1);
		assertThat(hits.get(0).findElement(By.cssSelector("a.headline")).getDomAttribute("href"))
			.isEqualTo("/articles/" + story.original());
		WebElement copies = hits.get(0).findElement(By.cssSelector(".hit-copies a"));
		assertThat(copies.getText()).isEqualTo("3 copies: Reuters, Gulf News, The Hindu");
		assertThat(copies.getDomAttribute("href")).isEqualTo("/articles/" + story.original() + "#copies");
		assertThat(browser.find(By.cssSelector(".facets-note")).getText()).contains("every copy");

		// when: the reader asks for every copy
		browser.find(By.linkText("Show every copy")).click();

		// then: the three copies, the rest of the search kept
		await(d -> browser.path().contains("copies=all") && hits().size() == 3);
		assertThat(browser.path()).contains("q=" + marker).contains("sort=oldest");
		assertThat(browser.find(By.cssSelector(".result-count")).getText()).isEqualTo("3 articles · page 1 of 1");
		assertThat(hits()).extracting(hit -> hit.findElement(By.cssSelector(".hit-source")).getText())
			.containsExactly("Reuters", "Gulf News", "The Hindu");
		assertThat(browser.find(By.linkText("newest")).getDomAttribute("href")).contains("copies=all");
		assertThat(browser.find(By.cssSelector("input[type=hidden][name=copies]")).getDomAttribute("value"))
			.isEqualTo("all");

		// when: and groups them again
		browser.find(By.linkText("Group copies")).click();

		// then
		await(d -> !browser.path().contains("copies=") && hits().size() == 1);
		assertThat(browser.path()).contains("q=" + marker).contains("sort=oldest");
	}

	@Test
	void anArticlePageListsTheOtherCopiesWithWhatEachAddedOrCut() {
		// given
		Story story = postStory(12);
		browser.signIn(TestUsers.READER, TestUsers.PASSWORD);

		// when
		browser.go("/articles/" + story.original());

		// then: the two other copies, earliest first, with source, date and similarity
		WebElement section = browser.find(By.id("copies"));
		List<WebElement> copies = section.findElements(By.cssSelector(".copy"));
		assertThat(copies).extracting(copy -> copy.findElement(By.cssSelector(".copy-title")).getText())
			.containsExactly("Strike at the harbour", "UPDATE 1-Harbor strike");
		WebElement local = copies.get(0);
		assertThat(local.findElement(By.cssSelector(".copy-title")).getDomAttribute("href"))
			.isEqualTo("/articles/" + story.local());
		assertThat(local.findElement(By.cssSelector(".copy-source")).getText()).isEqualTo("Gulf News");
		assertThat(local.findElement(By.cssSelector(".copy-date")).getText()).isEqualTo("3 March 2026");
		assertThat(local.findElement(By.cssSelector(".copy-similarity")).getText()).matches("\\d{1,3}% alike");

		// when: the reader opens what the local copy changed
		local.findElement(By.cssSelector(".copy-diff summary")).click();

		// then: its local paragraph added, the story's last paragraph cut
		WebElement added = local.findElement(By.cssSelector(".copy-diff .added"));
		await(d -> added.isDisplayed());
		assertThat(added.getText()).contains(LOCAL);
		assertThat(added.findElement(By.cssSelector(".change-kind")).getText()).isEqualToIgnoringCase("added");
		assertThat(local.findElement(By.cssSelector(".copy-diff .cut")).getText())
			.contains(story.paragraphs().get(story.paragraphs().size() - 1));
		assertThat(local.findElement(By.cssSelector(".copy-diff summary")).getText())
			.isEqualTo("What it added 1 paragraph, cut 1 paragraph");
	}

	@Test
	void anEditorSplitsACopyOffAndJoinsItBack() {
		// given
		Story story = postStory(13);
		browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
		browser.go("/articles/" + story.original());
		assertThat(copies()).hasSize(2);

		// when: the editor says the restyled copy is not a copy
		browser.find(By.cssSelector(".copy[data-article='" + story.restyled() + "'] .copy-split button")).click();

		// then: it is gone from the section, which says so
		await(d -> d.findElement(By.cssSelector("#copies .notice")).getText().contains("Split article #"));
		assertThat(copies()).extracting(copy -> copy.getDomAttribute("data-article"))
			.containsExactly(Long.toString(story.local()));
		assertThat(reader.get("/api/v1/articles/" + story.original()).json().get("copies").get("count").asInt())
			.isEqualTo(2);

		// when: the editor joins an article with itself, or with what is not a number
		join(Long.toString(story.original()));

		// then: refused on the article page, with the reason
		await(d -> d.findElement(By.cssSelector("#copies .error")).getText().contains("cannot be joined to itself"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Harbour workers strike");
		join("the other one");
		await(d -> d.findElement(By.cssSelector("#copies .error")).getText().contains("is not an article number"));
		join("999999999");
		await(d -> d.findElement(By.cssSelector("#copies .error")).getText().contains("There is no article"));

		// when: the editor joins the copy back
		join("#" + story.restyled());

		// then
		await(d -> d.findElement(By.cssSelector("#copies .notice")).getText().contains("Joined with article #"));
		assertThat(copies()).extracting(copy -> copy.getDomAttribute("data-article"))
			.containsExactly(Long.toString(story.local()), Long.toString(story.restyled()));
		assertThat(browser.find(By.cssSelector("#copies .notice")).getText()).contains("3 copies");
	}

	@Test
	void aReaderSeesTheCopiesButNoControlsToSplitOrJoinThem() {
		// given
		Story story = postStory(14);
		browser.signIn(TestUsers.READER, TestUsers.PASSWORD);

		// when
		browser.go("/articles/" + story.local());

		// then
		assertThat(copies()).hasSize(2);
		assertThat(browser.has(By.cssSelector(".copy-split"))).isFalse();
		assertThat(browser.has(By.cssSelector(".copy-join"))).isFalse();
		assertThat(browser.driver().getPageSource()).doesNotContain("/copies/join").doesNotContain("split off");
	}

	private Story postStory(long seed) {
		List<String> story = CopyStories.story(marker, seed);
		long original = post("Harbour workers strike", "Reuters", "2026-03-02", story);
		long local = post("Strike at the harbour", "Gulf News", "2026-03-03",
				CopyStories.cutWithLocalParagraph(story, LOCAL));
		long restyled = post("UPDATE 1-Harbor strike", "The Hindu", "2026-03-04", CopyStories.restyled(story));
		return new Story(original, local, restyled, story);
	}

	private long post(String title, String source, String publishedAt, List<String> paragraphs) {
		Response response = editor.post("/api/v1/articles", "application/json",
				CopyStories.json(title, source, publishedAt, paragraphs));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private void awaitSearchable() {
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json(),
				(JsonNode result) -> result.get("total").asInt() == 3 && result.get("hits").size() == 1,
				Duration.ofSeconds(30));
	}

	private void join(String other) {
		WebElement field = browser.find(By.id("copy-join-other"));
		field.clear();
		field.sendKeys(other);
		browser.find(By.cssSelector("form.copy-join button[type=submit]")).click();
	}

	private List<WebElement> hits() {
		return browser.driver().findElements(By.cssSelector(".hits > li"));
	}

	private List<WebElement> copies() {
		return browser.driver().findElements(By.cssSelector("#copies .copy"));
	}

	private void await(Function<WebDriver, Boolean> condition) {
		WebDriverWait wait = browser.waiting(Duration.ofSeconds(10));
		wait.ignoring(WebDriverException.class).until(condition);
	}

	/**
	 * A story as posted: the agency's, a copy with a local paragraph, a restyled copy.
	 */
	private record Story(long original, long local, long restyled, List<String> paragraphs) {
	}

}
