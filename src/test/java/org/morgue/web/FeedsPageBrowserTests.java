package org.morgue.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.HttpApi;
import org.morgue.TestUsers;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator registers a feed on the Feeds page, polls it, sees what it took,
 * pauses and resumes it, and removes it; a mistake is explained on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedsPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void anAdministratorRegistersPollsPausesAndRemovesAFeed() throws Exception {
		TestUsers.ensure(users);
		String marker = "page" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
				<title>Valley Gazette</title><link>https://gazette.example.org/</link><description>News</description>
				<item><title>Bridge opens %1$s</title><link>https://gazette.example.org/bridge</link>
				<guid>urn:gazette:bridge-%1$s</guid><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate>
				<content:encoded><![CDATA[<p>The new bridge %1$s opened on Tuesday after two years of work.</p>]]></content:encoded></item>
				</channel></rss>
				"""
			.formatted(marker);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/gazette.rss", exchange -> {
			byte[] body = rss.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/gazette.rss";
		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
			browser.go("/");
			browser.find(By.linkText("Feeds")).click();
			assertThat(browser.path()).isEqualTo("/admin/feeds");

			// a mistake first: an address the server does not fetch
			browser.paste(By.name("url"), "ftp://gazette.example.org/feed");
			browser.find(By.cssSelector(".new-feed button")).click();
			shows(browser, ".error", "only http and https");
			assertThat(browser.find(By.name("url")).getAttribute("value")).isEqualTo("ftp://gazette.example.org/feed");

			// registered
			browser.paste(By.name("url"), url);
			browser.paste(By.name("source"), "Valley Gazette");
			browser.paste(By.name("minutes"), "60");
			browser.find(By.cssSelector(".new-feed button")).click();
			shows(browser, ".notice", "is registered");
			WebElement row = row(browser, url);
			assertThat(row.findElement(By.cssSelector(".kind")).getText()).isEqualTo("address");
			assertThat(row.getText()).contains("Valley Gazette", "60 min");

			// polled now
			row.findElement(By.cssSelector("button.poll")).click();
			shows(browser, ".notice", "polled: 1 new");
			assertThat(row(browser, url).findElement(By.cssSelector(".taken")).getText()).startsWith("1 new");
			assertThat(row(browser, url).findElement(By.cssSelector(".totals")).getText()).contains("in 1 polls");

			// paused and resumed
			row(browser, url).findElement(By.cssSelector("button.pause")).click();
			shows(browser, ".notice", "is paused");
			assertThat(row(browser, url).findElement(By.cssSelector(".state strong")).getText()).isEqualTo("paused");
			row(browser, url).findElement(By.cssSelector("button.resume")).click();
			shows(browser, ".notice", "on its schedule again");
			assertThat(row(browser, url).findElement(By.cssSelector(".state strong")).getText()).isEqualTo("waiting");

			// removed; its story stays
			row(browser, url).findElement(By.cssSelector("button.delete")).click();
			shows(browser, ".notice", "stories it brought stay");
			assertThat(browser.driver()
				.findElements(By.cssSelector("tr.feed"))
				.stream()
				.noneMatch((feed) -> feed.getText().contains(url))).isTrue();
		}
		finally {
			server.stop(0);
		}
		assertThat(HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD).get("/admin/feeds").status())
			.isEqualTo(403);
	}

	/** Waits for the page after a click to say what it should, in the element given. */
	private static void shows(Browser browser, String selector, String text) {
		// the page being left may be read as it goes: ask again
		browser.waiting(Duration.ofSeconds(10))
			.ignoring(WebDriverException.class)
			.until((driver) -> driver.findElements(By.cssSelector(selector))
				.stream()
				.anyMatch((element) -> element.getText().contains(text)));
	}

	private static WebElement row(Browser browser, String url) {
		browser.find(By.cssSelector("tr.feed"));
		return browser.driver()
			.findElements(By.cssSelector("tr.feed"))
			.stream()
			.filter((feed) -> feed.findElement(By.cssSelector(".location")).getText().equals(url))
			.findFirst()
			.orElseThrow();
	}

}
