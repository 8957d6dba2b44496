package org.morgue.web;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsing without a query, as a journalist's browser meets it (plain HTML, no
 * JavaScript): years, months and days with their counts down to the articles of a day,
 * the articles of no known date, and sources with their counts and articles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowsePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi reader;

	String source;

	String marker;

	@BeforeEach
	void storeArticles() {
		TestUsers.ensure(users);
		marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		source = "Browse Gazette " + marker;
		HttpApi editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		Response stored = editor.post("/api/v1/articles/bulk", "application/x-ndjson",
				"""
						{"title": "Mayor opens bridge %1$s", "body": "The mayor opened the bridge %1$s.", "source": "%2$s", "publishedAt": "1931-05-06"}
						{"title": "Bridge toll set %1$s", "body": "A toll was set for the bridge %1$s.", "source": "%2$s", "publishedAt": "1931-05-06T18:00:00Z"}
						{"title": "Summer fair %1$s", "body": "The summer fair opened %1$s.", "source": "%2$s", "publishedAt": "1931-07-01"}
						{"title": "Undated notice %1$s", "body": "A notice without a date %1$s.", "source": "%2$s"}
						"""
					.formatted(marker, source));
		assertThat(stored.json().get("created").intValue()).isEqualTo(4);
		reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
	}

	@Test
	void yearsMonthsAndDaysLeadToTheArticlesOfADay() {
		String years = reader.get("/browse").text();
		assertThat(years).contains("href=\"/browse/1931\"").contains("href=\"/browse/undated\"");

		String months = reader.get("/browse/1931").text();
		assertThat(months).contains("href=\"/browse/1931/5\"")
			.contains("May")
			.contains("href=\"/browse/1931/7\"")
			.doesNotContain("href=\"/browse/1931/6\"");

		String days = reader.get("/browse/1931/5").text();
		assertThat(days).contains("href=\"/browse/1931/5/6\"").contains("Wed 6");

		String day = reader.get("/browse/1931/5/6").text();
		assertThat(day).contains("6 May 1931")
			.contains("Bridge toll set " + marker)
			.contains("Mayor opens bridge " + marker)
			.doesNotContain("Summer fair " + marker);
		// the one with a time, the later, first
		assertThat(day.indexOf("Bridge toll set " + marker)).isLessThan(day.indexOf("Mayor opens bridge " + marker));
	}

	@Test
	void aBusyDayPagesThroughAllItsArticles() {
		StringBuilder lines = new StringBuilder();
		for (int i = 1; i <= BrowsePageController.PAGE_SIZE + 1; i++) {
			lines.append(
					"{\"title\": \"Busy day %s number %d\", \"body\": \"Story %d of a busy day %s.\", \"publishedAt\": \"1932-03-03\"}\n"
						.formatted(marker, i, i, marker));
		}
		HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD)
			.post("/api/v1/articles/bulk", "application/x-ndjson", lines.toString());

		String first = reader.get("/browse/1932/3/3").text();
		String second = reader.get("/browse/1932/3/3?page=2").text();

		assertThat(first).contains("Page 1 of 2").contains("?page=2");
		assertThat(first.split("Busy day " + marker + " number ", -1)).hasSize(BrowsePageController.PAGE_SIZE + 1);
		assertThat(second).contains("Page 2 of 2");
		assertThat(second.split("Busy day " + marker + " number ", -1)).hasSize(2);
	}

	@Test
	void articlesOfNoKnownDateHaveTheirOwnList() {
		assertThat(reader.get("/browse/undated").text()).contains("Undated notice " + marker)
			.doesNotContain("Mayor opens bridge " + marker);
	}

	@Test
	void sourcesListTheirCountsAndArticles() {
		String sources = reader.get("/sources").text();
		String page = reader.get("/sources/" + source.replace(" ", "%20")).text();

		assertThat(page).contains("<h1>" + source + "</h1>")
			.contains("4 articles")
			.contains("Summer fair " + marker)
			.contains("Undated notice " + marker)
			.contains(">1931<");
		assertThat(sources).contains("Sources");
	}

	@Test
	void aDayThatDoesNotExistOrHasNoArticlesIsNotFound() {
		Response impossible = reader.get("/browse/1931/2/30");
		Response empty = reader.get("/browse/1066");
		Response unknown = reader.get("/sources/No%20such%20source%20" + marker);

		assertThat(impossible.status()).isEqualTo(404);
		assertThat(impossible.text()).contains("There is no such day");
		assertThat(empty.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text()).contains("There is no source called");
	}

}
