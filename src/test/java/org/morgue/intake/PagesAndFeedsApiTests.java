package org.morgue.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web pages, addresses and feeds through {@code POST /api/v1/articles}: a page as saved
 * (one of Mozilla Readability's test pages), addresses the archive fetches from a local
 * server, an RSS feed whose entries carry their text or only a link; and the guard on
 * what the server fetches: other schemes, private and loopback addresses are refused (the
 * tests allow 127.0.0.1 alone, by {@code morgue.intake.allowed-hosts}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesAndFeedsApiTests {

	private static final Path PAGES = Path.of("..", "shared", "data", "html");

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	String marker;

	HttpServer server;

	final Map<String, String[]> served = new ConcurrentHashMap<>();

	@BeforeEach
	void setUp() throws IOException {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		marker = "page" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			String[] page = served.get(exchange.getRequestURI().getPath());
			byte[] body = (page != null) ? page[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (page != null) {
				exchange.getResponseHeaders().add("Content-Type", page[0]);
			}
			exchange.sendResponseHeaders((page != null) ? 200 : 404, (body.length > 0) ? body.length : -1);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void tearDown() {
		server.stop(0);
	}

	@Test
	void aPageAsSavedIsItsMainTextWithTitleAndByline() {
		// given: a page of Readability's tests, with this test's words in its text
		String html = page("001").replace("<p>", "<p>" + marker + " ");

		// when
		Response response = editor.post("/api/v1/articles?url=https://www.example.org/blog/" + marker,
				"text/html; charset=utf-8", html);

		// then
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		JsonNode article = response.json();
		assertThat(article.get("title").asString()).isEqualTo("Get your Frontend JavaScript Code Covered | Code");
		assertThat(article.get("byline").asString()).isEqualTo("Nicolas Perriault");
		assertThat(article.get("url").asString()).isEqualTo("https://www.example.org/blog/" + marker);
		assertThat(article.get("body").asString()).contains(marker).doesNotContain("<p>");
		assertThat(article.get("story").get("guid").asString()).isEqualTo("https://www.example.org/blog/" + marker);

		// and: the same page again is a duplicate
		Response again = editor.post("/api/v1/articles?url=https://www.example.org/blog/" + marker,
				"text/html; charset=utf-8", html);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("alreadyExisted").asBoolean()).isTrue();
	}

	@Test
	void addressesAreFetchedByTheServerEachAStory() {
		// given: two pages on a local server
		served.put("/one", new String[] { "text/html; charset=utf-8", article("Harbour reopens " + marker,
				"The harbour reopened " + marker + " on Tuesday after the storm.") });
		served.put("/two", new String[] { "text/html; charset=utf-8",
				article("Ferries sail " + marker, "The ferries sailed again " + marker + " on Wednesday morning.") });

		// when: one address, then both with a comment line
		Response one = editor.post("/api/v1/articles", "text/uri-list", local("/one"));
		Response both = editor.post("/api/v1/articles", "text/uri-list",
				"# today's pages\r\n" + local("/one") + "\r\n" + local("/two") + "\r\n");

		// then
		assertThat(one.status()).as(one.text()).isEqualTo(201);
		assertThat(one.json().get("title").asString()).isEqualTo("Harbour reopens " + marker);
		assertThat(one.json().get("url").asString()).isEqualTo(local("/one"));
		assertThat(both.status()).isEqualTo(201);
		assertThat(both.json().get("created").asLong()).isEqualTo(1);
		assertThat(both.json().get("duplicates").asLong()).isEqualTo(1);
	}

	@Test
	void anRssFeedTakesEachEntrysTextOrFetchesItsPage() {
		// given: an entry with its full text, one with a link only
		served.put("/later", new String[] { "text/html",
				article("Dam opens " + marker, "The dam opened " + marker + " on Friday, a year late.") });
		String feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
				<title>Harbour Gazette</title><link>%1$s</link><description>News</description>
				<item><title>Rain returns %2$s</title><link>%1$s/rain</link><guid>urn:gazette:rain-%2$s</guid>
				<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
				<content:encoded><![CDATA[<p>The rain returned %2$s on Tuesday.</p><h2>Farms</h2><p>Farmers were glad.</p>]]></content:encoded></item>
				<item><title>Dam opens %2$s</title><link>%1$s/later</link><guid>urn:gazette:dam-%2$s</guid>
				<pubDate>Wed, 04 Mar 2026 10:00:00 GMT</pubDate><description>Short.</description></item>
				</channel></rss>
				"""
			.formatted(local(""), marker);

		// when
		Response response = editor.post("/api/v1/articles", "application/rss+xml", feed);
		Response again = editor.post("/api/v1/articles", "application/xml", feed);

		// then
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.json().get("created").asLong()).isEqualTo(2);
		JsonNode rain = editor.get(response.json().get("items").get(0).get("href").asString()).json();
		assertThat(rain.get("title").asString()).isEqualTo("Rain returns " + marker);
		assertThat(rain.get("source").asString()).isEqualTo("Harbour Gazette");
		assertThat(rain.get("paragraphs")).hasSize(3);
		assertThat(rain.get("story").get("guid").asString()).isEqualTo("urn:gazette:rain-" + marker);
		JsonNode dam = editor.get(response.json().get("items").get(1).get("href").asString()).json();
		assertThat(dam.get("body").asString()).contains("a year late");
		assertThat(again.json().get("duplicates").asLong()).isEqualTo(2);
	}

	@Test
	void theServerFetchesNothingFromOtherSchemesOrPrivateAddresses() {
		for (String address : new String[] { "file:///etc/passwd", "ftp://example.org/story.xml", "http://10.0.0.1/",
				"http://169.254.169.254/latest/meta-data/",
				"http://localhost:" + server.getAddress().getPort() + "/one",
				"http://[::1]:" + server.getAddress().getPort() + "/one" }) {
			Response response = editor.post("/api/v1/articles", "text/uri-list", address);
			assertThat(response.status()).as(address).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).as(address).containsIgnoringCase("refuse");
		}
	}

	@Test
	void aRedirectToAPrivateAddressIsRefusedToo() {
		// given: an allowed address that sends the fetch to one that is not
		server.createContext("/away", exchange -> {
			exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/one");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});

		// when
		Response response = editor.post("/api/v1/articles", "text/uri-list", local("/away"));

		// then
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("localhost");
	}

	private String local(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private static String article(String title, String text) {
		return "<!DOCTYPE html><html lang=\"en\"><head><title>" + title
				+ "</title><meta property=\"og:title\" content=\"" + title
				+ "\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1><p>" + text
				+ " Officials said the work had taken longer than planned, and that traffic would return to normal "
				+ "within days.</p><p>Residents welcomed the news, saying the town had waited long enough for it.</p>"
				+ "</article><footer>Copyright</footer></body></html>";
	}

	private static String page(String name) {
		Path file = PAGES.resolve(name).resolve("source.html");
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The test page " + file.toAbsolutePath().normalize()
					+ " is not there: the tests read the shared data beside the project", ex);
		}
	}

}
