package org.morgue.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Wire documents through {@code POST /api/v1/articles}, by their media type: IPTC's own
 * samples (NewsML-G2 with NITF inside, NITF, ninjs 1.6 and 2.2) become articles with
 * their story's id and version, versions after the first update the same article, a kill
 * and an embargo keep it from readers, and every document the archive cannot take is
 * refused with a problem naming what is wrong and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApiTests {

	private static final String G2 = "application/vnd.iptc.g2.newsitem+xml";

	private static final String NINJS = "application/ninjs+json";

	private static final String LISTING_1 = "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml";

	private static final String LISTING_1_GUID = "urn:newsml:acmenews.com:20161018:US-FINANCE-FED";

	private static final String LISTING_1_PLACEHOLDER = "<!--   Inline XML must contain well-formed XML such as NITF or XHTML       -->";

	private static final String LISTING_25 = "newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	HttpApi reader;

	String marker;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
		marker = "wire" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void aNewsMlG2ItemIsAStoryWhoseLaterVersionsUpdateTheSameArticle() {
		// when: IPTC's listing 1, its inline XML holding a story
		Response first = editor.post("/api/v1/articles", G2, listingOne("11", "stat:usable", "The Fed will halt"));

		// then: its metadata from the item, its story from the guid
		assertThat(first.status()).isEqualTo(201);
		JsonNode article = first.json();
		long id = article.get("id").asLong();
		assertThat(article.get("title").asString()).isEqualTo("Fed to halt QE to avert \"bubble\"");
		assertThat(article.get("byline").asString()).isEqualTo("Meredith Jameson");
		// the archive spells a source as it already has it
		assertThat(article.get("source").asString()).isEqualToIgnoringCase("REUTERS");
		assertThat(article.get("dateline").get("place").asString()).isEqualTo("Berlin");
		assertThat(article.get("language").asString()).isEqualTo("en-GB");
		assertThat(article.get("publishedAt").asString()).isEqualTo("2016-10-18T16:12:00Z");
		assertThat(article.get("paragraphs")).hasSize(3);
		assertThat(article.get("paragraphs").get(1).get("subhead").asBoolean()).isTrue();
		assertThat(article.get("story").get("guid").asString()).isEqualTo(guid());
		assertThat(article.get("story").get("version").asString()).isEqualTo("11");
		assertThat(article.get("story").get("status").asString()).isEqualTo("USABLE");
		assertThat(editor.get("/api/v1/articles/" + id + "/raw").text()).contains("<newsItem");

		// when: the same version again, a newer one, then an older one arriving late
		Response again = editor.post("/api/v1/articles", G2, listingOne("11", "stat:usable", "The Fed will halt"));
		Response newer = editor.post("/api/v1/articles", G2, listingOne("12", "stat:usable", "The Fed has halted"));
		Response older = editor.post("/api/v1/articles", G2, listingOne("10", "stat:usable", "The Fed may halt"));

		// then: one article, showing version 12, with three versions listed
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("alreadyExisted").asBoolean()).isTrue();
		assertThat(newer.status()).isEqualTo(200);
		assertThat(older.status()).isEqualTo(200);
		assertThat(newer.json().get("id").asLong()).isEqualTo(id);
		assertThat(older.json().get("id").asLong()).isEqualTo(id);
		JsonNode now = reader.get("/api/v1/articles/" + id).json();
		assertThat(now.get("body").asString()).contains("The Fed has halted").doesNotContain("may halt");
		assertThat(now.get("story").get("version").asString()).isEqualTo("12");
		assertThat(now.get("story").get("versions").asInt()).isEqualTo(3);
		assertThat(reader.get("/api/v1/articles/" + id + "/versions").json().get("versions")).hasSize(3);
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json().get("total").asLong(),
				total -> total == 1);

		// when: a kill
		Response kill = editor.post("/api/v1/articles", G2, listingOne("13", "stat:canceled", "The Fed has halted"));

		// then: gone for readers, kept and marked for editors
		assertThat(kill.status()).isEqualTo(200);
		assertThat(reader.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		JsonNode killed = editor.get("/api/v1/articles/" + id).json();
		assertThat(killed.get("visibility").asString()).isEqualTo("WITHDRAWN");
		assertThat(killed.get("story").get("status").asString()).isEqualTo("CANCELED");
		assertThat(killed.get("body").asString()).contains("The Fed has halted");
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker).json().get("total").asLong(),
				total -> total == 0);
		assertThat(editor.get("/api/v1/articles?q=" + marker).json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void anEmbargoedItemIsHeldFromReadersUntilItsTime() {
		// given: the item embargoed until tomorrow
		String embargo = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		String item = listingOne("1", "stat:usable", "The Fed will halt")
			.replace("<embargoed>2018-10-23T12:00:00Z</embargoed>", "<embargoed>" + embargo + "</embargoed>");

		// when
		Response created = editor.post("/api/v1/articles", G2, item);

		// then
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("embargoedUntil").asString()).isEqualTo(embargo);
		assertThat(reader.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(editor.get("/api/v1/articles/" + id).status()).isEqualTo(200);
	}

	@Test
	void aNewsMessageOfSeveralItemsAnswersWhatBecameOfEach() {
		// given: two items with IPTC's listing 25 inside, one of them twice
		String message = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header/><itemSet>"
				+ diamondbacks(marker + "-a") + diamondbacks(marker + "-b") + "</itemSet></newsMessage>";

		// when
		Response response = editor.post("/api/v1/articles", "application/vnd.iptc.g2.newsmessage+xml", message);
		Response again = editor.post("/api/v1/articles", "application/xml", message);

		// then
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("created").asLong()).isEqualTo(2);
		assertThat(response.json().get("items")).hasSize(2);
		assertThat(response.json().get("items").get(0).get("guid").asString())
			.isEqualTo("urn:example:" + marker + "-a");
		assertThat(response.json().get("items").get(0).get("title").asString()).startsWith("Arizona Diamondbacks");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("duplicates").asLong()).isEqualTo(2);
		assertThat(again.json().get("items").get(1).get("id").asLong())
			.isEqualTo(response.json().get("items").get(1).get("id").asLong());
	}

	@Test
	void nitfIsAStoryByItsDocId() {
		// given
		String nitf = "<nitf><head><title>Budget passes</title><docdata><doc-id id-string=\"" + marker
				+ "\"/><du-key key=\"budget-" + marker + "\" generation=\"2\"/>"
				+ "<date.issue norm=\"20260301T101500Z\"/></docdata></head><body><body.head><hedline><hl1>Budget passes "
				+ marker + "</hl1></hedline><byline>By Jane Roe</byline><dateline><location><city>OSLO</city>"
				+ "</location></dateline></body.head><body.content><p>The budget passed " + marker
				+ ".</p><hl2>What changes</hl2><p>Taxes rise.</p></body.content></body></nitf>";

		// when
		Response response = editor.post("/api/v1/articles", "application/nitf+xml", nitf);

		// then
		assertThat(response.status()).isEqualTo(201);
		JsonNode article = response.json();
		assertThat(article.get("title").asString()).isEqualTo("Budget passes " + marker);
		assertThat(article.get("byline").asString()).isEqualTo("Jane Roe");
		assertThat(article.get("story").get("guid").asString()).isEqualTo("budget-" + marker);
		assertThat(article.get("story").get("version").asString()).isEqualTo("2");
		assertThat(article.get("paragraphs")).hasSize(3);
	}

	@Test
	void ninjsOfVersionsOneAndTwoReadTheDatelineAtTheHeadOfTheBody() {
		// when: IPTC's simple text article in ninjs 1.6, and in 2.2 as another story
		Response one = editor.post("/api/v1/articles", NINJS, ninjs("ninjs/1.6_004_simple_text_article.json", "one"));
		Response two = editor.post("/api/v1/articles", NINJS + "; charset=UTF-8",
				ninjs("ninjs/2.2_004_simple_text_article.json", "two"));

		// then
		for (Response response : new Response[] { one, two }) {
			assertThat(response.status()).isEqualTo(201);
			JsonNode article = response.json();
			assertThat(article.get("title").asString()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
			assertThat(article.get("byline").asString()).isEqualTo("Paulo Santalucia and Frances d'Emilio");
			assertThat(article.get("dateline").get("placeDisplay").asString()).isEqualTo("Grosseto, Italy");
			assertThat(article.get("source").asString()).isEqualTo("AP");
			assertThat(article.get("body").asString()).startsWith(marker + " ")
				.contains(" The trial")
				.doesNotContain("GROSSETO");
			assertThat(article.get("story").get("guid").asString()).endsWith(marker);
		}
	}

	@Test
	void aDocumentTheArchiveCannotTakeIsRefusedNamingWhatIsWrongAndNothingIsStored() {
		assertRefused(G2, "<newsItem guid=\"x\"><itemMeta>" + marker, "not well-formed", "line 1");
		assertRefused("application/xml", "<catalog><item>" + marker + "</item></catalog>", "not a news item",
				"<catalog>");
		assertRefused(G2, WireSamples.text(LISTING_1).replace(LISTING_1_GUID, guid()), "no story text");
		assertRefused(NINJS, "{\"standard\": {\"version\": \"4.0\"}, \"uri\": \"" + marker
				+ "\", \"body_text\": \"Some text " + marker + "\"}", "ninjs version 4");
		assertRefused(NINJS, "{\"uri\": \"" + marker + "\", \"body_text\": ", "not well-formed");
		assertRefused(G2,
				"<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:example:" + marker
						+ "\" version=\"2\"><itemMeta><pubStatus qcode=\"stat:canceled\"/></itemMeta></newsItem>",
				"cancels the story", "does not hold");

		Response unknown = editor.post("/api/v1/articles", "application/pdf", "%PDF-1.4 " + marker);
		assertThat(unknown.status()).isEqualTo(415);
		assertThat(unknown.contentType()).startsWith("application/problem+json");

		assertThat(editor.get("/api/v1/articles?q=" + marker).json().get("total").asLong()).isZero();
	}

	@Test
	void readersMayNotSendDocuments() {
		Response response = reader.post("/api/v1/articles", G2, listingOne("1", "stat:usable", "The Fed will halt"));

		assertThat(response.status()).isEqualTo(403);
	}

	private void assertRefused(String mediaType, String document, String... message) {
		Response response = editor.post("/api/v1/articles", mediaType, document);
		assertThat(response.status()).as(document).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains(message);
	}

	private String guid() {
		return LISTING_1_GUID + "-" + marker;
	}

	/** IPTC's listing 1 as a story of this test's own, at a version and status. */
	private String listingOne(String version, String status, String lead) {
		String listing = WireSamples.text(LISTING_1);
		assertThat(listing).contains(LISTING_1_PLACEHOLDER, "version=\"11\"", "stat:usable");
		return listing.replace(LISTING_1_GUID, guid())
			.replace("version=\"11\"", "version=\"" + version + "\"")
			.replace("stat:usable", status)
			.replace(LISTING_1_PLACEHOLDER,
					"<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content>"
							+ "<p>BERLIN (Reuters) - " + lead + " its bond buying " + marker + ".</p>"
							+ "<hl2>Markets</hl2><p>Shares rose.</p></body.content></body></nitf>");
	}

	/** IPTC's listing 25 in an item of its own. */
	private static String diamondbacks(String id) {
		return "<newsItem guid=\"urn:example:" + id + "\" version=\"1\">"
				+ "<itemMeta><pubStatus qcode=\"stat:usable\"/></itemMeta>"
				+ WireSamples.text(LISTING_25).replace("clash of the Titans", "clash of the Titans " + id)
				+ "</newsItem>";
	}

	/** A ninjs sample as a story of this test's own. */
	private String ninjs(String sample, String which) {
		String text = WireSamples.text(sample);
		assertThat(text).contains("\"uri\" : \"http://ninjs.example.com/newsitems/20130709simp123\"",
				"(AP) -- The trial");
		return text
			.replace("\"uri\" : \"http://ninjs.example.com/newsitems/20130709simp123\"",
					"\"uri\" : \"http://ninjs.example.com/newsitems/" + which + "-" + marker + "\"")
			.replace("(AP) -- The trial", "(AP) -- " + marker + " " + which + " The trial");
	}

}
