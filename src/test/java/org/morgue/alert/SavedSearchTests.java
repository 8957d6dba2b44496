package org.morgue.alert;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.ApiTokenService;
import org.morgue.user.UserService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved searches as a reader meets them over HTTP: saved from the results page or the
 * API, counting the matches that arrive after they were last run, and followed as an Atom
 * feed with an API token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SavedSearchTests {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ApiTokenService tokens;

	HttpApi editor;

	HttpApi reader;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
	}

	@Test
	void newMatchesAreCountedUntilTheSearchIsRunFromItsPage() {
		// given: a story there before the search is saved
		String marker = marker("new");
		long before = save(marker + " before", "Harbour officials " + marker + " counted the ships.");
		Eventually.until(() -> total(marker), total -> total == 1);
		long id = saveSearch(reader, "Harbour " + marker, marker);
		assertThat(newMatches(reader, id)).isZero();

		// when: a matching story arrives
		save(marker + " after", "Later the harbour " + marker + " closed.");

		// then: the list counts it as new, on the API and on the page
		Eventually.until(() -> newMatches(reader, id), count -> count == 1);
		HttpApi page = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		String list = page.get("/searches").text();
		assertThat(list).contains("Harbour " + marker).contains("1 new");

		// when: the reader runs it from the list
		Response run = page.get("/searches/" + id + "/run");

		// then: it leads to the search, and nothing is new any more
		assertThat(run.status()).isEqualTo(302);
		assertThat(run.header("Location")).endsWith("/articles?q=" + marker);
		assertThat(newMatches(reader, id)).isZero();
		assertThat(page.get("/searches").text()).contains("0 new");
		assertThat(before).isPositive();
	}

	@Test
	void aSearchIsSavedFromTheResultsPageWithItsFilters() {
		// given: a search with a source filter on the results page
		String marker = marker("page");
		HttpApi page = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		String results = page.get("/articles?q=" + marker + "&source=AFP&tag=Ships&from=2020").text();
		assertThat(results).contains("Save this search").contains("name=\"tag\" value=\"Ships\"");
		String csrf = page.csrfToken("/articles?q=" + marker);

		// when: it is saved under a name with a markup character
		Response saved = page.post("/searches", "application/x-www-form-urlencoded",
				"name=" + encode("Ships <" + marker + ">") + "&q=" + marker + "&source=AFP&tag=Ships&from=2020&_csrf="
						+ encode(csrf));

		// then: the list has it, escaped, with what it filters on, and the API the same
		// search
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/searches");
		String list = page.get("/searches").text();
		assertThat(list).contains("Ships &lt;" + marker + "&gt;")
			.contains("source: AFP")
			.contains("tag: Ships")
			.doesNotContain("<" + marker);
		JsonNode mine = find(editor, "Ships <" + marker + ">");
		assertThat(mine.get("search").get("q").asString()).isEqualTo(marker);
		assertThat(mine.get("search").get("sources").get(0).asString()).isEqualTo("AFP");
		assertThat(mine.get("search").get("from").asString()).isEqualTo("2020");
		assertThat(mine.get("search").get("tags").get(0).asString()).isEqualTo("Ships");

		// when: renamed, then deleted on the page
		long id = mine.get("id").asLong();
		page.post("/searches/" + id + "/rename", "application/x-www-form-urlencoded",
				"name=" + encode("Renamed " + marker) + "&_csrf=" + encode(csrf));
		assertThat(page.get("/searches").text()).contains("Renamed " + marker);
		page.post("/searches/" + id + "/delete", "application/x-www-form-urlencoded", "_csrf=" + encode(csrf));
		assertThat(page.get("/searches").text()).doesNotContain("Renamed " + marker);

		// and: without a name nothing is saved, and the results page says why
		Response unnamed = page.post("/searches", "application/x-www-form-urlencoded",
				"name=+&q=" + marker + "&_csrf=" + encode(csrf));
		assertThat(unnamed.header("Location")).contains("/articles?q=" + marker);
		assertThat(page.get(unnamed.header("Location").replaceFirst("^https?://[^/]+", "")).text())
			.contains("Give the search a name.");
	}

	@Test
	void theApiSavesListsAndDeletesOnlyTheCallersSearches() {
		// given
		String marker = marker("api");
		long id = saveSearch(editor, "Mine " + marker, marker);

		// then: the reader neither sees nor deletes it
		assertThat(reader.get("/api/v1/saved-searches").json().findValuesAsString("name"))
			.doesNotContain("Mine " + marker);
		assertThat(reader.delete("/api/v1/saved-searches/" + id).status()).isEqualTo(404);

		// and: bad input is refused, naming the field
		Response blank = editor.post("/api/v1/saved-searches", "application/json", "{\"name\": \" \", \"q\": \"x\"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
		assertThat(blank.json().get("field").asString()).isEqualTo("name");
		Response badDate = editor.post("/api/v1/saved-searches", "application/json",
				"{\"name\": \"x\", \"from\": \"someday\"}");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("field").asString()).isEqualTo("from");

		// when / then: the owner deletes it
		assertThat(editor.delete("/api/v1/saved-searches/" + id).status()).isEqualTo(204);
		assertThat(editor.get("/api/v1/saved-searches").json().findValuesAsString("name"))
			.doesNotContain("Mine " + marker);
	}

	@Test
	void theFeedListsTheLatestMatchesForTheOwnersToken() throws Exception {
		// given: two matching stories, one with markup characters in its title, and a
		// saved search
		String marker = marker("feed");
		long plain = save("Plain " + marker, "The ferry " + marker + " sailed.");
		long awkward = save("Ships <& boats> " + marker, "The boats " + marker + " sailed later.");
		Eventually.until(() -> total(marker), total -> total == 2);
		long id = saveSearch(editor, "Feed " + marker, marker);
		String token = tokens.create(TestUsers.EDITOR, "feed " + marker).secret();

		// when: a feed reader fetches it with the token in the address
		Response feed = HttpApi.anonymous(port).get("/feeds/saved-searches/" + id + ".atom?token=" + encode(token));

		// then: valid Atom, newest received first, titles as text, links to the article
		// pages
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document xml = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(feed.text().getBytes(StandardCharsets.UTF_8)));
		Element root = xml.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(child(root, "title")).isEqualTo("Morgue: Feed " + marker);
		assertThat(child(root, "id")).isNotBlank();
		assertThat(child(root, "updated")).isNotBlank();
		NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isEqualTo(2);
		List<String> titles = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			titles.add(child(entry, "title"));
			links.add(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"));
			assertThat(child(entry, "updated")).isNotBlank();
			assertThat(child(entry, "summary")).isNotBlank();
		}
		assertThat(titles).containsExactly("Ships <& boats> " + marker, "Plain " + marker);
		assertThat(links.get(0)).endsWith("/articles/" + awkward);
		assertThat(links.get(1)).endsWith("/articles/" + plain);
		assertThat(feed.text()).contains("Ships &lt;&amp; boats&gt;");

		// and: the bearer header works too, and reading the feed does not mark the search
		// seen
		save("Third " + marker, "A third boat " + marker + " sailed.");
		Eventually.until(() -> newMatches(editor, id), count -> count == 1);
		assertThat(HttpApi.withToken(port, token).get("/feeds/saved-searches/" + id + ".atom").status()).isEqualTo(200);
		assertThat(newMatches(editor, id)).isEqualTo(1);

		// and: no token or a wrong one is 401, another user's token 404
		assertThat(HttpApi.anonymous(port).get("/feeds/saved-searches/" + id + ".atom").status()).isEqualTo(401);
		assertThat(HttpApi.anonymous(port).get("/feeds/saved-searches/" + id + ".atom?token=mrg_nonsense").status())
			.isEqualTo(401);
		String readerToken = tokens.create(TestUsers.READER, "feed " + marker).secret();
		assertThat(HttpApi.anonymous(port)
			.get("/feeds/saved-searches/" + id + ".atom?token=" + encode(readerToken))
			.status()).isEqualTo(404);
	}

	private long save(String title, String body) {
		Response response = editor.post("/api/v1/articles", "application/json",
				"{\"title\": " + quote(title) + ", \"body\": " + quote(body) + ", \"source\": \"AFP\"}");
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private long saveSearch(HttpApi api, String name, String q) {
		Response response = api.post("/api/v1/saved-searches", "application/json",
				"{\"name\": " + quote(name) + ", \"q\": " + quote(q) + "}");
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private long newMatches(HttpApi api, long id) {
		for (JsonNode search : api.get("/api/v1/saved-searches").json()) {
			if (search.get("id").asLong() == id) {
				return search.get("newMatches").asLong();
			}
		}
		throw new AssertionError("saved search " + id + " not listed");
	}

	private JsonNode find(HttpApi api, String name) {
		for (JsonNode search : api.get("/api/v1/saved-searches").json()) {
			if (search.get("name").asString().equals(name)) {
				return search;
			}
		}
		throw new AssertionError("no saved search " + name);
	}

	private long total(String q) {
		return reader.get("/api/v1/articles?q=" + encode(q)).json().get("total").asLong();
	}

	private static String child(Element parent, String name) {
		return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String marker(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
