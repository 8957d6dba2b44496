package org.morgue.intake;

import java.time.Instant;

import org.morgue.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NinjsParserTests {

	private static final String FIRST_PARAGRAPH = "The trial of the captain of the shipwrecked Costa Concordia "
			+ "cruise liner has begun in a theater converted into a courtroom in Tuscany to accommodate all the "
			+ "survivors and relatives of the 32 victims who want to see justice carried out in the 2012 tragedy.";

	private static final String LAST_PARAGRAPH = "Pepe said some 1,000 witnesses are expected to eventually testify. "
			+ "Many of them are expected to be from among the 4,200 passengers and crew aboard the ship that struck a "
			+ "jagged reef off Giglio, took on water and capsized. Schettino has denied wrongdoing.";

	private final NinjsParser parser = new NinjsParser();

	@Test
	void readsTheSimpleTextArticleOfNinjsOne() {
		// given: headline_main, body_main and body_richtext, 1.x's pattern properties
		String document = WireSamples.text("ninjs/1.6_004_simple_text_article.json");

		// when
		WireStory story = this.parser.parse(document, null);

		// then
		assertThat(story.format()).isEqualTo("ninjs");
		assertThat(story.guid()).isEqualTo("http://ninjs.example.com/newsitems/20130709simp123");
		assertThat(story.version()).isNull();
		assertThat(story.status()).isEqualTo(StoryStatus.USABLE);
		assertThat(story.title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
		assertThat(story.byline()).isEqualTo("Paulo Santalucia and Frances d'Emilio");
		assertThat(story.versionCreated()).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
		assertThat(story.publishedAt()).isEqualTo("2013-07-09T10:37:00Z");
		// the dateline at the head of the story, taken off it
		assertThat(story.dateline()).isEqualTo("GROSSETO, Italy");
		assertThat(story.source()).isEqualTo("AP");
		assertThat(story.paragraphs()).hasSize(4).allMatch((paragraph) -> !paragraph.subhead());
		assertThat(story.paragraphs().get(0).text()).isEqualTo(FIRST_PARAGRAPH);
		assertThat(story.paragraphs().get(3).text()).isEqualTo(LAST_PARAGRAPH);
		assertThat(story.raw()).isEqualTo(document);
	}

	@Test
	void readsThePeoplePlacesAndOrganisationsOfTheComplexTextArticle() {
		// given
		String document = WireSamples.text("ninjs/1.6_005_complex_text_article.json");

		// when
		WireStory story = this.parser.parse(document, null);

		// then
		assertThat(story.guid()).isEqualTo("http://ninjs.example.com/newsitems/20130709med123");
		assertThat(story.language()).isEqualTo("en");
		assertThat(story.dateline()).isEqualTo("Grossetto, Italy");
		assertThat(story.people()).containsExactly("Francesco Schettino");
		assertThat(story.places()).containsExactly("Grossetto", "Tuscany", "Italy");
		assertThat(story.organisations()).containsExactly("Costa Crociere SpA");
		assertThat(story.paragraphs().get(0).text()).isEqualTo(FIRST_PARAGRAPH);
	}

	@Test
	void readsTheSimpleTextArticleOfNinjsTwo() {
		// given: by, headlines[] and bodies[]
		String document = WireSamples.text("ninjs/2.2_004_simple_text_article.json");

		// when
		WireStory story = this.parser.parse(document, null);

		// then
		assertThat(story.title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
		assertThat(story.byline()).isEqualTo("Paulo Santalucia and Frances d'Emilio");
		assertThat(story.dateline()).isEqualTo("GROSSETO, Italy");
		assertThat(story.paragraphs()).extracting(StoryParagraph::text)
			.hasSize(4)
			.startsWith(FIRST_PARAGRAPH)
			.endsWith(LAST_PARAGRAPH);
	}

	@Test
	void readsNinjsThreeInCamelCase() {
		// given
		String document = """
				{
				  "uri": "urn:example:flood",
				  "version": "3",
				  "versionCreated": "2024-03-02T08:15:00+01:00",
				  "firstCreated": "2024-03-01T22:00:00Z",
				  "pubStatus": "usable",
				  "language": "de",
				  "by": "Anna Schmidt",
				  "located": "Köln",
				  "headlines": [ { "role": "sub", "value": "Rhine rises" }, { "role": "main", "value": "Flood closes Cologne's old town" } ],
				  "subjects": [ { "name": "weather", "uri": "http://cv.iptc.org/newscodes/mediatopic/17000000" }, { "uri": "http://example.com/s/9" } ],
				  "infoSources": [ { "name": "dpa", "role": "originfo" } ],
				  "bodies": [
				    { "role": "main", "contentType": "text/plain", "value": "The Rhine rose.\\n\\nShops closed." },
				    { "role": "main", "contentType": "text/html", "value": "<p>The Rhine rose.</p><h3>Shops</h3><p>Shops closed.</p>" }
				  ]
				}
				""";

		// when
		WireStory story = this.parser.parse(document, null);

		// then
		assertThat(story.guid()).isEqualTo("urn:example:flood");
		assertThat(story.version()).isEqualTo("3");
		assertThat(story.versionCreated()).isEqualTo(Instant.parse("2024-03-02T07:15:00Z"));
		assertThat(story.publishedAt()).isEqualTo("2024-03-01T22:00:00Z");
		assertThat(story.title()).isEqualTo("Flood closes Cologne's old town");
		assertThat(story.byline()).isEqualTo("Anna Schmidt");
		assertThat(story.dateline()).isEqualTo("Köln");
		assertThat(story.source()).isEqualTo("dpa");
		assertThat(story.language()).isEqualTo("de");
		assertThat(story.subjects()).containsExactly("weather", "http://example.com/s/9");
		// the HTML body, for its subheads
		assertThat(story.paragraphs()).containsExactly(new StoryParagraph("The Rhine rose.", false),
				new StoryParagraph("Shops", true), new StoryParagraph("Shops closed.", false));
	}

	@Test
	void readsSnakeCaseAndCamelCaseAlike() {
		// given
		String snake = """
				{ "uri": "urn:example:1", "version_created": "2024-01-02T03:04:05Z", "first_created": "2024-01-01",
				  "pub_status": "withheld", "embargoed": "2024-01-03T00:00:00Z", "headline": "Same story",
				  "byline": "A. Writer", "body_html": "<p>One &amp; two.</p><h2>Sub</h2><p>Three<br>four.</p>" }
				""";
		String camel = """
				{ "uri": "urn:example:1", "versionCreated": "2024-01-02T03:04:05Z", "firstCreated": "2024-01-01",
				  "pubStatus": "withheld", "embargoed": "2024-01-03T00:00:00Z", "headline": "Same story",
				  "byline": "A. Writer", "bodyHtml": "<p>One &amp; two.</p><h2>Sub</h2><p>Three<br>four.</p>" }
				""";

		// when
		WireStory fromSnake = this.parser.parse(snake, null);
		WireStory fromCamel = this.parser.parse(camel, null);

		// then
		assertThat(fromSnake).usingRecursiveComparison().ignoringFields("raw").isEqualTo(fromCamel);
		assertThat(fromSnake.status()).isEqualTo(StoryStatus.WITHHELD);
		assertThat(fromSnake.versionCreated()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
		assertThat(fromSnake.publishedAt()).isEqualTo("2024-01-01");
		assertThat(fromSnake.embargoedUntil()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
		assertThat(fromSnake.paragraphs()).containsExactly(new StoryParagraph("One & two.", false),
				new StoryParagraph("Sub", true), new StoryParagraph("Three four.", false));
	}

	@Test
	void takesAKill() {
		// given
		String kill = "{ \"uri\": \"urn:example:1\", \"version\": \"4\", \"pubstatus\": \"canceled\", "
				+ "\"headline\": \"KILL\" }";

		// when
		WireStory story = this.parser.parse(kill, null);

		// then
		assertThat(story.status()).isEqualTo(StoryStatus.CANCELED);
		assertThat(story.paragraphs()).isEmpty();
	}

	@Test
	void refusesAnEmbargoItCannotRead() {
		// given
		String document = "{ \"uri\": \"urn:example:1\", \"embargoed\": \"tomorrow\", \"body_text\": \"Text.\" }";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.parser.parse(document, null))
			.withMessageContaining("'tomorrow'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"$schema\": \"http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json\"",
			"\"$standard\": { \"name\": \"ninjs\", \"version\": \"1.5\" }",
			"\"standard\": { \"name\": \"ninjs\", \"version\": \"2.1\", \"schema\": \"http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json\" }",
			"\"$schema\": \"https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json\"",
			"\"standard\": { \"name\": \"ninjs\", \"version\": \"3.1\" }" })
	void readsTheVersionsItKnows(String declaration) {
		// given
		String document = "{ " + declaration + ", \"uri\": \"urn:example:1\", \"body_text\": \"Text.\" }";

		// when
		WireStory story = this.parser.parse(document, null);

		// then
		assertThat(story.paragraphs()).containsExactly(new StoryParagraph("Text.", false));
	}

	@Test
	void tellsTheVersionFromTheFieldsWhenTheDocumentDoesNotSay() {
		assertThat(NinjsParser.majorVersion("{ \"uri\": \"u\", \"headline\": \"h\", \"body_text\": \"t\" }", null))
			.isEqualTo(1);
		assertThat(NinjsParser.majorVersion("{ \"uri\": \"u\", \"headlines\": [], \"by\": \"b\" }", null)).isEqualTo(2);
		assertThat(NinjsParser.majorVersion("{ \"uri\": \"u\", \"versionCreated\": \"2024-01-01T00:00:00Z\" }", null))
			.isEqualTo(3);
		assertThat(
				NinjsParser.majorVersion("{ \"uri\": \"u\" }", "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"))
			.isEqualTo(2);
	}

	@Test
	void refusesAVersionItDoesNotKnowNamingIt() {
		// given
		String four = "{ \"$schema\": \"http://www.iptc.org/std/ninjs/ninjs-schema_4.0.json\", \"uri\": \"u\", "
				+ "\"body_text\": \"Text.\" }";
		String nine = "{ \"standard\": { \"version\": \"9.2\" }, \"uri\": \"u\", \"body_text\": \"Text.\" }";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(four, null))
			.withMessageContaining("ninjs version 4 is not one the archive reads");
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(nine, null))
			.withMessageContaining("ninjs version 9 is not one the archive reads");
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.parser.parse("{ \"uri\": \"u\", \"body_text\": \"Text.\" }",
					"http://www.iptc.org/std/ninjs/ninjs-schema_5.json"))
			.withMessageContaining("ninjs version 5");
	}

	@Test
	void readsBylinesAndPlainTextParagraphs() {
		// given
		String document = """
				{ "uri": "u", "bylines": [ { "byline": "Ann Lee" }, { "name": "Raj Patel" } ],
				  "body_text": "LONDON (Reuters) - Prices rose.\\nThey rose fast.\\n\\n  Then they fell.  " }
				""";

		// when
		WireStory story = this.parser.parse(document, null);

		// then
		assertThat(story.byline()).isEqualTo("Ann Lee and Raj Patel");
		assertThat(story.dateline()).isEqualTo("LONDON");
		assertThat(story.source()).isEqualTo("Reuters");
		assertThat(story.paragraphs()).extracting(StoryParagraph::text)
			.containsExactly("Prices rose. They rose fast.", "Then they fell.");
	}

	@Test
	void refusesADocumentWithoutStoryText() {
		// given
		String document = "{ \"uri\": \"urn:example:1\", \"type\": \"picture\", \"headline\": \"A picture\" }";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.parser.parse(document, null))
			.withMessageContaining("no story text");
	}

	@Test
	void refusesJsonThatIsNotWellFormedSayingWhere() {
		// given
		String document = "{\n  \"uri\": \"urn:example:1\",\n  \"headline\": \n}";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.parser.parse(document, null))
			.withMessageContaining("not well-formed JSON (line 4, column 1)");
	}

	@Test
	void refusesJsonThatIsNotAnObject() {
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.parser.parse("[ { \"uri\": \"u\" } ]", null))
			.withMessageContaining("not a ninjs news item")
			.withMessageContaining("array");
	}

}
