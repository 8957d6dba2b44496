package org.morgue.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WireDocumentReaderTests {

	private static final String NEWS_ITEM = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:g2\">"
			+ "<contentSet><inlineData>From G2.</inlineData></contentSet></newsItem>";

	private static final String NITF = "<nitf><head><docdata><doc-id id-string=\"nitf-1\"/></docdata></head>"
			+ "<body><body.content><p>From NITF.</p></body.content></body></nitf>";

	private static final String NINJS = "{ \"uri\": \"urn:ninjs\", \"body_text\": \"From ninjs.\" }";

	private final WireDocumentReader reader = new WireDocumentReader();

	@Test
	void picksTheParserByMediaType() {
		assertThat(read(NEWS_ITEM, "application/vnd.iptc.g2.newsitem+xml", null).format()).isEqualTo("NewsML-G2");
		assertThat(read(NITF, "application/nitf+xml; charset=UTF-8", null).format()).isEqualTo("NITF");
		assertThat(read(NINJS, "application/ninjs+json", null).format()).isEqualTo("ninjs");
		assertThat(read(NINJS, "application/json", null).guid()).isEqualTo("urn:ninjs");
	}

	@Test
	void tellsXmlFilesByTheirRootElementAndTakesJsonFilesAsNinjs() {
		assertThat(read(NEWS_ITEM, null, "story.xml").guid()).isEqualTo("urn:g2");
		assertThat(read(NITF, "application/xml", "story.XML").guid()).isEqualTo("nitf-1");
		assertThat(read(NINJS, null, "story.json").guid()).isEqualTo("urn:ninjs");
		assertThat(read(NITF, "application/octet-stream", null).guid()).isEqualTo("nitf-1");
	}

	@Test
	void readsTheSamplesAsFilesWouldComeIn() {
		// given
		byte[] ninjs = WireSamples.bytes("ninjs/2.2_004_simple_text_article.json");

		// when
		List<WireStory> stories = this.reader.read(ninjs, null, "2.2_004_simple_text_article.json");

		// then
		assertThat(stories).singleElement()
			.satisfies(
					(story) -> assertThat(story.title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy"));
	}

	@Test
	void refusesAnXmlFileThatIsNotANewsItemNamingItsRootElement() {
		// given
		byte[] listing = WireSamples.bytes("newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml");

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.reader.read(listing, null, "LISTING_25.xml"))
			.withMessage("The document is not a news item: its root element is <contentSet>, where the archive "
					+ "reads NewsML-G2's newsItem or newsMessage, or NITF's nitf.");
	}

	@Test
	void refusesAMediaTypeThatDoesNotFitTheDocument() {
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> read(NITF, "application/vnd.iptc.g2.newsitem+xml", null))
			.withMessageContaining("not a news item")
			.withMessageContaining("<nitf>");
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> read(NEWS_ITEM, "application/nitf+xml", null))
			.withMessageContaining("<newsItem>");
	}

	@Test
	void refusesXmlThatIsNotWellFormedSayingWhere() {
		// given
		String broken = "<newsItem>\n  <contentMeta>\n    <headline>Storm</headline>\n</newsItem>";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> read(broken, null, "broken.xml"))
			.withMessageStartingWith("The document is not well-formed XML (line 4, column")
			.withMessageContaining("contentMeta");
	}

	@Test
	void refusesAStoryWithoutText() {
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(
				() -> read("<newsItem guid=\"x\"><contentSet><inlineXML/></contentSet></newsItem>", null, "empty.xml"))
			.withMessage("The news item has no story text: there is nothing to archive.");
	}

	@Test
	void refusesAFormatItDoesNotRead() {
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> read("%PDF-1.7", "application/pdf", "story.pdf"))
			.withMessageContaining("does not read application/pdf");
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> read("Just some words.", null, "story.txt"))
			.withMessageContaining("neither XML nor JSON");
	}

	@Test
	void refusesAnUnknownNinjsVersionNamingIt() {
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> read("{ \"standard\": { \"version\": \"4.0\" }, \"uri\": \"u\", \"body_text\": \"x\" }",
					"application/ninjs+json", null))
			.withMessage("ninjs version 4 is not one the archive reads: it reads ninjs 1.x, 2.x and 3.x.");
	}

	@Test
	void readsTheNinjsVersionFromTheMediaTypesProfile() {
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> read(NINJS,
					"application/ninjs+json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_7.0.json\"", null))
			.withMessageContaining("ninjs version 7");
	}

	@Test
	void decodesXmlInTheEncodingItDeclares() {
		// given
		byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><body><body.content>"
				+ "<p>Caf\u00e9 cr\u00e8me.</p></body.content></body></nitf>")
			.getBytes(StandardCharsets.ISO_8859_1);

		// when
		WireStory story = this.reader.read(latin1, null, "latin1.xml").get(0);

		// then
		assertThat(story.paragraphs()).extracting(StoryParagraph::text).containsExactly("Caf\u00e9 cr\u00e8me.");
	}

	@Test
	void refusesBytesThatAreNotTheirEncoding() {
		// given: Latin-1 bytes where UTF-8 is the default
		byte[] latin1 = "<nitf><body><body.content><p>Caf\u00e9</p></body.content></body></nitf>"
			.getBytes(StandardCharsets.ISO_8859_1);

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.reader.read(latin1, null, "story.xml"))
			.withMessageContaining("not UTF-8");
	}

	@Test
	void doesNotReadAnExternalEntity() {
		// given
		String attack = "<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<newsItem guid=\"x\"><contentSet><inlineData>&xxe;</inlineData></contentSet></newsItem>";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class)
			.isThrownBy(() -> this.reader.read(attack.getBytes(StandardCharsets.UTF_8), null, "attack.xml"))
			.withMessageContaining("not well-formed XML")
			.withMessageNotContaining("root:");
	}

	private WireStory read(String document, String mediaType, String fileName) {
		List<WireStory> stories = this.reader.read(document.getBytes(StandardCharsets.UTF_8), mediaType, fileName);
		assertThat(stories).hasSize(1);
		return stories.get(0);
	}

}
