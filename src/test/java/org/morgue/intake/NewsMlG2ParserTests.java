package org.morgue.intake;

import java.time.Instant;
import java.util.List;

import org.morgue.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NewsMlG2ParserTests {

	private static final String LISTING_1 = "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml";

	private static final String LISTING_24 = "newsml-g2/LISTING_24_News_Message_conveying_a_complete_News_Package.xml";

	private static final String LISTING_25 = "newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml";

	/** Where IPTC's listing 1 leaves its inlineXML empty for the reader to imagine. */
	private static final String LISTING_1_PLACEHOLDER = "<!--   Inline XML must contain well-formed XML such as NITF or XHTML       -->";

	private final NewsMlG2Parser parser = new NewsMlG2Parser();

	@Test
	void refusesIptcsListingOneForItsInlineXmlHoldsNoText() {
		// given
		String listing = WireSamples.text(LISTING_1);

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(listing))
			.withMessageContaining("no story text");
	}

	@Test
	void readsIptcsListingOneOnceItsInlineXmlHoldsAStory() {
		// given: the listing with an NITF body where it has a comment
		String listing = WireSamples.text(LISTING_1);
		assertThat(listing).contains(LISTING_1_PLACEHOLDER);
		String item = listing.replace(LISTING_1_PLACEHOLDER,
				"<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content>"
						+ "<p>BERLIN (Reuters) - The Federal Reserve will halt its bond buying.</p>"
						+ "<hl2>Markets</hl2><p>Shares rose.</p></body.content></body></nitf>");

		// when
		List<WireStory> stories = this.parser.parse(item);

		// then
		assertThat(stories).hasSize(1);
		WireStory story = stories.get(0);
		assertThat(story.format()).isEqualTo("NewsML-G2");
		assertThat(story.guid()).isEqualTo("urn:newsml:acmenews.com:20161018:US-FINANCE-FED");
		assertThat(story.version()).isEqualTo("11");
		assertThat(story.status()).isEqualTo(StoryStatus.USABLE);
		assertThat(story.signals()).containsExactly("sig:update");
		assertThat(story.embargoedUntil()).isEqualTo(Instant.parse("2018-10-23T12:00:00Z"));
		assertThat(story.title()).isEqualTo("Fed to halt QE to avert \"bubble\"");
		assertThat(story.byline()).isEqualTo("Meredith Jameson");
		assertThat(story.dateline()).isEqualTo("Berlin");
		assertThat(story.source()).isEqualTo("REUTERS");
		assertThat(story.language()).isEqualTo("en-GB");
		assertThat(story.publishedAt()).isEqualTo("2016-10-18T16:12:00Z");
		assertThat(story.versionCreated()).isEqualTo(Instant.parse("2018-10-21T21:25:32Z"));
		assertThat(story.subjects()).containsExactly("economy, business and finance", "labour market");
		assertThat(story.paragraphs()).containsExactly(
				new StoryParagraph("The Federal Reserve will halt its bond buying.", false),
				new StoryParagraph("Markets", true), new StoryParagraph("Shares rose.", false));
		assertThat(story.raw()).isEqualTo(item);
	}

	@Test
	void refusesIptcsListingTwentyFourForNoneOfItsItemsHasText() {
		// given: a package and four news items whose content is "....."
		String message = WireSamples.text(LISTING_24);

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(message))
			.withMessageContaining("not a news item with text")
			.withMessageContaining("none of its 5 items");
	}

	@Test
	void readsTheNitfOfIptcsListingTwentyFiveInsideANewsItem() {
		// given: the listing is a contentSet alone; an item around it
		String item = "<newsItem guid=\"urn:example:diamondbacks\" version=\"1\">"
				+ "<itemMeta><pubStatus qcode=\"stat:usable\"/></itemMeta>" + WireSamples.text(LISTING_25)
				+ "</newsItem>";

		// when
		WireStory story = this.parser.parse(item).get(0);

		// then: headline and byline come from the NITF, the abstract is not the story
		assertThat(story.title()).isEqualTo("Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.");
		assertThat(story.byline()).isEqualTo("Sports Network");
		assertThat(story.paragraphs()).hasSize(1);
		assertThat(story.paragraphs().get(0).text())
			.startsWith("(Sports Network) - With the Philadelphia Phillies picking up momentum")
			.endsWith("looks set to be a clash of the Titans.");
		assertThat(story.paragraphs().get(0).text()).doesNotContain("weekend sweeps");
	}

	@Test
	void readsEachNewsItemOfAMessageWithItsOwnRawCopyAndPassesOverTheRest() {
		// given
		String message = """
				<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
				  <header><sent>2024-05-01T10:00:00Z</sent></header>
				  <itemSet>
				    <packageItem guid="urn:example:package"/>
				    <newsItem guid="urn:example:a" version="2" xml:lang="en">
				      <itemMeta><pubStatus qcode="stat:usable"/><versionCreated>2024-05-01T09:58:00Z</versionCreated></itemMeta>
				      <contentMeta><headline>Storm closes port</headline></contentMeta>
				      <contentSet><inlineData contenttype="text/plain">The port closed on Wednesday
				as the storm came ashore.

				Ferries were cancelled.</inlineData></contentSet>
				    </newsItem>
				    <newsItem guid="urn:example:no-text" version="1"><contentMeta><headline>Picture</headline></contentMeta></newsItem>
				    <newsItem guid="urn:example:b" version="4">
				      <itemMeta><pubStatus qcode="stat:canceled"/><signal qcode="sig:kill"/></itemMeta>
				      <contentMeta><headline>KILL: Storm story</headline></contentMeta>
				    </newsItem>
				  </itemSet>
				</newsMessage>
				""";

		// when
		List<WireStory> stories = this.parser.parse(message);

		// then
		assertThat(stories).extracting(WireStory::guid).containsExactly("urn:example:a", "urn:example:b");
		WireStory storm = stories.get(0);
		assertThat(storm.version()).isEqualTo("2");
		assertThat(storm.language()).isEqualTo("en");
		assertThat(storm.publishedAt()).isEqualTo("2024-05-01T09:58:00Z");
		assertThat(storm.paragraphs()).extracting(StoryParagraph::text)
			.containsExactly("The port closed on Wednesday as the storm came ashore.", "Ferries were cancelled.");
		Element raw = WireXml.parse(storm.raw());
		assertThat(raw.getLocalName()).isEqualTo("newsItem");
		assertThat(raw.getNamespaceURI()).isEqualTo("http://iptc.org/std/nar/2006-10-01/");
		assertThat(storm.raw()).contains("urn:example:a").doesNotContain("urn:example:b", "packageItem");
		WireStory kill = stories.get(1);
		assertThat(kill.status()).isEqualTo(StoryStatus.CANCELED);
		assertThat(kill.signals()).containsExactly("sig:kill");
		assertThat(kill.title()).isEqualTo("KILL: Storm story");
		assertThat(kill.paragraphs()).isEmpty();
	}

	@Test
	void takesAKillOfASingleItem() {
		// given
		String kill = item("<pubStatus qcode=\"stat:canceled\"/>", "<headline>Withdrawn</headline>", "");

		// when
		WireStory story = this.parser.parse(kill).get(0);

		// then
		assertThat(story.status()).isEqualTo(StoryStatus.CANCELED);
		assertThat(story.paragraphs()).isEmpty();
	}

	@Test
	void readsWithheldAndTheStatusesUri() {
		// given
		String withheld = item("<pubStatus uri=\"http://cv.iptc.org/newscodes/pubstatusg2/withheld\"/>", "",
				"<inlineData>Held.</inlineData>");

		// when, then
		assertThat(this.parser.parse(withheld).get(0).status()).isEqualTo(StoryStatus.WITHHELD);
	}

	@Test
	void refusesAStatusItDoesNotKnow() {
		// given
		String odd = item("<pubStatus qcode=\"stat:maybe\"/>", "", "<inlineData>Text.</inlineData>");

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(odd))
			.withMessageContaining("stat:maybe");
	}

	@Test
	void readsAnEmbargoAndRefusesOneItCannotRead() {
		// given
		String embargoed = item("<embargoed>2024-06-01T08:00:00+02:00</embargoed>", "",
				"<inlineData>Results.</inlineData>");
		String unreadable = item("<embargoed>Friday noon</embargoed>", "", "<inlineData>Results.</inlineData>");

		// when, then
		assertThat(this.parser.parse(embargoed).get(0).embargoedUntil())
			.isEqualTo(Instant.parse("2024-06-01T06:00:00Z"));
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(unreadable))
			.withMessageContaining("Friday noon");
	}

	@Test
	void readsTheDatelineTheCreatorsAndTheSubjectsOfEachKind() {
		// given
		String item = item("<provider literal=\"Example News\"/>",
				"""
						<dateline>ROME, May 3</dateline>
						<creator><name>Ada Reporter</name></creator>
						<creator qcode="staff:bob"><name>Bob Writer</name></creator>
						<language tag="it"/>
						<subject type="cpnat:person" qcode="p:1"><name>Giorgia Meloni</name></subject>
						<subject type="cpnat:organisation"><name>European Union</name></subject>
						<subject type="cpnat:geoArea" qcode="geo:rome"><name xml:lang="en">Rome</name><name xml:lang="it">Roma</name></subject>
						<subject type="cpnat:abstract" qcode="medtop:11000000"/>
						""",
				"<inlineData>ROME, May 3 (Reuters) - Talks began.</inlineData>");

		// when
		WireStory story = this.parser.parse(item).get(0);

		// then
		assertThat(story.dateline()).isEqualTo("ROME, May 3");
		assertThat(story.byline()).isEqualTo("Ada Reporter and Bob Writer");
		assertThat(story.source()).isEqualTo("Example News");
		assertThat(story.language()).isEqualTo("it");
		assertThat(story.people()).containsExactly("Giorgia Meloni");
		assertThat(story.organisations()).containsExactly("European Union");
		assertThat(story.places()).containsExactly("Roma");
		assertThat(story.subjects()).containsExactly("medtop:11000000");
		assertThat(story.paragraphs()).containsExactly(new StoryParagraph("Talks began.", false));
	}

	@Test
	void readsXhtmlParagraphsAndSubheads() {
		// given
		String item = item("", "<headline>Budget</headline>",
				"<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
						+ "<head><title>Budget</title></head><body><p>The budget <em>passed</em>.</p>"
						+ "<h2>What changes</h2><p>Taxes rise.</p></body></html></inlineXML>");

		// when
		WireStory story = this.parser.parse(item).get(0);

		// then
		assertThat(story.paragraphs()).containsExactly(new StoryParagraph("The budget passed.", false),
				new StoryParagraph("What changes", true), new StoryParagraph("Taxes rise.", false));
	}

	@Test
	void refusesADocumentThatIsNotANewsItemNamingItsRootElement() {
		// given
		String listing25 = WireSamples.text(LISTING_25);

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(listing25))
			.withMessageContaining("not a news item")
			.withMessageContaining("<contentSet>");
	}

	private static String item(String itemMeta, String contentMeta, String contentSet) {
		return "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:example:1\" version=\"1\">"
				+ "<itemMeta>" + itemMeta + "</itemMeta><contentMeta>" + contentMeta + "</contentMeta><contentSet>"
				+ contentSet + "</contentSet></newsItem>";
	}

}
