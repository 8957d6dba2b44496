package org.morgue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.article.SavedArticle;
import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.IngestService;
import org.morgue.search.ArticleSearch;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchRequest;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader searches the archive in a real browser: highlights, facets and their chips,
 * the timeline (clicked and dragged), pages, errors under the search box, the help page
 * and related articles. Every test stores its own articles under a unique marker word, so
 * the shared database's other articles do not matter; stored through
 * {@link IngestService}, as the API and the paste page do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchPageBrowserTests {

	private static final Pattern EXAMPLE_LINK = Pattern.compile("<a class=\"example\" href=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ArticleSearch search;

	@Autowired
	IngestService ingest;

	Browser browser;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		awaitFirstIndex();
		browser = Browser.open(port);
		browser.signIn(TestUsers.READER, TestUsers.PASSWORD);
	}

	@AfterEach
	void tearDown() {
		browser.close();
	}

	@Test
	void aSearchShowsTheMatchHighlighted() {
		// given
		String marker = marker();
		long id = store("Talks resume in Yangon", "YANGON - Envoys met on a " + marker + " morning.\nMore follows.",
				"AFP", "2022-08-03");
		awaitIndexed(marker, 1);

		// when
		browser.go("/articles");
		browser.find(By.id("q")).sendKeys(marker);
		browser.find(By.cssSelector(".search-form button[type=submit]")).click();

		// then
		awaitPath(path -> path.contains("q=" + marker));
		assertThat(browser.find(By.cssSelector(".result-count")).getText()).isEqualTo("1 article · page 1 of 1");
		List<WebElement> hits = browser.driver().findElements(By.cssSelector(".hits > li"));
		assertThat(hits).hasSize(1);
		WebElement hit = hits.get(0);
		assertThat(hit.findElement(By.cssSelector("a.headline")).getText()).isEqualTo("Talks resume in Yangon");
		assertThat(hit.findElement(By.cssSelector("a.headline")).getDomAttribute("href")).isEqualTo("/articles/" + id);
		assertThat(hit.findElement(By.cssSelector(".snippet mark")).getText()).isEqualTo(marker);
		assertThat(hit.findElement(By.cssSelector(".meta")).getText()).contains("AFP").contains("3 August 2022");
		assertThat(browser.find(By.id("q")).getDomProperty("value")).isEqualTo(marker);
	}

	@Test
	void withoutAQueryArticlesComeNewestFirstAndTheOrderCanBeChanged() {
		// given: a source of its own, so only these articles are listed
		String source = "Wire " + marker();
		store("The older story", "An older story " + marker() + ".", source, "2020-05-01");
		store("The newer story", "A newer story " + marker() + ".", source, "2022-05-01");
		Eventually
			.until(() -> search.search(SearchCriteria.query("").withSources(List.of(source)).toRequest(20, 0, null))
				.total(), total -> total == 2);

		// when
		browser.go("/articles?source=" + encode(source));

		// then
		assertThat(headlines()).containsExactly("The newer story", "The older story");
		assertThat(browser.find(By.cssSelector(".sort a.current")).getText()).isEqualTo("newest");

		// when
		browser.driver().findElement(By.linkText("oldest")).click();

		// then
		awaitPath(path -> path.contains("sort=oldest"));
		assertThat(headlines()).containsExactly("The older story", "The newer story");
		assertThat(browser.path()).contains("source=" + encode(source));
	}

	@Test
	void resultsComeTwentyToAPage() {
		// given
		String marker = marker();
		for (int i = 1; i <= 21; i++) {
			store("Story " + i, "Story number " + i + " about " + marker + ".", "AFP",
					"2022-01-" + String.format("%02d", i));
		}
		awaitIndexed(marker, 21);

		// when
		browser.go("/articles?q=" + marker + "&sort=newest");

		// then
		assertThat(browser.find(By.cssSelector(".result-count")).getText()).isEqualTo("21 articles · page 1 of 2");
		assertThat(headlines()).hasSize(20).startsWith("Story 21");

		// when
		browser.driver().findElement(By.partialLinkText("Next")).click();

		// then
		awaitPath(path -> path.contains("page=2"));
		assertThat(browser.find(By.cssSelector(".result-count")).getText()).isEqualTo("21 articles · page 2 of 2");
		assertThat(headlines()).containsExactly("Story 1");

		// when
		browser.driver().findElement(By.partialLinkText("Previous")).click();

		// then
		awaitPath(path -> !path.contains("page="));
		assertThat(headlines()).hasSize(20);
	}

	@Test
	void aSourceFacetNarrowsTheResultsAndItsChipWidensThemAgain() {
		// given
		String marker = marker();
		store("Reuters one", "First " + marker + " report.", "Reuters", "2022-03-01");
		store("Reuters two", "Second " + marker + " report.", "Reuters", "2022-04-01");
		store("AP one", "Third " + marker + " report.", "AP", "2022-05-01");
		awaitIndexed(marker, 3);
		browser.go("/articles?q=" + marker);
		assertThat(browser.find(By.cssSelector(".result-count strong")).getText()).isEqualTo("3 articles");
		assertThat(facetCount("Reuters")).isEqualTo("2");
		assertThat(facetCount("AP")).isEqualTo("1");

		// when
		facet("AP").click();

		// then
		awaitPath(path -> path.contains("source=AP"));
		assertThat(browser.find(By.cssSelector(".result-count strong")).getText()).isEqualTo("1 article");
		assertThat(headlines()).containsExactly("AP one");
		assertThat(chips()).containsExactly("Source: AP ×");
		assertThat(browser.path()).contains("q=" + marker);

		// when
		browser.find(By.cssSelector(".chip a")).click();

		// then
		awaitPath(path -> !path.contains("source="));
		assertThat(browser.find(By.cssSelector(".result-count strong")).getText()).isEqualTo("3 articles");
		assertThat(browser.has(By.cssSelector(".chip"))).isFalse();
		assertThat(browser.path()).contains("q=" + marker);
		assertThat(browser.find(By.id("q")).getDomProperty("value")).isEqualTo(marker);
	}

	@Test
	void aYearBarOfTheTimelineNarrowsToThatYear() {
		// given
		String marker = storeFourYears();
		browser.go("/articles?q=" + marker);
		assertThat(browser.find(By.cssSelector(".timeline figcaption")).getText())
			.contains("Articles per year, 2019–2022");
		assertThat(bar("2020: 0 articles").getDomAttribute("href")).contains("from=2020&to=2020");

		// when
		bar("2021: 2 articles").click();

		// then
		awaitPath(path -> path.contains("from=2021&to=2021"));
		assertThat(browser.path()).contains("q=" + marker);
		assertThat(browser.find(By.cssSelector(".result-count strong")).getText()).isEqualTo("2 articles");
		assertThat(chips()).containsExactly("2021 ×");
		// a single year zooms the chart and the facets to months
		assertThat(browser.find(By.cssSelector(".timeline figcaption")).getText())
			.contains("Articles per month, Jan 2021 – Dec 2021");
		assertThat(browser.driver().findElements(By.cssSelector(".timeline-bars a"))).hasSize(12);
		assertThat(bar("March 2021: 1 article")).isNotNull();
		assertThat(browser.find(By.cssSelector(".facet-months")).getText()).contains("March 2021")
			.contains("June 2021");
	}

	@Test
	void draggingAcrossTheTimelineNarrowsToTheSpan() {
		// given
		String marker = storeFourYears();
		browser.go("/articles?q=" + marker + "&sort=oldest");
		WebElement first = bar("2019: 1 article");
		WebElement last = bar("2021: 2 articles");

		// when: pressing on one bar and moving to another
		new Actions(browser.driver()).clickAndHold(first).moveToElement(last).perform();

		// then: the span shows while dragging
		assertThat(browser.find(By.cssSelector(".timeline-span")).getText()).isEqualTo("2019 – 2021: 3 articles");

		// when: releasing there
		new Actions(browser.driver()).release().perform();

		// then
		awaitPath(path -> path.contains("from=2019") && path.contains("to=2021"));
		assertThat(browser.path()).contains("q=" + marker).contains("sort=oldest");
		assertThat(browser.find(By.cssSelector(".result-count strong")).getText()).isEqualTo("3 articles");
		assertThat(chips()).containsExactly("2019–2021 ×");
	}

	@Test
	void aQueryThatCannotBeReadIsExplainedUnderTheSearchBox() {
		// when
		browser.go("/articles?q=" + encode("(junta election"));

		// then
		WebElement error = browser.find(By.cssSelector(".search-form .search-error"));
		assertThat(error.getText()).startsWith("The query ends too early");
		assertThat(browser.find(By.id("q")).getDomProperty("value")).isEqualTo("(junta election");
		assertThat(browser.find(By.id("q")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.has(By.cssSelector(".hits"))).isFalse();

		// and: over plain HTTP, the answer is a 400 page with the message, not a stack
		// trace
		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		HttpApi.Response response = reader.get("/articles?q=" + encode("(junta election"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).contains(error.getText()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void badDatesAndPagesAreExplainedUnderTheSearchBox() {
		// when
		browser.go("/articles?q=junta&from=2022-13");

		// then
		assertThat(browser.find(By.cssSelector(".search-error")).getText())
			.isEqualTo("'2022-13' is not a date: write it as 2022-08-03 (or 2022-08, or 2022).");
		assertThat(browser.find(By.id("q")).getDomProperty("value")).isEqualTo("junta");
		// searching again starts without the bad date
		assertThat(browser.has(By.cssSelector(".search-form input[name=from]"))).isFalse();

		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		assertThat(reader.get("/articles?q=junta&from=2022-13").status()).isEqualTo(400);
		assertThat(reader.get("/articles?from=2022&to=2021").status()).isEqualTo(400);
		HttpApi.Response badPage = reader.get("/articles?q=junta&page=first");
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.text()).contains("is not a page number");
		assertThat(reader.get("/articles?page=0").status()).isEqualTo(400);
		assertThat(reader.get("/articles?sort=best").status()).isEqualTo(400);
	}

	@Test
	void theHelpPageExamplesRunTheSearch() {
		// given
		browser.go("/articles");
		browser.driver().findElement(By.linkText("How to search")).click();
		awaitPath(path -> path.equals("/search/help"));

		// when
		browser.driver().findElement(By.xpath("//a[@class='example'][code='\"state of emergency\"']")).click();

		// then
		awaitPath(path -> path.startsWith("/articles?q="));
		assertThat(browser.find(By.id("q")).getDomProperty("value")).isEqualTo("\"state of emergency\"");
		assertThat(browser.has(By.cssSelector(".search-error"))).isFalse();

		// and: every example on the page is a query the archive reads
		HttpApi reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		Matcher links = EXAMPLE_LINK.matcher(reader.get("/search/help").text());
		int examples = 0;
		while (links.find()) {
			String link = links.group(1).replace("&amp;", "&");
			assertThat(reader.get(link).status()).as(link).isEqualTo(200);
			examples++;
		}
		assertThat(examples).isGreaterThanOrEqualTo(15);
	}

	@Test
	void anArticlePageListsRelatedArticles() {
		// given: two articles that share their distinctive words
		String a = marker();
		String b = marker();
		String c = marker();
		String shared = a + " " + b + " " + c + " ";
		long first = store("Flood defences fail " + a, "Flood water " + shared + shared + "rose over the defences.",
				"AFP", "2022-02-01");
		store("Flood inquiry opens " + b, "An inquiry into the " + shared + shared + "flood opened.", "AFP",
				"2022-03-01");
		awaitIndexed(a, 2);

		// when
		browser.go("/articles/" + first);

		// then
		WebElement related = browser.find(By.cssSelector(".related"));
		assertThat(related.findElement(By.tagName("h2")).getText()).isEqualTo("Related articles");
		assertThat(related.findElements(By.cssSelector("a.headline")).stream().map(WebElement::getText))
			.contains("Flood inquiry opens " + b);
	}

	@Test
	void titlesAreShownAsTextNeverAsMarkup() {
		// given
		String marker = marker();
		long id = store("<script>window.injected = true</script> Claims " + marker, "A body about " + marker + ".",
				"AFP", "2022-08-03");
		awaitIndexed(marker, 1);

		// when
		browser.go("/articles?q=" + marker);

		// then
		WebElement headline = browser.find(By.cssSelector(".hits a.headline"));
		assertThat(headline.getText()).isEqualTo("<script>window.injected = true</script> Claims " + marker);
		assertThat(headline.findElement(By.tagName("mark")).getText()).isEqualTo(marker);
		assertThat(browser.has(By.cssSelector(".hits script"))).isFalse();
		assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.injected === undefined;"))
			.isEqualTo(true);

		// and: on the article page too
		browser.go("/articles/" + id);
		assertThat(browser.find(By.cssSelector(".story h1")).getText()).startsWith("<script>");
		assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.injected === undefined;"))
			.isEqualTo(true);
	}

	/** One article in 2019, two in 2021 (March and June), one in 2022; none in 2020. */
	private String storeFourYears() {
		String marker = marker();
		store("Year 2019", "A " + marker + " story.", "AFP", "2019-06-01");
		store("Year 2021 March", "A " + marker + " story in March.", "AFP", "2021-03-01");
		store("Year 2021 June", "A " + marker + " story in June.", "AFP", "2021-06-01");
		store("Year 2022", "A " + marker + " story again.", "AFP", "2022-06-01");
		awaitIndexed(marker, 4);
		return marker;
	}

	private long store(String title, String body, String source, String publishedAt) {
		SavedArticle saved = ingest
			.ingestFields(new ArticleInput(title, body, null, source, null, publishedAt, null, "en"), body);
		assertThat(saved.created()).isTrue();
		return saved.article().id();
	}

	private void awaitIndexed(String marker, long count) {
		Eventually.until(() -> search.search(SearchRequest.of(marker)).total(), total -> total == count);
	}

	/**
	 * The index of a new context is built from the shared database first; that may take
	 * longer than a save.
	 */
	private void awaitFirstIndex() {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!search.search(SearchRequest.of("")).indexAvailable() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private void awaitPath(Predicate<String> condition) {
		browser.waiting(Duration.ofSeconds(10)).until(driver -> condition.test(browser.path()));
	}

	private List<String> headlines() {
		browser.find(By.cssSelector(".results-head"));
		return browser.driver()
			.findElements(By.cssSelector(".hits a.headline"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private List<String> chips() {
		// The label and the × are laid out apart; a reader sees "Source: AP ×".
		return browser.driver()
			.findElements(By.cssSelector(".chips .chip"))
			.stream()
			.map(chip -> chip.getText().replaceAll("\\s+", " "))
			.toList();
	}

	private WebElement facet(String label) {
		return browser.find(By.cssSelector(".facets"))
			.findElements(By.cssSelector(".facet a"))
			.stream()
			.filter(link -> link.findElement(By.cssSelector(".facet-label")).getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no facet value " + label));
	}

	private String facetCount(String label) {
		return facet(label).findElement(By.cssSelector(".facet-count")).getText();
	}

	private WebElement bar(String description) {
		return browser.find(By.cssSelector(".timeline-bars a[aria-label='" + description + "']"));
	}

	private static String marker() {
		return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
