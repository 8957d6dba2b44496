package org.morgue.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.TestUsers;
import org.morgue.user.UserService;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor brings the AFP sample in through the paste page in a real browser, checks
 * what Morgue found, saves, and reads the article; a reader sees no editing controls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		// The sample is stored once per archive; start without it so this test sees it
		// created.
		jdbc.update("delete from article where body like 'Russia backs the Myanmar junta%'");
		browser = Browser.open(port);
	}

	@AfterEach
	void tearDown() {
		browser.close();
	}

	@Test
	void anEditorPastesTheSampleChecksItAndSavesIt() throws IOException {
		// given
		browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
		browser.go("/articles/new");
		browser.paste(By.id("raw"), sample());

		// when: the editor checks what Morgue found
		browser.find(By.cssSelector("button[value=parse]")).click();

		// then
		assertThat(browser.find(By.name("source")).getDomProperty("value")).isEqualTo("AFP");
		assertThat(browser.find(By.name("byline")).getDomProperty("value")).isEqualTo("AFP");
		assertThat(browser.find(By.name("dateline")).getDomProperty("value")).isEqualTo("YANGON:");
		assertThat(browser.find(By.name("publishedAt")).getDomProperty("value")).isEmpty();
		assertThat(browser.find(By.name("title")).getDomProperty("value"))
			.startsWith("Russia backs the Myanmar junta’s efforts");
		assertThat(browser.find(By.cssSelector(".parsed .notes")).getText()).containsIgnoringCase("twice");
		assertThat(browser.find(By.cssSelector(".parsed .subhead")).getText())
			.isEqualTo("‘Disappointed and disturbed’");

		// when: the editor corrects the byline and saves
		browser.find(By.name("byline")).clear();
		browser.find(By.name("byline")).sendKeys("AFP staff");
		browser.find(By.cssSelector("button[value=save]")).click();

		// then: the article page
		assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Saved.");
		assertThat(browser.path()).matches("/articles/\\d+");
		assertThat(browser.find(By.cssSelector(".story h1")).getText())
			.startsWith("Russia backs the Myanmar junta’s efforts");
		assertThat(browser.find(By.cssSelector(".flag-line")).getText()).contains("derived from the lead");
		assertThat(browser.find(By.cssSelector(".byline")).getText()).isEqualTo("AFP staff");
		assertThat(browser.find(By.cssSelector(".source")).getText()).isEqualTo("AFP");
		assertThat(browser.find(By.cssSelector(".dateline")).getText()).isEqualTo("Yangon");
		assertThat(browser.find(By.cssSelector(".published")).getText()).isEqualTo("date unknown");
		assertThat(browser.find(By.cssSelector(".story .body p")).getText())
			.startsWith("Russia backs the Myanmar junta’s efforts");
		assertThat(browser.find(By.cssSelector(".story .body h2.subhead")).getText())
			.isEqualTo("‘Disappointed and disturbed’");
		assertThat(browser.driver().findElements(By.cssSelector(".story .body p"))).hasSize(22);
		String articlePath = browser.path();

		// when: the same copy is pasted again
		browser.go("/articles/new");
		browser.paste(By.id("raw"), sample());
		browser.find(By.cssSelector("button[value=save]")).click();

		// then: it is not stored twice, and the page links to the stored article
		assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("already in the archive");
		assertThat(browser.find(By.cssSelector(".notice a")).getDomAttribute("href")).isEqualTo(articlePath);
		assertThat(jdbc.queryForObject("select count(*) from article where body like 'Russia backs the Myanmar junta%'",
				Integer.class))
			.isOne();
	}

	@Test
	void anEditorCorrectsTheHeadlineOnThePage() throws IOException {
		// given
		browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
		browser.go("/articles/new");
		browser.paste(By.id("raw"), sample());
		browser.find(By.cssSelector("button[value=save]")).click();
		// The click only starts the form's submission: wait for the article's page before
		// asking where we are.
		browser.find(By.cssSelector(".story h1"));
		String articlePath = browser.path();

		// when
		browser.go(articlePath + "/edit");
		browser.find(By.name("title")).clear();
		browser.find(By.name("title")).sendKeys("Russia backs Myanmar junta’s election plan");
		browser.find(By.name("publishedAt")).sendKeys("2022-08-03");
		browser.find(By.cssSelector("form button[type=submit]:not(.link)")).click();

		// then
		assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Corrections saved.");
		assertThat(browser.find(By.cssSelector(".story h1")).getText())
			.isEqualTo("Russia backs Myanmar junta’s election plan");
		assertThat(browser.has(By.cssSelector(".flag-line"))).isFalse();
		assertThat(browser.find(By.cssSelector(".published")).getText()).isEqualTo("3 August 2022");
	}

	@Test
	void anEditorUploadsTextFiles() throws IOException {
		// given
		Path dir = Files.createTempDirectory("upload");
		Path good = dir.resolve("story.txt");
		Files.writeString(good,
				"By Jane Doe\nPARIS (AFP) - A story uploaded on " + UUID.randomUUID() + ".\nIt has two paragraphs.");
		Path wrong = dir.resolve("picture.jpg");
		Files.write(wrong, new byte[] { (byte) 0xff, (byte) 0xd8, 0x00 });
		browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
		browser.go("/articles/new");

		// when
		browser.find(By.cssSelector("input[type=file]")).sendKeys(good + "\n" + wrong);
		browser.find(By.cssSelector(".upload button")).click();

		// then
		String results = browser.find(By.cssSelector("table.results")).getText();
		assertThat(results).contains("story.txt").contains("Stored as");
		assertThat(results).contains("picture.jpg").contains("Only .txt files");
	}

	@Test
	void aReaderSeesNoEditingControls() throws IOException {
		// given
		browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
		browser.go("/articles/new");
		browser.paste(By.id("raw"), sample());
		browser.find(By.cssSelector("button[value=save]")).click();
		browser.find(By.cssSelector(".story h1"));
		String articlePath = browser.path();
		browser.close();
		browser = Browser.open(port);

		// when
		browser.signIn(TestUsers.READER, TestUsers.PASSWORD);
		browser.go(articlePath);

		// then
		assertThat(browser.find(By.cssSelector(".story h1")).getText()).isNotBlank();
		assertThat(browser.has(By.linkText("Correct"))).isFalse();
		assertThat(browser.has(By.cssSelector("form.danger"))).isFalse();
		assertThat(browser.has(By.linkText("Add copy"))).isFalse();
	}

	private static String sample() throws IOException {
		try (InputStream in = IngestPageBrowserTests.class.getResourceAsStream("/wire/afp-myanmar-raw.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
