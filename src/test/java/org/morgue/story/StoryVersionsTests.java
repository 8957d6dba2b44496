package org.morgue.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.article.NewArticle;
import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.IngestService;
import org.morgue.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One story, many versions: the first version is the article, a newer one replaces its
 * text as a correction does (a note on a passage it keeps stays on it), an older one
 * arriving late is only listed, the same one again changes nothing; a kill, a hold and an
 * embargo keep the story from readers and not from editors, in the article's page, its
 * JSON and the search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoryVersionsTests {

	private static final String LD_JSON = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

	@LocalServerPort
	int port;

	@Autowired
	StoryService stories;

	@Autowired
	IngestService ingest;

	@Autowired
	UserService users;

	HttpApi editor;

	HttpApi reader;

	String marker;

	String guid;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		marker = "story" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		guid = "urn:newsml:example.org:20260301:" + marker;
	}

	@Test
	void aNewerVersionReplacesTheTextAndAnOlderOneArrivingLateIsOnlyListed() {
		// given: the first version, with a note on a passage the later versions keep
		StoryReceipt first = receive("1", StoryStatus.USABLE, null, "Harbour closes " + marker,
				"The harbour closed on Monday after the storm " + marker + ".\n\nFishermen stayed at home.");
		assertThat(first.outcome()).isEqualTo(StoryReceipt.Outcome.CREATED);
		long id = first.article().id();
		Response note = editor.post("/api/v1/articles/" + id + "/annotations", LD_JSON, """
				{"type": "Annotation", "body": {"type": "TextualBody", "value": "Check with the port."},
				 "target": {"selector": {"type": "TextQuoteSelector", "exact": "Fishermen stayed at home"}}}""");
		assertThat(note.status()).isEqualTo(201);

		// when: the same version again, then version 3, then version 2 late
		StoryReceipt again = receive("1", StoryStatus.USABLE, null, "Harbour closes " + marker,
				"The harbour closed on Monday after the storm " + marker + ".\n\nFishermen stayed at home.");
		StoryReceipt third = receive("3", StoryStatus.USABLE, null, "Harbour reopens " + marker,
				"The harbour reopened on Wednesday " + marker
						+ ", two days after the storm.\n\nFishermen stayed at home.");
		StoryReceipt second = receive("2", StoryStatus.USABLE, null, "Harbour still closed " + marker,
				"The harbour stayed closed on Tuesday " + marker + ".\n\nFishermen stayed at home.");

		// then: one article, with the third version's text and title
		assertThat(again.outcome()).isEqualTo(StoryReceipt.Outcome.DUPLICATE);
		assertThat(third.outcome()).isEqualTo(StoryReceipt.Outcome.UPDATED);
		assertThat(second.outcome()).isEqualTo(StoryReceipt.Outcome.OLDER);
		assertThat(List.of(again.article().id(), third.article().id(), second.article().id())).containsOnly(id);
		JsonNode article = reader.get("/api/v1/articles/" + id).json();
		assertThat(article.get("title").asString()).isEqualTo("Harbour reopens " + marker);
		assertThat(article.get("body").asString()).contains("reopened on Wednesday").doesNotContain("Tuesday");
		assertThat(article.get("story").get("guid").asString()).isEqualTo(guid);
		assertThat(article.get("story").get("version").asString()).isEqualTo("3");
		assertThat(article.get("story").get("versions").asInt()).isEqualTo(3);
		assertThat(article.get("visibility").asString()).isEqualTo("VISIBLE");

		// and: every version is listed as it arrived, the late one not applied
		JsonNode versions = reader.get("/api/v1/articles/" + id + "/versions").json().get("versions");
		List<String> listed = new ArrayList<>();
		versions.forEach(version -> listed.add(version.get("version").get("version").asString() + ":"
				+ version.get("version").get("applied").asBoolean() + ":"
				+ version.get("version").get("current").asBoolean()));
		assertThat(listed).containsExactly("1:true:false", "3:true:true", "2:false:false");
		String lateText = reader.get(versions.get(2).get("href").asString()).json().get("body").asString();
		assertThat(lateText).contains("stayed closed on Tuesday");

		// and: the note kept its passage, the search finds the story once by its new
		// words, and the
		// history has the correction
		JsonNode annotations = reader.get("/api/v1/articles/" + id + "/annotations").json();
		assertThat(annotations.get("first").get("items").get(0).has("orphaned")).isFalse();
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker + "+Wednesday").json().get("total").asLong(),
				total -> total == 1);
		assertThat(reader.get("/api/v1/articles?q=" + marker).json().get("total").asLong()).isEqualTo(1);
		assertThat(reader.get("/api/v1/articles?q=" + marker + "+Tuesday").json().get("total").asLong()).isZero();
		assertThat(reader.get("/api/v1/articles/" + id + "/history").json().findValuesAsString("kind"))
			.contains("article.text", "story.version");

		// and: the article page links to its versions, whose page shows what the newest
		// changed
		HttpApi page = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		assertThat(page.get("/articles/" + id).text()).contains("Versions (3)");
		String changes = page.get("/articles/" + id + "/versions").text();
		assertThat(changes).contains("From version 1 to version 3")
			.contains("<del class=\"cut\"><p>The harbour closed on Monday after the storm " + marker + ".</p></del>")
			.contains("<ins class=\"added\"><p>The harbour reopened on Wednesday " + marker)
			.contains("<p class=\"kept\">Fishermen stayed at home.</p>")
			.contains("arrived late");
	}

	@Test
	void aKillWithdrawsTheStoryFromReadersAndKeepsItMarkedForEditors() {
		// given
		long id = receive("1", StoryStatus.USABLE, null, "Minister resigns " + marker,
				"The minister resigned on Friday " + marker + ".")
			.article()
			.id();
		Eventually.until(() -> total(reader, marker), total -> total == 1);

		// when: the provider kills it
		StoryReceipt kill = receive("2", StoryStatus.CANCELED, null, "KILL " + marker,
				"This story has been withdrawn " + marker + ".");

		// then: readers neither find nor read it, editors do, marked, with the text it
		// had
		assertThat(kill.outcome()).isEqualTo(StoryReceipt.Outcome.UPDATED);
		Eventually.until(() -> total(reader, marker), total -> total == 0);
		assertThat(reader.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(reader.get("/api/v1/articles/" + id + "/raw").status()).isEqualTo(404);
		assertThat(total(editor, marker)).isEqualTo(1);
		JsonNode seen = editor.get("/api/v1/articles/" + id).json();
		assertThat(seen.get("visibility").asString()).isEqualTo("WITHDRAWN");
		assertThat(seen.get("story").get("status").asString()).isEqualTo("CANCELED");
		assertThat(seen.get("body").asString()).contains("resigned on Friday");
		assertThat(HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD).get("/articles/" + id).text())
			.contains("Withdrawn by its provider (killed): readers do not see it.");
		assertThat(HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD).get("/articles/" + id).status())
			.isEqualTo(404);

		// and: a usable version later brings it back
		receive("3", StoryStatus.USABLE, null, "Minister stays " + marker, "The minister stayed on " + marker + ".");
		Eventually.until(() -> total(reader, marker), total -> total == 1);
		assertThat(reader.get("/api/v1/articles/" + id).json().get("title").asString())
			.isEqualTo("Minister stays " + marker);
	}

	@Test
	void anEmbargoedOrWithheldStoryIsHeldFromReadersUntilItsTime() {
		// given: a story under embargo for an hour, one whose embargo is over, one
		// withheld
		long embargoed = receive("1", StoryStatus.USABLE, Instant.now().plus(Duration.ofHours(1)), "Budget " + marker,
				"The budget will be announced " + marker + ".")
			.article()
			.id();
		guid = guid + "-past";
		long lifted = receive("1", StoryStatus.USABLE, Instant.now().minusSeconds(60), "Earlier budget " + marker,
				"An earlier budget was announced " + marker + ".")
			.article()
			.id();
		guid = guid + "-held";
		long withheld = receive("1", StoryStatus.WITHHELD, null, "Held " + marker, "A held story " + marker + ".")
			.article()
			.id();

		// then
		Eventually.until(() -> total(editor, marker), total -> total == 3);
		assertThat(total(reader, marker)).isEqualTo(1);
		assertThat(reader.get("/api/v1/articles/" + embargoed).status()).isEqualTo(404);
		assertThat(reader.get("/api/v1/articles/" + withheld).status()).isEqualTo(404);
		assertThat(reader.get("/api/v1/articles/" + lifted).status()).isEqualTo(200);
		assertThat(editor.get("/api/v1/articles/" + embargoed).json().get("embargoedUntil").isNull()).isFalse();
		assertThat(editor.get("/api/v1/articles/" + withheld).json().get("visibility").asString())
			.isEqualTo("WITHHELD");
	}

	private long total(HttpApi api, String q) {
		return api.get("/api/v1/articles?q=" + q).json().get("total").asLong();
	}

	private StoryReceipt receive(String version, StoryStatus status, Instant embargo, String title, String body) {
		NewArticle article = ingest.prepareFields(
				new ArticleInput(title, body, null, "Example Wire", null, "2026-03-01", null, "en"),
				"<newsItem guid=\"" + guid + "\" version=\"" + version + "\"/>");
		return stories.receive(
				new IncomingVersion(guid, version, null, status, embargo, "NewsML-G2", List.of("sig:update"), article));
	}

}
