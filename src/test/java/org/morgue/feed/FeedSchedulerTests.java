package org.morgue.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.Eventually;
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
 * Feeds polled on their schedule, unattended: a drop folder's files are taken as they
 * arrive, and a poll that outlasts its claim's lease keeps the claim, so no other node
 * polls the feed meanwhile. The schedule runs fast here (a tick of 200 ms, a lease of 1
 * s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "morgue.test.feeds-on-schedule=true", "morgue.feeds.tick=200ms", "morgue.feeds.min-interval=1s",
				"morgue.feeds.folder-settle=0s", "morgue.feeds.lease=1s" })
class FeedSchedulerTests {

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
		marker = "sched" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		server = new FeedServer();
	}

	@AfterEach
	void tearDown() {
		server.close();
	}

	@Test
	void aDropFolderIsWatchedAndEachFileTakenAsItArrives() throws IOException {
		// given: a folder feed polled every second
		Path folder = Files.createDirectory(temporary.resolve("drop"));
		long id = add("{\"folder\": \"" + folder + "\", \"source\": \"Agency\", \"intervalSeconds\": 1}");

		// when: an agency drops a story, then another
		Files.writeString(folder.resolve("first.json"), ninjs("first"), StandardCharsets.UTF_8);
		Eventually.until(() -> Files.exists(folder.resolve("done").resolve("first.json")), (done) -> done);
		Files.writeString(folder.resolve("second.json"), ninjs("second"), StandardCharsets.UTF_8);

		// then: each is taken, without anyone asking
		Eventually.until(() -> Files.exists(folder.resolve("done").resolve("second.json")), (done) -> done);
		assertThat(Eventually.until(() -> editor.get("/api/v1/articles?q=" + marker).json().get("total").asLong(),
				(n) -> n == 2))
			.isEqualTo(2);
		JsonNode feed = admin.get("/api/v1/feeds/" + id).json();
		assertThat(feed.get("totals").get("created").asLong()).isEqualTo(2);
		assertThat(feed.get("polls").asLong()).isGreaterThanOrEqualTo(2);
		admin.delete("/api/v1/feeds/" + id);
	}

	@Test
	void aPollLongerThanTheLeaseKeepsItsClaim() {
		// given: an address that takes three seconds to answer, three leases
		server
			.serveSlowly("/slow.rss", "application/rss+xml",
					FeedServer.rss("Slow", new String[] { "urn:slow:" + marker, "Slow news " + marker,
							server.url("/slow"), "<p>The slow news " + marker + " arrived at last on Thursday.</p>" }),
					3000);
		long id = add("{\"url\": \"" + server.url("/slow.rss") + "\", \"intervalSeconds\": 3600}");

		// when: the schedule polls it at once, and another node tries to claim it midway
		Eventually.until(() -> server.requests.stream().anyMatch((request) -> request.startsWith("/slow.rss")),
				(asked) -> asked);
		sleep(1800);
		boolean stolen = store.claim(id, "other-node", Duration.ofMinutes(1)).isPresent();
		Response busy = admin.post("/api/v1/feeds/" + id + "/poll", "application/json", "");

		// then: the claim was renewed past its first lease; the poll finished and counted
		assertThat(stolen).isFalse();
		assertThat(busy.status()).isEqualTo(409);
		JsonNode polled = Eventually.until(() -> admin.get("/api/v1/feeds/" + id).json(),
				(feed) -> feed.get("polls").asLong() == 1);
		assertThat(polled.get("totals").get("created").asLong()).isEqualTo(1);
		assertThat(polled.get("pollingBy").isNull()).isTrue();
		assertThat(polled.get("state").asString()).isEqualTo("waiting");
		admin.delete("/api/v1/feeds/" + id);
	}

	private long add(String body) {
		Response added = admin.post("/api/v1/feeds", "application/json", body);
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		return added.json().get("id").asLong();
	}

	private String ninjs(String which) {
		return "{\"uri\": \"urn:agency:" + which + "-" + marker + "\", \"version\": \"1\", \"headline\": \"" + which
				+ " story " + marker + "\", \"body_text\": \"OSLO (Agency) -- The " + which + " story " + marker
				+ " came in through the drop folder.\", \"language\": \"en\"}";
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
