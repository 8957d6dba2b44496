package org.morgue.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsing by date and by source as a reader meets it: a story its provider killed, and
 * one under embargo, are neither counted nor listed, on the pages of its day, month and
 * year nor on its source's; one whose embargo is over is. An editor counts and sees them
 * all, the hidden ones marked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowseWithheldArticlesTests {

	private static final String NINJS = "application/ninjs+json";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi api;

	HttpApi reader;

	HttpApi editor;

	String marker;

	String source;

	LocalDate day;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		api = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		editor = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		marker = "browse" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		source = "Withheld Wire " + marker;
		// a day of its own, as far as can be, so that other articles seldom share it
		day = LocalDate.of(1907, 1, 1).plusDays(Math.floorMod(marker.hashCode(), 365));
	}

	@Test
	void aKilledOrEmbargoedStoryLeavesTheReadersCountsAndListsButNotTheEditors() {
		// given: four stories of one source and day, one under embargo for an hour, one
		// whose embargo is over
		post("stays", "1", "usable", null, "Harbour reopens");
		post("killed", "1", "usable", null, "Minister resigns");
		post("embargoed", "1", "usable", Instant.now().plus(Duration.ofHours(1)), "Budget announced");
		post("lifted", "1", "usable", Instant.now().minusSeconds(60), "Earlier budget announced");
		long readerDay = dayTotal(reader);
		long editorDay = dayTotal(editor);
		assertThat(sourceTotal(reader)).isEqualTo(3);
		assertThat(sourceTotal(editor)).isEqualTo(4);
		assertThat(readerDay).isLessThan(editorDay);

		// when: the provider kills one
		post("killed", "2", "canceled", null, "KILL Minister resigns");

		// then: the reader's counts drop by it, by date and by source, the editor's do
		// not
		assertThat(dayTotal(reader)).isEqualTo(readerDay - 1);
		assertThat(dayTotal(editor)).isEqualTo(editorDay);
		assertThat(sourceTotal(reader)).isEqualTo(2);
		assertThat(sourceTotal(editor)).isEqualTo(4);
		assertThat(countOf(reader.get(monthPath()).text(), dayPath())).isEqualTo(readerDay - 1);
		assertThat(countOf(editor.get(monthPath()).text(), dayPath())).isEqualTo(editorDay);
		String readersSource = reader.get(sourcePath()).text();
		String editorsSource = editor.get(sourcePath()).text();
		assertThat(countOf(readersSource, "&amp;from=1907&amp;to=1907")).isEqualTo(2);
		assertThat(countOf(editorsSource, "&amp;from=1907&amp;to=1907")).isEqualTo(4);

		// and: the reader's lists leave out the killed and the embargoed story, the
		// editor's mark them
		for (String page : new String[] { reader.get(dayPath()).text(), readersSource }) {
			assertThat(page).contains("Harbour reopens " + marker)
				.contains("Earlier budget announced " + marker)
				.doesNotContain("Minister resigns " + marker)
				.doesNotContain("Budget announced " + marker + "<")
				.doesNotContain("readers do not see it");
		}
		for (String page : new String[] { editor.get(dayPath()).text(), editorsSource }) {
			assertThat(page).contains("Harbour reopens " + marker)
				.contains("Earlier budget announced " + marker)
				.contains("Minister resigns " + marker)
				.contains(">Budget announced " + marker + "<")
				.contains("Withdrawn by its provider (killed): readers do not see it.")
				.contains("Under embargo until");
		}

		// when: a usable version brings the killed story back
		post("killed", "3", "usable", null, "Minister stays");

		// then
		assertThat(dayTotal(reader)).isEqualTo(readerDay);
		assertThat(sourceTotal(reader)).isEqualTo(3);
		assertThat(reader.get(dayPath()).text()).contains("Minister stays " + marker);
	}

	private void post(String story, String version, String status, Instant embargo, String headline) {
		String document = """
				{"uri": "urn:example:%1$s:%2$s", "version": "%3$s", "pubStatus": "%4$s", %5$s
				 "firstCreated": "%6$sT10:00:00Z", "headline": "%7$s %1$s",
				 "infoSources": [{"name": "%8$s"}], "body_text": "%7$s, the %2$s story %1$s."}""".formatted(marker,
				story, version, status, (embargo != null) ? "\"embargoed\": \"" + embargo + "\"," : "", day, headline,
				source);
		Response response = api.post("/api/v1/articles", NINJS, document);
		assertThat(response.status()).as(response.text()).isIn(200, 201);
	}

	private String dayPath() {
		return monthPath() + "/" + day.getDayOfMonth();
	}

	private String monthPath() {
		return "/browse/" + day.getYear() + "/" + day.getMonthValue();
	}

	private String sourcePath() {
		return "/sources/" + UriUtils.encodePathSegment(source, StandardCharsets.UTF_8);
	}

	/** The number of articles the day's page says it lists. */
	private long dayTotal(HttpApi who) {
		Matcher total = Pattern.compile("([\\d,]+) articles?</h2>").matcher(who.get(dayPath()).text());
		assertThat(total.find()).isTrue();
		return Long.parseLong(total.group(1).replace(",", ""));
	}

	/** The number of articles the source's page says it has. */
	private long sourceTotal(HttpApi who) {
		Matcher total = Pattern.compile("class=\"source-count\">([\\d,]+) articles?<")
			.matcher(who.get(sourcePath()).text());
		assertThat(total.find()).isTrue();
		return Long.parseLong(total.group(1).replace(",", ""));
	}

	/** The count of the entry of a list of periods that links to {@code link}. */
	private static long countOf(String page, String link) {
		int at = page.indexOf(link + "\"");
		assertThat(at).as(link).isNotNegative();
		Matcher count = Pattern.compile("class=\"period-count\">([\\d,]+)<").matcher(page);
		assertThat(count.find(at)).isTrue();
		return Long.parseLong(count.group(1).replace(",", ""));
	}

}
