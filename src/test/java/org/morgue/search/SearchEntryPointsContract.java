package org.morgue.search;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.ApiTokenService;
import org.morgue.user.UserService;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a search reaches the archive honours every filter: the API's search, its
 * export and its tagging of all results, the search page, the page's "tag all results"
 * and "save this search" forms, saved searches made through the API, their feeds and
 * running them from their list. Each entry point runs the same searches over four stories
 * and must find exactly the stories each filter allows, in the order asked where it keeps
 * one.
 * <p>
 * A contract every search backend keeps: a subclass per backend chooses it with
 * {@code morgue.search.backend}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchEntryPointsContract {

	/** The first analysis in a JVM waits for the tagger's models to load. */
	private static final Duration ANALYSIS = Duration.ofSeconds(90);

	private static final Pattern HEADLINE = Pattern.compile("class=\"headline\" href=\"/articles/(\\d+)\"");

	private static final Pattern ARTICLE_LINK = Pattern.compile("/articles/(\\d+)$");

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ApiTokenService tokens;

	private final String marker = "entry" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final String alpha = "Alpha " + marker;

	private final String beta = "Beta " + marker;

	private final String tag = "filtered " + marker;

	private HttpApi editor;

	private HttpApi page;

	private String token;

	/** The stories, oldest first. */
	private long harbourAlpha;

	private long harbourAlphaTagged;

	private long airportBetaTagged;

	private long airportBeta;

	@BeforeAll
	void fourStories() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		page = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		token = tokens.create(TestUsers.EDITOR, "entry points " + marker).secret();
		harbourAlpha = story(alpha, "2021-03-10", "German Chancellor Angela Merkel visited the harbour");
		harbourAlphaTagged = story(alpha, "2021-07-01", "French President Emmanuel Macron visited the harbour");
		airportBetaTagged = story(beta, "2022-02-15", "German Chancellor Angela Merkel opened the airport");
		airportBeta = story(beta, "2022-09-20", "French President Emmanuel Macron opened the airport");
		for (long id : List.of(harbourAlphaTagged, airportBetaTagged)) {
			assertThat(editor.put("/api/v1/articles/" + id + "/tags/" + encode(tag).replace("+", "%20")).status())
				.isEqualTo(200);
		}
		// Searchable with their names and tags.
		Eventually.until(() -> apiSearch(List.of("q", marker, "entity", "Angela Merkel")), ids -> ids.size() == 2,
				ANALYSIS);
		Eventually.until(() -> apiSearch(List.of("q", marker, "tag", tag)), ids -> ids.size() == 2);
	}

	/** A search as parameters, and the stories it must find. */
	private record Case(String name, List<String> parameters, List<Long> expected) {
	}

	private List<Case> cases() {
		return List.of(
				new Case("the query alone", List.of("q", marker),
						List.of(harbourAlpha, harbourAlphaTagged, airportBetaTagged, airportBeta)),
				new Case("more words", List.of("q", marker + " harbour"), List.of(harbourAlpha, harbourAlphaTagged)),
				new Case("a source", List.of("q", marker, "source", alpha), List.of(harbourAlpha, harbourAlphaTagged)),
				new Case("two sources", List.of("q", marker, "source", alpha, "source", beta),
						List.of(harbourAlpha, harbourAlphaTagged, airportBetaTagged, airportBeta)),
				new Case("an entity", List.of("q", marker, "entity", "Angela Merkel"),
						List.of(harbourAlpha, airportBetaTagged)),
				new Case("a tag, in another case", List.of("q", marker, "tag", tag.toUpperCase()),
						List.of(harbourAlphaTagged, airportBetaTagged)),
				new Case("a start date", List.of("q", marker, "from", "2021-06"),
						List.of(harbourAlphaTagged, airportBetaTagged, airportBeta)),
				new Case("an end date", List.of("q", marker, "to", "2021"), List.of(harbourAlpha, harbourAlphaTagged)),
				new Case("a date range", List.of("q", marker, "from", "2021-05", "to", "2022-03-01"),
						List.of(harbourAlphaTagged, airportBetaTagged)),
				new Case("every kind at once",
						List.of("q", marker + " airport", "source", beta, "entity", "Angela Merkel", "tag", tag, "from",
								"2022", "to", "2022-12-31"),
						List.of(airportBetaTagged)),
				new Case("oldest first", List.of("q", marker, "sort", "oldest"),
						List.of(harbourAlpha, harbourAlphaTagged, airportBetaTagged, airportBeta)),
				new Case("newest first", List.of("q", marker, "sort", "newest"),
						List.of(airportBeta, airportBetaTagged, harbourAlphaTagged, harbourAlpha)));
	}

	/**
	 * Where a search comes in, and whether what it gives back keeps the order asked for.
	 */
	enum EntryPoint {

		API_SEARCH(true), API_EXPORT(true), API_TAG_ALL(false), SEARCH_PAGE(true), PAGE_TAG_ALL(false),
		API_SAVED_SEARCH_FEED(false), PAGE_SAVED_SEARCH_FEED(false), SAVED_SEARCH_RUN(true);

		final boolean ordered;

		EntryPoint(boolean ordered) {
			this.ordered = ordered;
		}

	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(EntryPoint.class)
	void everyEntryPointHonoursEveryFilter(EntryPoint entry) {
		for (Case search : cases()) {
			// when
			List<Long> found = run(entry, search);

			// then
			if (entry.ordered && search.parameters().contains("sort")) {
				assertThat(found).as("%s with %s", entry, search.name()).containsExactlyElementsOf(search.expected());
			}
			else {
				assertThat(found).as("%s with %s", entry, search.name())
					.containsExactlyInAnyOrderElementsOf(search.expected());
			}
		}
	}

	@Test
	void theApiDescribesTheSameParametersWhereverItTakesASearch() {
		JsonNode paths = editor.get("/v3/api-docs").json().get("paths");
		List<JsonNode> operations = List.of(paths.get("/api/v1/articles").get("get"),
				paths.get("/api/v1/articles/export").get("get"), paths.get("/api/v1/tags/{name}/articles").get("post"));
		for (JsonNode operation : operations) {
			List<String> query = new ArrayList<>();
			operation.get("parameters").forEach(parameter -> {
				if (parameter.get("in").asString().equals("query")) {
					query.add(parameter.get("name").asString());
				}
			});
			assertThat(query).as(operation.get("summary").asString())
				.contains("q", "source", "entity", "tag", "from", "to", "sort")
				.doesNotContain("sources", "entities", "tags", "criteria");
		}
	}

	private List<Long> run(EntryPoint entry, Case search) {
		List<String> parameters = search.parameters();
		return switch (entry) {
			case API_SEARCH -> apiSearch(parameters);
			case API_EXPORT -> export(parameters);
			case API_TAG_ALL -> {
				String fresh = fresh(search);
				Response tagged = editor.post("/api/v1/tags/" + path(fresh) + "/articles?" + query(parameters),
						"application/x-www-form-urlencoded", "");
				assertThat(tagged.status()).isEqualTo(200);
				yield tagged(fresh);
			}
			case SEARCH_PAGE -> searchPage("/articles?" + query(parameters));
			case PAGE_TAG_ALL -> {
				String fresh = fresh(search);
				Response tagged = page.post("/articles/tag-results", "application/x-www-form-urlencoded", "name="
						+ encode(fresh) + "&" + query(parameters) + "&_csrf=" + encode(page.csrfToken("/articles")));
				assertThat(tagged.status()).isEqualTo(302);
				yield tagged(fresh);
			}
			case API_SAVED_SEARCH_FEED -> feed(saveThroughApi(search));
			case PAGE_SAVED_SEARCH_FEED -> feed(saveThroughPage(search));
			case SAVED_SEARCH_RUN -> {
				Response run = page.get("/searches/" + saveThroughPage(search) + "/run");
				assertThat(run.status()).isEqualTo(302);
				yield searchPage(run.header("Location").replaceFirst("^https?://[^/]+", ""));
			}
		};
	}

	private List<Long> apiSearch(List<String> parameters) {
		Response response = editor.get("/api/v1/articles?size=100&" + query(parameters));
		assertThat(response.status()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().get("hits").forEach(hit -> ids.add(hit.get("id").asLong()));
		return ids;
	}

	private List<Long> export(List<String> parameters) {
		Response response = editor.get("/api/v1/articles/export?format=ndjson&" + query(parameters));
		assertThat(response.status()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		for (String line : response.text().split("\n")) {
			if (!line.isBlank()) {
				ids.add(tools.jackson.databind.json.JsonMapper.shared().readTree(line).get("id").asLong());
			}
		}
		return ids;
	}

	private List<Long> searchPage(String address) {
		Response response = page.get(address);
		assertThat(response.status()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		Matcher headline = HEADLINE.matcher(response.text());
		while (headline.find()) {
			ids.add(Long.parseLong(headline.group(1)));
		}
		return ids;
	}

	/** The articles with a tag, from the tag's own list (not the index). */
	private List<Long> tagged(String name) {
		Response response = editor.get("/api/v1/tags/" + path(name) + "/articles?size=200");
		if (response.status() == 404) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		response.json().forEach(article -> ids.add(article.get("id").asLong()));
		return ids;
	}

	private long saveThroughApi(Case search) {
		Response saved = editor.post("/api/v1/saved-searches", "application/json",
				json(fresh(search), search.parameters()));
		assertThat(saved.status()).isEqualTo(201);
		return saved.json().get("id").asLong();
	}

	private long saveThroughPage(Case search) {
		String name = fresh(search);
		Response saved = page.post("/searches", "application/x-www-form-urlencoded", "name=" + encode(name) + "&"
				+ query(search.parameters()) + "&_csrf=" + encode(page.csrfToken("/articles")));
		assertThat(saved.status()).isEqualTo(302);
		for (JsonNode mine : editor.get("/api/v1/saved-searches").json()) {
			if (mine.get("name").asString().equals(name)) {
				return mine.get("id").asLong();
			}
		}
		throw new AssertionError("the page did not save " + name);
	}

	private List<Long> feed(long savedSearch) {
		Response feed = HttpApi.withToken(port, token).get("/feeds/saved-searches/" + savedSearch + ".atom");
		assertThat(feed.status()).isEqualTo(200);
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			NodeList entries = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(feed.bytes()))
				.getDocumentElement()
				.getElementsByTagNameNS(ATOM, "entry");
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < entries.getLength(); i++) {
				String href = ((Element) ((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "link").item(0))
					.getAttribute("href");
				Matcher id = ARTICLE_LINK.matcher(href);
				assertThat(id.find()).as(href).isTrue();
				ids.add(Long.parseLong(id.group(1)));
			}
			return ids;
		}
		catch (Exception ex) {
			throw new AssertionError("not an Atom feed: " + feed.text(), ex);
		}
	}

	private long story(String source, String date, String sentence) {
		String body = sentence + " on a visit that " + marker + " reporters followed.\n\nThe visit lasted a day.";
		Response created = editor.post("/api/v1/articles", "application/json",
				"{\"title\": " + quote(sentence + " " + marker) + ", \"body\": " + quote(body) + ", \"source\": "
						+ quote(source) + ", \"publishedAt\": " + quote(date) + "}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** A name of its own for what a case creates: a tag, a saved search. */
	private String fresh(Case search) {
		return search.name() + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The parameters as a saved search's JSON, where repeatable ones are lists under
	 * plural names.
	 */
	private static String json(String name, List<String> parameters) {
		Map<String, String> plural = Map.of("source", "sources", "entity", "entities", "tag", "tags");
		Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
		for (int i = 0; i < parameters.size(); i += 2) {
			fields.computeIfAbsent(plural.getOrDefault(parameters.get(i), parameters.get(i)), key -> new ArrayList<>())
				.add(parameters.get(i + 1));
		}
		StringBuilder json = new StringBuilder("{\"name\": ").append(quote(name));
		fields.forEach((field, values) -> {
			json.append(", ").append(quote(field)).append(": ");
			json.append(plural.containsValue(field)
					? values.stream().map(SearchEntryPointsContract::quote).collect(Collectors.joining(", ", "[", "]"))
					: quote(values.get(0)));
		});
		return json.append('}').toString();
	}

	private static String query(List<String> parameters) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i += 2) {
			pairs.add(parameters.get(i) + "=" + encode(parameters.get(i + 1)));
		}
		return String.join("&", new LinkedHashSet<>(pairs));
	}

	private static String path(String segment) {
		return encode(segment).replace("+", "%20");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
