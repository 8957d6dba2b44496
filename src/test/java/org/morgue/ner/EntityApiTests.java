package org.morgue.ner;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Named entities as an API client and an editor meet them: extracted after save, listed
 * with the article, searchable and countable, and curated for the whole archive, over
 * HTTP against real PostgreSQL, a real index and the real tagger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EntityApiTests {

	/** The first analysis in a JVM waits for the tagger's models to load. */
	static final java.time.Duration ANALYSIS = java.time.Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	HttpApi editor;

	HttpApi reader;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		editor = HttpApi.as(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		reader = HttpApi.as(port, TestUsers.READER, TestUsers.PASSWORD);
	}

	@Test
	void theSampleGetsItsPeopleOrganisationsAndPlacesAfterSave() throws IOException {
		// given: the AFP sample's story (once), with a marker so that this test finds its
		// own copy
		String marker = marker("afp");
		String copy = EntityExtractorTests.afpStory() + "\n\nFiled with " + marker + ".";

		// when
		Response created = editor.post("/api/v1/articles", "text/plain", copy);
		long id = created.json().get("id").asLong();
		JsonNode article = Eventually.until(() -> reader.get("/api/v1/articles/" + id).json(),
				json -> json.get("entitiesAnalysed").asBoolean(), ANALYSIS);

		// then: the article lists what the story names, the dateline place among them
		List<String> people = names(article, "PERSON");
		List<String> places = names(article, "LOCATION");
		List<String> organisations = names(article, "ORGANIZATION");
		assertThat(people).contains("Sergei Lavrov", "Min Aung Hlaing", "Hun Sen")
			.doesNotContain("Aung Hlaing", "Lavrov");
		assertThat(places).contains("Myanmar", "Russia", "Moscow", "Naypyidaw", "Yangon");
		assertThat(organisations).contains("TASS", "Roscosmos", "Association of Southeast Asian Nations",
				"National League for Democracy");
		assertThat(article.get("entities").findValuesAsString("name"))
			.noneMatch(name -> name.matches(".*[“”‘’\"].*") && !name.matches(".*\\p{L}’\\p{L}.*"));

		// and: search finds it by entity, in any case, and counts the people of the
		// matches
		JsonNode found = Eventually.until(
				() -> reader.get("/api/v1/articles?q=" + marker + "+entity:" + encode("\"min aung HLAING\"")).json(),
				json -> json.get("total").asLong() == 1);
		assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(found.get("facets").get("person").findValuesAsString("value")).contains("Sergei Lavrov");
		assertThat(reader.get("/api/v1/articles?q=" + marker + "&entity=" + encode("Sergei Lavrov"))
			.json()
			.get("total")
			.asLong()).isEqualTo(1);
		assertThat(reader.get("/api/v1/articles?q=" + marker + "&entity=" + encode("Kim Jong Un"))
			.json()
			.get("total")
			.asLong()).isZero();

		// and: the tagger reads "Aung San Suu Kyi’s National League for Democracy" as a
		// place's party;
		// an editor makes her a person once, and this story and later ones follow
		JsonNode suuKyi = article.get("entities")
			.valueStream()
			.filter(e -> e.get("name").asString().equals("Aung San Suu Kyi"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Aung San Suu Kyi not found: " + article.get("entities")));
		if (!suuKyi.get("type").asString().equals("PERSON")) {
			assertThat(editor
				.patch("/api/v1/entities/" + suuKyi.get("id").asLong(), "application/json", "{\"type\": \"PERSON\"}")
				.status()).isEqualTo(200);
		}
		assertThat(names(reader.get("/api/v1/articles/" + id).json(), "PERSON")).contains("Aung San Suu Kyi");
		long later = saveAnalysed("The junta extended Aung San Suu Kyi's sentence, " + marker + " her lawyers said.");
		assertThat(names(reader.get("/api/v1/articles/" + later).json(), "PERSON")).contains("Aung San Suu Kyi");
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker + "&entity=" + encode("Aung San Suu Kyi"))
			.json()
			.get("facets")
			.get("person")
			.findValuesAsString("value"), values -> values.contains("Aung San Suu Kyi"));
	}

	@Test
	void analyzeAnswersUtf16OffsetsIntoThePostedTextAndStoresNothing() {
		// given: a character outside the Basic Multilingual Plane before the names
		String text = "📰 Sergei Lavrov flew to Naypyidaw on Tuesday to meet Hun Sen, Cambodia’s prime minister.";

		// when
		JsonNode entities = reader.post("/api/v1/analyze", "text/plain", text).json().get("entities");

		// then
		List<String> seen = new ArrayList<>();
		for (JsonNode entity : entities) {
			int start = entity.get("start").asInt();
			int end = entity.get("end").asInt();
			assertThat(text.substring(start, end)).isEqualTo(entity.get("text").asString());
			seen.add(entity.get("text").asString() + "/" + entity.get("type").asString());
		}
		assertThat(seen).contains("Sergei Lavrov/PERSON", "Naypyidaw/LOCATION", "Hun Sen/PERSON", "Cambodia/LOCATION");
		assertThat(reader.get("/api/v1/entities?q=" + encode("Naypyidaw-never-stored")).json().get("total").asLong())
			.isZero();
	}

	@Test
	void analyzeRefusesEmptyTextAndBytesThatAreNotUtf8AndCopesWithAnyScript() {
		Response empty = reader.post("/api/v1/analyze", "text/plain", "   ");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
		assertThat(empty.json().get("detail").asString()).contains("empty");

		Response latin1 = reader.post("/api/v1/analyze", "text/plain", new byte[] { 'C', 'a', 'f', (byte) 0xE9 });
		assertThat(latin1.status()).isEqualTo(400);
		assertThat(latin1.json().get("detail").asString()).contains("UTF-8");

		Response other = reader.post("/api/v1/analyze", "text/plain",
				"Путин встретился с Си Цзиньпином в Пекине. 習近平在北京會見普京。 سلام");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.json().get("entities").isArray()).isTrue();
	}

	@Test
	void curationAppliesToStoredArticlesAndToArticlesThatComeLater() {
		// given: two stories naming the same minister, one with a short form
		String marker = marker("cur");
		long first = saveAnalysed("Vesna Kraljic, the finance minister of Slovenia, said in Ljubljana on Monday that "
				+ "the budget would hold. Kraljic told reporters " + marker + " that taxes would not rise.");
		long entity = entityNamed(first, "Vesna Kraljic");

		// when: an editor renames her
		Response renamed = editor.patch("/api/v1/entities/" + entity, "application/json",
				"{\"name\": \"Vesna Kraljič-Horvat\"}");

		// then: the stored article, its entity page and search follow, and the old name
		// still finds her
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(names(reader.get("/api/v1/articles/" + first).json(), "PERSON")).contains("Vesna Kraljič-Horvat");
		JsonNode details = reader.get("/api/v1/entities/" + entity).json();
		assertThat(details.get("aliases").toString()).contains("Vesna Kraljic");
		Eventually.until(() -> reader.get("/api/v1/articles?q=" + marker + "+entity:" + encode("\"Vesna Kraljic\""))
			.json()
			.get("total")
			.asLong(), total -> total == 1);

		// and: a later story with the old spelling is hers under the new name
		long later = saveAnalysed("Slovenia's finance minister Vesna Kraljic presented the plan in Ljubljana, " + marker
				+ " sources said.");
		assertThat(entityNamed(later, "Vesna Kraljič-Horvat")).isEqualTo(entity);

		// when: Ljubljana is marked as not an entity
		Response ignored = editor.post("/api/v1/ignored-names", "application/json", "{\"name\": \"Ljubljana\"}");

		// then: it leaves both stories, and the index follows
		assertThat(ignored.status()).isEqualTo(200);
		assertThat(names(reader.get("/api/v1/articles/" + first).json(), "LOCATION")).doesNotContain("Ljubljana");
		assertThat(names(reader.get("/api/v1/articles/" + later).json(), "LOCATION")).doesNotContain("Ljubljana");
		Eventually.until(
				() -> reader.get("/api/v1/articles?q=" + marker + "+entity:Ljubljana").json().get("total").asLong(),
				total -> total == 0);

		// and: every decision is recorded with who made it
		JsonNode decisions = reader.get("/api/v1/entities/" + entity + "/decisions").json();
		assertThat(decisions.findValuesAsString("action")).contains("RENAME");
		assertThat(decisions.findValuesAsString("decidedBy")).contains(TestUsers.EDITOR);
	}

	@Test
	void mergingTwoEntitiesMovesNamesAndMentionsAndTheIndexFollows() {
		// given: one country under its two names, in two stories
		String marker = marker("mrg");
		long a = saveAnalysed(
				"Protesters marched in Myanmar on Sunday, " + marker + " witnesses said, defying the army.");
		long b = saveAnalysed("Refugees crossed from Burma into Thailand on Sunday, " + marker + " aid workers said.");
		long myanmar = entityNamed(a, "Myanmar");
		long burma = entityNamed(b, "Burma");

		// when: an editor merges Burma into Myanmar
		Response merged = editor.post("/api/v1/entities/" + burma + "/merge", "application/json",
				"{\"into\": " + myanmar + "}");

		// then: one entity, with Burma as an alias, mentioned by both stories, found by
		// either name
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.json().get("aliases").toString()).contains("Burma");
		assertThat(reader.get("/api/v1/entities/" + burma).status()).isEqualTo(404);
		assertThat(entityNamed(b, "Myanmar")).isEqualTo(myanmar);
		Eventually.until(
				() -> reader.get("/api/v1/articles?q=" + marker + "+entity:Burma").json().get("total").asLong(),
				total -> total == 2);
		assertThat(reader.get("/api/v1/articles?q=" + marker + "&entity=Myanmar")
			.json()
			.get("facets")
			.get("location")
			.findValuesAsString("value")).contains("Myanmar").doesNotContain("Burma");

		// and: a later story about Burma is about Myanmar
		long later = saveAnalysed("Burma's generals extended the emergency, " + marker + " state media said.");
		assertThat(entityNamed(later, "Myanmar")).isEqualTo(myanmar);
	}

	@Test
	void anAcronymKnownFromEarlierStoriesIsTheEntityALaterStorySpellsOut() {
		// given: a story that only writes the acronym
		String marker = marker("acr");
		long first = saveAnalysed("NATO ministers met in Brussels on Thursday, " + marker + " diplomats said.");
		long nato = entityNamed(first, "NATO");

		// when: a later story spells it out
		long later = saveAnalysed("The North Atlantic Treaty Organization (NATO) said in Brussels on Friday, " + marker
				+ " that NATO would meet again.");

		// then: one entity, known by both names
		assertThat(reader.get("/api/v1/articles/" + later).json().get("entities").findValuesAsString("name"))
			.contains("NATO")
			.doesNotContain("North Atlantic Treaty Organization");
		assertThat(entityNamed(later, "NATO")).isEqualTo(nato);
		assertThat(reader.get("/api/v1/entities/" + nato).json().get("aliases").toString())
			.contains("North Atlantic Treaty Organization");
	}

	@Test
	void articleCountsFollowNewStoriesAndDeletions() {
		// given: two stories that name the same spokeswoman
		String marker = marker("cnt");
		long first = saveAnalysed("Orla Quennell, a spokeswoman for the port authority, said on Monday that ships "
				+ "would wait, " + marker + " reported.");
		long entity = entityNamed(first, "Orla Quennell");
		long second = saveAnalysed("Orla Quennell said the port would reopen on Friday, " + marker + " reported.");
		assertThat(reader.get("/api/v1/entities/" + entity).json().get("articleCount").asLong()).isEqualTo(2);
		assertThat(listed("Orla Quennell")).isEqualTo(2);

		// when: an administrator deletes one of them
		HttpApi admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		assertThat(admin.delete("/api/v1/articles/" + second).status()).isEqualTo(204);

		// then
		assertThat(reader.get("/api/v1/entities/" + entity).json().get("articleCount").asLong()).isEqualTo(1);
		assertThat(listed("Orla Quennell")).isEqualTo(1);

		// when: the other goes too, she leaves the index of names
		assertThat(admin.delete("/api/v1/articles/" + first).status()).isEqualTo(204);
		assertThat(reader.get("/api/v1/entities?q=" + encode("Orla Quennell")).json().get("total").asLong()).isZero();
	}

	private long listed(String name) {
		JsonNode found = reader.get("/api/v1/entities?q=" + encode(name)).json().get("entities");
		return found.valueStream()
			.filter(e -> e.get("name").asString().equals(name))
			.findFirst()
			.map(e -> e.get("articleCount").asLong())
			.orElse(-1L);
	}

	@Test
	void badCurationIsRefusedWithAProblemThatNamesTheField() {
		Response unknown = editor.patch("/api/v1/entities/999999999", "application/json", "{\"name\": \"X\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

		String marker = marker("bad");
		long article = saveAnalysed("Sergei Lavrov arrived in Naypyidaw " + marker + " on Wednesday.");
		long lavrov = entityNamed(article, "Sergei Lavrov");
		Response blank = editor.patch("/api/v1/entities/" + lavrov, "application/json", "{\"name\": \"  \"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("field").asString()).isEqualTo("name");
		Response type = editor.patch("/api/v1/entities/" + lavrov, "application/json", "{\"type\": \"ANIMAL\"}");
		assertThat(type.status()).isEqualTo(400);
		assertThat(type.json().get("field").asString()).isEqualTo("type");
		Response self = editor.post("/api/v1/entities/" + lavrov + "/merge", "application/json",
				"{\"into\": " + lavrov + "}");
		assertThat(self.status()).isEqualTo(400);
		Response readerTries = reader.patch("/api/v1/entities/" + lavrov, "application/json", "{\"name\": \"Y\"}");
		assertThat(readerTries.status()).isEqualTo(403);
		assertThat(reader.get("/api/v1/entities/" + lavrov).json().get("name").asString()).isEqualTo("Sergei Lavrov");
	}

	@Test
	void theEntityIndexListsByTypeAndName() {
		String marker = marker("idx");
		long article = saveAnalysed(
				"Hun Sen, Cambodia's prime minister, met Sergei Lavrov in Phnom Penh " + marker + ".");
		entityNamed(article, "Hun Sen");

		JsonNode people = reader.get("/api/v1/entities?type=PERSON&q=hun+sen").json();
		assertThat(people.get("entities").findValuesAsString("name")).contains("Hun Sen");
		assertThat(people.get("entities").findValuesAsString("type")).containsOnly("PERSON");
		JsonNode entity = Eventually.until(
				() -> reader.get("/api/v1/entities/" + people.get("entities").get(0).get("id").asLong()).json(),
				json -> json.get("cooccurring").findValuesAsString("name").contains("Sergei Lavrov"));
		assertThat(entity.get("articleCount").asLong()).isPositive();
		assertThat(reader.get("/api/v1/entities?type=ANIMAL").status()).isEqualTo(400);
		assertThat(reader.get("/api/v1/entities?sort=loudest").status()).isEqualTo(400);
	}

	@Test
	void anEntityPageCountsItsArticlesOverTimeAndTheNamesThatAppearWithIt() {
		// given: three dated stories naming one person, two of them with the same company
		String marker = marker("cov");
		long first = saveAnalysed(
				dated("2021-03-05", "Ingrid Solbakken, the chief executive of Norsk Hydro, said in Bergen "
						+ "on Friday that output would rise. " + marker));
		long second = saveAnalysed(dated("2021-05-20", "Norsk Hydro shares rose after Ingrid Solbakken announced a new "
				+ "smelter in Sunndalsøra. " + marker));
		long third = saveAnalysed(
				dated("2022-01-10", "Ingrid Solbakken met Jonas Gahr Støre in Oslo on Monday. " + marker));
		long person = entityNamed(first, "Ingrid Solbakken");
		long company = entityNamed(first, "Norsk Hydro");

		// when: the index has taken all three (each is indexed again once its entities
		// are
		// found, in its own time)
		JsonNode entity = Eventually.until(() -> reader.get("/api/v1/entities/" + person).json(),
				json -> json.get("cooccurring").findValuesAsString("name").contains("Jonas Gahr Støre")
						&& "2021-03-05".equals(json.get("firstSeen").asString(null)));

		// then: first and last seen, and who appears with her most, with the articles
		// they share
		assertThat(entity.get("firstSeen").asString()).isEqualTo("2021-03-05");
		assertThat(entity.get("lastSeen").asString()).isEqualTo("2022-01-10");
		JsonNode together = entity.get("cooccurring");
		assertThat(together.get(0).get("id").asLong()).isEqualTo(company);
		assertThat(together.get(0).get("articleCount").asLong()).isEqualTo(2);
		assertThat(together.findValuesAsString("name")).doesNotContain("Ingrid Solbakken");
		// and: her articles newest first
		assertThat(reader.get("/api/v1/entities/" + person + "/articles")
			.json()
			.valueStream()
			.map(article -> article.get("id").asLong())).containsExactly(third, second, first);
		assertThat(reader.get("/api/v1/entities/" + person + "/articles?page=1&size=2")
			.json()
			.valueStream()
			.map(article -> article.get("id").asLong())).containsExactly(first);

		// and: her page shows the same, with a bar for each year
		String page = HttpApi.signedIn(port, TestUsers.READER, TestUsers.PASSWORD).get("/entities/" + person).text();
		assertThat(page).contains("5 March 2021", "10 January 2022", "Norsk Hydro", "Jonas Gahr Støre")
			.contains("2021: 2 articles", "2022: 1 articles");
	}

	private String dated(String date, String body) {
		return "{\"title\": \"" + body.substring(0, 30) + "\", \"body\": \"" + body + "\", \"publishedAt\": \"" + date
				+ "\"}";
	}

	private long saveAnalysed(String copy) {
		String type = copy.startsWith("{") ? "application/json" : "text/plain";
		long id = editor.post("/api/v1/articles", type, copy).json().get("id").asLong();
		Eventually.until(() -> reader.get("/api/v1/articles/" + id).json(),
				json -> json.get("entitiesAnalysed").asBoolean(), ANALYSIS);
		return id;
	}

	private long entityNamed(long article, String name) {
		return reader.get("/api/v1/articles/" + article)
			.json()
			.get("entities")
			.valueStream()
			.filter(e -> e.get("name").asString().equals(name))
			.findFirst()
			.map(e -> e.get("id").asLong())
			.orElseThrow(() -> new AssertionError(name + " is not among the entities of article " + article + ": "
					+ reader.get("/api/v1/articles/" + article).json().get("entities")));
	}

	private static List<String> names(JsonNode article, String type) {
		List<String> names = new ArrayList<>();
		article.get("entities").forEach(entity -> {
			if (entity.get("type").asString().equals(type)) {
				names.add(entity.get("name").asString());
			}
		});
		return names;
	}

	private static String marker(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
