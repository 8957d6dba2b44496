package org.morgue.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.intake.WireSamples;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds through {@code /api/v1/feeds}: an RSS feed and a NewsML-G2 message served by a
 * local HTTP server, polled with conditional requests; a drop folder whose files are
 * taken once and moved to {@code done/} or {@code failed/}; back-off after failures;
 * claims that keep one poll at a time per feed across nodes; and what is refused. Polling
 * on schedule is off in tests ({@code morgue.feeds.enabled=false}); these poll on demand,
 * {@link FeedSchedulerTests} on schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedApiTests {

	private static final String LISTING_1 = "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml";

	private static final String LISTING_1_GUID = "urn:newsml:acmenews.com:20161018:US-FINANCE-FED";

	private static final String LISTING_1_PLACEHOLDER = "<!--   Inline XML must contain well-formed XML such as NITF or XHTML       -->";

	private static final String NINJS = "ninjs/2.2_004_simple_text_article.json";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	FeedStore store;

	@TempDir
	Path temporary;

	HttpApi admin;

	HttpApi editor;

	String marker;

	FeedServer server;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		marker = "feed" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		server = new FeedServer();
	}

	@AfterEach
	void tearDown() {
		server.close();
	}

	@Test
	void anRssFeedIsPolledConditionallyAndAChangedEntryUpdatesItsArticle() {
		// given: a feed with one entry in full and one that links to its page
		server.serve("/page-" + marker, "text/html; charset=utf-8",
				page("Ferries sail " + marker, "The ferries sailed again " + marker + " on Wednesday morning."));
		server.serve("/world.rss", "application/rss+xml",
				FeedServer.rss("Gazette",
						new String[] { "urn:gazette:rain-" + marker, "Rain returns " + marker, server.url("/rain"),
								"<p>Rain returned " + marker + " to the valley on Tuesday after a dry month.</p>"
										+ "<p>Farmers welcomed it.</p>" },
						new String[] { "urn:gazette:ferry-" + marker, "Ferries sail " + marker,
								server.url("/page-" + marker), null }));

		// when: registered and polled
		Response added = admin.post("/api/v1/feeds", "application/json",
				"{\"url\": \"" + server.url("/world.rss") + "\", \"source\": \"Gazette\", \"intervalSeconds\": 600}");
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		long id = added.json().get("id").asLong();
		assertThat(added.header("Location")).isEqualTo("/api/v1/feeds/" + id);
		assertThat(added.json().get("kind").asString()).isEqualTo("URL");
		assertThat(added.json().get("state").asString()).isEqualTo("waiting");
		JsonNode polled = poll(id);

		// then: two stories, the second from its page
		assertThat(polled.get("polls").asLong()).isEqualTo(1);
		assertThat(polled.get("lastPoll").get("created").asLong()).isEqualTo(2);
		assertThat(polled.get("lastError").isNull()).isTrue();
		assertThat(Eventually.until(() -> search(marker), (n) -> n == 2)).isEqualTo(2);
		JsonNode ferry = article("Ferries sail " + marker);
		assertThat(ferry.get("body").asString()).contains("sailed again " + marker);
		assertThat(ferry.get("source").asString()).isEqualTo("Gazette");
		assertThat(ferry.get("story").get("guid").asString()).isEqualTo("urn:gazette:ferry-" + marker);

		// when: polled again, the feed unchanged
		JsonNode again = poll(id);

		// then: the poll sent the feed's ETag back and took nothing
		assertThat(server.requests.get(server.requests.size() - 1)).startsWith("/world.rss \"");
		assertThat(again.get("polls").asLong()).isEqualTo(2);
		assertThat(again.get("lastPoll").get("created").asLong()).isZero();
		assertThat(again.get("totals").get("created").asLong()).isEqualTo(2);

		// when: the feed changes one entry's text and keeps the other
		server.serve("/world.rss", "application/rss+xml",
				FeedServer.rss("Gazette",
						new String[] { "urn:gazette:rain-" + marker, "Rain returns " + marker, server.url("/rain"),
								"<p>Heavy rain returned " + marker + " to the valley on Tuesday after a dry month.</p>"
										+ "<p>Farmers welcomed it.</p>" },
						new String[] { "urn:gazette:ferry-" + marker, "Ferries sail " + marker,
								server.url("/page-" + marker), null }));
		JsonNode changed = poll(id);

		// then: the same article shows the new text; the other is a duplicate
		assertThat(changed.get("lastPoll").get("updated").asLong()).isEqualTo(1);
		assertThat(changed.get("lastPoll").get("duplicates").asLong()).isEqualTo(1);
		assertThat(Eventually.until(() -> search(marker), (n) -> n == 2)).isEqualTo(2);
		JsonNode rain = article("Rain returns " + marker);
		assertThat(rain.get("body").asString()).contains("Heavy rain returned");
		assertThat(rain.get("story").get("versions").asInt()).isEqualTo(2);
	}

	@Test
	void anAddressServingNewsMlG2IsTakenWithItsVersionsAndAKill() {
		// given: an address serving one G2 item
		String guid = LISTING_1_GUID + "-" + marker;
		server.serve("/item.xml", "application/vnd.iptc.g2.newsitem+xml", listingOne(guid, "1", "stat:usable"));
		long id = add("{\"url\": \"" + server.url("/item.xml") + "\"}");

		// when
		JsonNode first = poll(id);

		// then
		assertThat(first.get("lastPoll").get("created").asLong()).as(first.toString()).isEqualTo(1);
		JsonNode article = article("Fed");
		assertThat(article.get("story").get("guid").asString()).isEqualTo(guid);

		// when: the address serves the kill of the story
		server.serve("/item.xml", "application/vnd.iptc.g2.newsitem+xml", listingOne(guid, "2", "stat:canceled"));
		JsonNode killed = poll(id);

		// then: the story is withdrawn
		assertThat(killed.get("lastPoll").get("updated").asLong()).isEqualTo(1);
		JsonNode after = editor.get("/api/v1/articles/" + article.get("id").asLong()).json();
		assertThat(after.get("story").get("status").asString()).isEqualTo("CANCELED");
	}

	@Test
	void aDropFolderTakesEachFileOnceAndMovesItToDoneOrFailed() throws IOException {
		// given: a folder with a G2 item, a ninjs document, a broken file, one still
		// being
		// written and an NITF document
		Path folder = Files.createDirectory(temporary.resolve("drop"));
		Path item = settled(folder.resolve("01-item.xml"),
				listingOne(LISTING_1_GUID + "-" + marker, "1", "stat:usable"));
		Path ninjs = settled(folder.resolve("02-story.json"), ninjs());
		settled(folder.resolve("03-broken.xml"), "<newsItem guid=\"x\"><itemMeta>" + marker);
		settled(folder.resolve("05-budget.xml"),
				"<nitf><head><docdata><du-key key=\"budget-" + marker
						+ "\" generation=\"1\"/></docdata></head><body><body.head><hedline><hl1>Budget passes " + marker
						+ "</hl1></hedline></body.head><body.content><p>The budget passed " + marker
						+ " on Monday.</p></body.content></body></nitf>");
		Files.writeString(folder.resolve("04-arriving.xml"), "<newsItem");
		long id = add("{\"folder\": \"" + folder + "\", \"source\": \"Agency\"}");

		// when
		JsonNode polled = poll(id);

		// then: three stories; the broken file refused with its reason beside it; the new
		// file left alone
		assertThat(polled.get("kind").asString()).isEqualTo("FOLDER");
		assertThat(polled.get("folder").asString()).isEqualTo(folder.toString());
		assertThat(polled.get("lastPoll").get("created").asLong()).as(polled.toString()).isEqualTo(3);
		assertThat(polled.get("lastPoll").get("failed").asLong()).isEqualTo(1);
		assertThat(polled.get("lastError").asString()).startsWith("03-broken.xml: ").contains("not well-formed");
		assertThat(names(folder.resolve("done"))).containsExactly("01-item.xml", "02-story.json", "05-budget.xml");
		assertThat(names(folder.resolve("failed"))).containsExactly("03-broken.xml", "03-broken.xml.error");
		assertThat(Files.readString(folder.resolve("failed").resolve("03-broken.xml.error")))
			.contains("not well-formed");
		assertThat(names(folder)).containsExactly("04-arriving.xml", "done", "failed");
		assertThat(Eventually.until(() -> search(marker), (n) -> n == 3)).isEqualTo(3);
		assertThat(article("Budget passes").get("story").get("guid").asString()).isEqualTo("budget-" + marker);

		// when: a file taken before a restart comes again (it had not been moved yet)
		settled(item, listingOne(LISTING_1_GUID + "-" + marker, "1", "stat:usable"));
		settled(ninjs, ninjs());
		JsonNode again = poll(id);

		// then: moved without being taken twice
		assertThat(again.get("lastPoll").get("created").asLong()).isZero();
		assertThat(again.get("lastPoll").get("duplicates").asLong()).isEqualTo(2);
		assertThat(names(folder.resolve("done"))).containsExactly("01-item-1.xml", "01-item.xml", "02-story-1.json",
				"02-story.json", "05-budget.xml");
		assertThat(search(marker)).isEqualTo(3);
	}

	@Test
	void aFailingFeedBacksOffAndSaysWhy() {
		// given: an address that answers 500
		server.fail("/broken.xml", 500);
		long id = add("{\"url\": \"" + server.url("/broken.xml") + "\", \"intervalSeconds\": 60}");

		// when: polled twice
		JsonNode first = poll(id);
		JsonNode second = poll(id);

		// then: each failure doubles the wait
		assertThat(first.get("state").asString()).isEqualTo("failing");
		assertThat(first.get("lastError").asString()).contains("HTTP 500");
		assertThat(first.get("consecutiveFailures").asInt()).isEqualTo(1);
		assertThat(wait(first)).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121));
		assertThat(second.get("consecutiveFailures").asInt()).isEqualTo(2);
		assertThat(wait(second)).isBetween(Duration.ofSeconds(230), Duration.ofSeconds(241));
		assertThat(second.get("totals").get("failed").asLong()).isEqualTo(2);

		// when: it works again
		server.serve("/broken.xml", "application/vnd.iptc.g2.newsitem+xml",
				listingOne(LISTING_1_GUID + "-" + marker, "1", "stat:usable"));
		JsonNode mended = poll(id);

		// then: on its interval again
		assertThat(mended.get("state").asString()).isEqualTo("waiting");
		assertThat(mended.get("consecutiveFailures").asInt()).isZero();
		assertThat(wait(mended)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
	}

	@Test
	void oneNodeAtATimePollsAFeedAndALapsedClaimIsTakenOver() {
		long id = add("{\"url\": \"" + server.url("/claimed.rss") + "\"}");
		server.serve("/claimed.rss", "application/rss+xml", FeedServer.rss("Claimed"));

		// when: another node holds the feed
		assertThat(store.claim(id, "other-node", Duration.ofMinutes(5))).isPresent();

		// then: this node cannot poll it, nor claim it as due
		Response busy = admin.post("/api/v1/feeds/" + id + "/poll", "application/json", "");
		assertThat(busy.status()).isEqualTo(409);
		assertThat(busy.contentType()).startsWith("application/problem+json");
		assertThat(busy.json().get("detail").asString()).contains("being polled", "other-node");
		assertThat(admin.get("/api/v1/feeds/" + id).json().get("state").asString()).isEqualTo("polling");
		assertThat(store.claim(id, "third-node", Duration.ofMinutes(5))).isEmpty();
		assertThat(store.claimDue("third-node", Duration.ofMinutes(5)).map(FeedStore.Claimed::id))
			.isNotEqualTo(java.util.Optional.of(id));

		// when: the other node dies and its claim lapses
		store.release(id, "other-node");
		assertThat(store.claim(id, "dying-node", Duration.ofMillis(1))).isPresent();
		sleep(50);

		// then: the feed is free again
		assertThat(poll(id).get("polls").asLong()).isEqualTo(1);
	}

	@Test
	void feedsArePausedResumedAndDeleted() {
		long id = add("{\"url\": \"" + server.url("/paused.rss") + "\"}");

		JsonNode paused = admin.post("/api/v1/feeds/" + id + "/pause", "application/json", "").json();
		assertThat(paused.get("paused").asBoolean()).isTrue();
		assertThat(paused.get("state").asString()).isEqualTo("paused");
		assertThat(store.claimDue("any-node", Duration.ofMinutes(1)).map(FeedStore.Claimed::id))
			.isNotEqualTo(java.util.Optional.of(id));

		JsonNode resumed = admin.post("/api/v1/feeds/" + id + "/resume", "application/json", "").json();
		assertThat(resumed.get("paused").asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/feeds").json().findValuesAsString("url")).contains(server.url("/paused.rss"));

		assertThat(admin.delete("/api/v1/feeds/" + id).status()).isEqualTo(204);
		Response gone = admin.get("/api/v1/feeds/" + id);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().get("detail").asString()).isEqualTo("There is no feed " + id + ".");
	}

	@Test
	void whatCannotBeAFeedIsRefusedNamingWhy() throws IOException {
		assertRefused("{}", "url", "Give the feed's url");
		assertRefused("{\"url\": \"" + server.url("/a") + "\", \"folder\": \"/tmp\"}", "folder", "not both");
		assertRefused("{\"url\": \"ftp://example.org/feed\"}", "url", "only http and https");
		assertRefused("{\"url\": \"http://10.1.2.3/feed.rss\"}", "url", "private address",
				"morgue.intake.allowed-hosts");
		assertRefused("{\"url\": \"feed.rss\"}", "url", "not an absolute");
		assertRefused("{\"url\": \"" + server.url("/a") + "\", \"intervalSeconds\": 5}", "intervalSeconds",
				"between 30 and 86400 seconds");
		assertRefused("{\"folder\": \"relative/drop\"}", "folder", "absolute path");
		assertRefused("{\"folder\": \"" + temporary.resolve("missing") + "\"}", "folder", "There is no folder");
		assertRefused("{\"url\": \"" + server.url("/a") + "\", \"every\": 5}", null, "every");

		// the same address twice
		add("{\"url\": \"" + server.url("/twice-" + marker) + "\"}");
		Response twice = admin.post("/api/v1/feeds", "application/json",
				"{\"url\": \"" + server.url("/twice-" + marker) + "\"}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("detail").asString()).contains("registered already");

		// only administrators
		Response forbidden = editor.post("/api/v1/feeds", "application/json",
				"{\"url\": \"" + server.url("/e") + "\"}");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(editor.get("/api/v1/feeds").status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/feeds/999999999").status()).isEqualTo(404);
	}

	private void assertRefused(String body, String field, String... message) {
		Response response = admin.post("/api/v1/feeds", "application/json", body);
		assertThat(response.status()).as(body + " " + response.text()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains(message);
		if (field != null) {
			assertThat(response.json().get("field").asString()).isEqualTo(field);
		}
	}

	private long add(String body) {
		Response added = admin.post("/api/v1/feeds", "application/json", body);
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		return added.json().get("id").asLong();
	}

	private JsonNode poll(long id) {
		Response polled = admin.post("/api/v1/feeds/" + id + "/poll", "application/json", "");
		assertThat(polled.status()).as(polled.text()).isEqualTo(200);
		return polled.json();
	}

	private long search(String words) {
		return editor.get("/api/v1/articles?q=" + words).json().get("total").asLong();
	}

	private JsonNode article(String words) {
		JsonNode hits = Eventually.until(
				() -> editor.get("/api/v1/articles?q=" + (marker + " " + words).replace(" ", "+")).json(),
				(found) -> found.get("total").asLong() == 1);
		assertThat(hits.get("total").asLong()).as(hits.toString()).isEqualTo(1);
		return editor.get("/api/v1/articles/" + hits.get("hits").get(0).get("id").asLong()).json();
	}

	private static Duration wait(JsonNode feed) {
		return Duration.between(Instant.parse(feed.get("lastPollAt").asString()),
				Instant.parse(feed.get("nextPollAt").asString()));
	}

	private String listingOne(String guid, String version, String status) {
		String listing = WireSamples.text(LISTING_1);
		assertThat(listing).contains(LISTING_1_PLACEHOLDER, "version=\"11\"", "stat:usable");
		return listing.replace(LISTING_1_GUID, guid)
			.replace("version=\"11\"", "version=\"" + version + "\"")
			.replace("stat:usable", status)
			.replace(LISTING_1_PLACEHOLDER,
					"<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content>"
							+ "<p>BERLIN (Reuters) - The Fed will halt its bond buying " + marker + ".</p>"
							+ "</body.content></body></nitf>");
	}

	private String ninjs() {
		String text = WireSamples.text(NINJS);
		assertThat(text).contains("\"uri\" : \"http://ninjs.example.com/newsitems/20130709simp123\"",
				"(AP) -- The trial");
		return text
			.replace("\"uri\" : \"http://ninjs.example.com/newsitems/20130709simp123\"",
					"\"uri\" : \"http://ninjs.example.com/newsitems/" + marker + "\"")
			.replace("(AP) -- The trial", "(AP) -- " + marker + " The trial");
	}

	private static String page(String title, String text) {
		return FeedServer.page(title, text
				+ " Officials said the work had taken longer than planned, and that traffic would return to normal "
				+ "within days.", "Residents welcomed the news, saying the town had waited long enough for it.");
	}

	/** A file that has lain in the folder long enough to be taken. */
	private static Path settled(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
		return file;
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
