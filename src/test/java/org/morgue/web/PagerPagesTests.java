package org.morgue.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestChanges;
import org.morgue.TestUsers;
import org.morgue.ner.EntityService;
import org.morgue.system.EditorialChange;
import org.morgue.user.Role;
import org.morgue.user.UserService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every paged list, filled to several pages, as a browser without JavaScript meets it: on
 * a middle page its pager offers First, Previous, Next and Last, each keeping the list's
 * filters and leading to the page it names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagerPagesTests {

	/** Articles of one source, day, tag and person: five pages of 50, eleven of 20. */
	static final int STORIES = 201;

	/**
	 * Articles without a date, each of a source of its own: at least three pages of 50 of
	 * each.
	 */
	static final int UNDATED = 101;

	static final String DAY = "1907-02-13";

	private static final Pattern PAGER = Pattern.compile("<nav class=\"pager\" aria-label=\"Pages\">(.*?)</nav>",
			Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\" rel=\"(first|prev|next|last)\">");

	private static final Pattern CURRENT = Pattern
		.compile("aria-current=\"page\"\\s*>(?:Page )?(\\d+)(?: of (\\d+))?<");

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	EntityService entities;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	String marker;

	String source;

	String tag;

	String person;

	String annotator;

	long firstStory;

	HttpApi reader;

	@BeforeAll
	void fillTheListsToSeveralPages() {
		TestUsers.ensure(users);
		marker = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		source = "Pager-Wire-" + marker;
		tag = "pager-" + marker;
		person = "Pagerperson " + marker;
		annotator = "annotator-" + marker;
		users.create(annotator, TestUsers.PASSWORD, Role.EDITOR);
		// Exported articles, so that their entities, tags and notes come with them and no
		// tagger runs.
		JsonMapper json = JsonMapper.shared();
		StringBuilder lines = new StringBuilder();
		for (int i = 1; i <= STORIES; i++) {
			String namesake = "Namesake %s %03d".formatted(marker, i);
			String text = "Story %03d of %s: %s met %s.".formatted(i, marker, person, namesake);
			ObjectNode line = exported(json, "Pager story %03d %s".formatted(i, marker), text);
			line.put("source", source);
			line.put("publishedAt", DAY);
			line.putArray("tags").add(tag).add("pt%s %03d".formatted(marker, i));
			line.put("entitiesAnalysed", true);
			ArrayNode mentioned = line.putArray("entities");
			mention(mentioned, person, text);
			mention(mentioned, namesake, text);
			line.putArray("annotations")
				.addObject()
				.put("creator", annotator)
				.put("note", "Note " + i)
				.put("exact", text.substring(0, 9))
				.put("start", 0)
				.put("end", 9);
			lines.append(json.writeValueAsString(line)).append('\n');
		}
		for (int i = 1; i <= UNDATED; i++) {
			ObjectNode line = exported(json, "Undated pager notice %03d %s".formatted(i, marker),
					"Notice %03d of %s without a date.".formatted(i, marker));
			line.put("source", "Pager-Source-%s-%03d".formatted(marker, i));
			line.put("entitiesAnalysed", true);
			lines.append(json.writeValueAsString(line)).append('\n');
		}
		Response stored = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD)
			.post("/api/v1/articles/bulk", "application/x-ndjson", lines.toString());
		assertThat(stored.json().get("created").intValue()).as(stored.text()).isEqualTo(STORIES + UNDATED);
		firstStory = stored.json().get("results").get(0).get("id").asLong();
		for (int i = 1; i <= STORIES; i++) {
			publishAs(marker + "-ed",
					EditorialChange.ofArticle("tag.added", "tag " + i + " " + marker, firstStory, null, "tag " + i));
		}
		reader = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD);
		// The search index and the entity pages follow the commit.
		Eventually.until(() -> reader.get("/articles?q=" + marker + "&source=" + source).text(),
				html -> html.contains(STORIES + " articles"), Duration.ofSeconds(60));
	}

	@Test
	void searchResultsKeepTheQueryAndEveryFilterAndNumberThePagesWithGaps() {
		Map<String, List<String>> search = filters("q", marker, "source", source, "entity", person, "tag", tag, "from",
				DAY, "to", DAY, "sort", "oldest");

		String nav = assertPager(reader, "/articles", search, 6, 11);

		// 1 … 4 5 [6] 7 8 … 11
		assertThat(nav.split("class=\"gap\"", -1)).hasSize(3);
		assertThat(nav).contains(">1</a>")
			.contains(">4</a>")
			.contains(">8</a>")
			.contains(">11</a>")
			.doesNotContain(">3</a>")
			.doesNotContain(">9</a>");
	}

	@Test
	void theAuditKeepsWhoWhatWhichArticleAndTheDates() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, List<String>> audit = filters("actor", marker + "-ed", "kind", "tag", "article",
				Long.toString(firstStory), "from", today.minusDays(1).toString(), "to", today.plusDays(1).toString());

		assertPager(HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD), "/admin/audit", audit, 3, 5);
	}

	@Test
	void anArticlesHistoryPages() {
		assertPager(reader, "/articles/" + firstStory + "/history", filters(), 2, null);
	}

	@Test
	void theEntityIndexKeepsTheTypeTheNameFilterAndTheOrder() {
		// the person and the namesakes: 202 people
		assertPager(reader, "/entities", filters("type", "person", "q", marker, "sort", "name"), 3, 5);
	}

	@Test
	void anEntitysArticlesPage() {
		long id = entities.idsNamed(person).get(0);

		assertPager(reader, "/entities/" + id, filters(), 5, 11);
	}

	@Test
	void theTagListKeepsItsPrefix() {
		assertPager(reader, "/tags", filters("prefix", "pt" + marker), 3, 5);
	}

	@Test
	void aTagsArticlesPage() {
		assertPager(reader, "/tags/" + tag, filters(), 5, 11);
	}

	@Test
	void theArticlesOfADayAndOfNoKnownDatePage() {
		assertPager(reader, "/browse/1907/2/13", filters(), 3, 5);
		assertPager(reader, "/browse/undated", filters(), 2, null);
	}

	@Test
	void theSourcesAndASourcesArticlesPage() {
		assertPager(reader, "/sources", filters(), 2, null);
		assertPager(reader, "/sources/" + source, filters(), 3, 5);
	}

	@Test
	void myNotesPage() {
		// 201 notes, 25 to a page
		assertPager(HttpApi.signedIn(port, annotator, TestUsers.PASSWORD), "/annotations/mine", filters(), 5, 9);
	}

	/**
	 * Opens {@code page} of the list at {@code path} with its {@code filters} and checks
	 * that its pager offers First, Previous, Next and Last, each to the list's address
	 * with the same filters, and each leading to a page whose pager shows that page as
	 * the current one.
	 * @param pages how many pages the list fills, or {@code null} where other tests add
	 * to it: as the page says
	 * @return the pager's HTML
	 */
	private String assertPager(HttpApi client, String path, Map<String, List<String>> filters, int page,
			Integer pages) {
		Response response = client.get(address(path, filters, page));
		assertThat(response.status()).isEqualTo(200);
		String nav = pager(response.text(), path);
		Matcher current = CURRENT.matcher(nav);
		assertThat(current.find()).as("the current page of %s", path).isTrue();
		assertThat(Integer.parseInt(current.group(1))).isEqualTo(page);
		int last = (pages != null) ? pages : Integer.parseInt(current.group(2));
		assertThat(last).as("pages of %s", path).isGreaterThan(page);
		if (pages != null && current.group(2) != null) {
			assertThat(Integer.parseInt(current.group(2))).isEqualTo(pages);
		}

		Map<String, String> links = new LinkedHashMap<>();
		Matcher link = LINK.matcher(nav);
		while (link.find()) {
			links.put(link.group(2), link.group(1).replace("&amp;", "&"));
		}
		assertThat(links).as("the pager of %s", path).containsOnlyKeys("first", "prev", "next", "last");
		Map<String, Integer> expected = Map.of("first", 1, "prev", page - 1, "next", page + 1, "last", last);
		expected.forEach((rel, target) -> {
			String href = links.get(rel);
			assertThat(pathOf(href)).as("%s of %s", rel, path).isEqualTo(path);
			Map<String, List<String>> parameters = parameters(href);
			List<String> pageParameter = parameters.remove("page");
			assertThat((pageParameter != null) ? Integer.parseInt(pageParameter.get(0)) : 1).as("%s of %s", rel, path)
				.isEqualTo(target);
			assertThat(parameters).as("the filters %s keeps", rel).isEqualTo(filters);

			Response followed = client.get(href);
			assertThat(followed.status()).isEqualTo(200);
			Matcher there = CURRENT.matcher(pager(followed.text(), href));
			assertThat(there.find()).isTrue();
			assertThat(Integer.parseInt(there.group(1))).as("the page %s of %s leads to", rel, path).isEqualTo(target);
		});
		return nav;
	}

	private static String pager(String html, String path) {
		Matcher nav = PAGER.matcher(html);
		assertThat(nav.find()).as("a pager on %s", path).isTrue();
		return nav.group(1);
	}

	private static String address(String path, Map<String, List<String>> filters, int page) {
		List<String> parameters = new ArrayList<>();
		filters.forEach((name, values) -> values.forEach(value -> parameters.add(name + "=" + encode(value))));
		parameters.add("page=" + page);
		return path + "?" + String.join("&", parameters);
	}

	private static String pathOf(String href) {
		int query = href.indexOf('?');
		return (query < 0) ? href : href.substring(0, query);
	}

	private static Map<String, List<String>> parameters(String href) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		int query = href.indexOf('?');
		if (query < 0) {
			return parameters;
		}
		for (String pair : href.substring(query + 1).split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	/** Filters as name, value, name, value... */
	private static Map<String, List<String>> filters(String... namesAndValues) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			filters.computeIfAbsent(namesAndValues[i], key -> new ArrayList<>()).add(namesAndValues[i + 1]);
		}
		return filters;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A line of an export of the archive with one paragraph. */
	private static ObjectNode exported(JsonMapper json, String title, String text) {
		ObjectNode line = json.createObjectNode();
		line.put("title", title);
		line.putArray("paragraphs").addObject().put("text", text).put("subhead", false);
		line.put("rawText", title + "\n\n" + text);
		return line;
	}

	private static void mention(ArrayNode entities, String name, String text) {
		int start = text.indexOf(name);
		ObjectNode entity = entities.addObject().put("name", name).put("type", "PERSON");
		entity.putArray("mentions")
			.addObject()
			.put("field", "BODY")
			.put("start", start)
			.put("end", start + name.length())
			.put("text", name);
	}

	private void publishAs(String actor, EditorialChange change) {
		TestChanges.publishAs(actor, change, events, transactionManager);
	}

}
