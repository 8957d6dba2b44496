package org.morgue.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.morgue.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NitfParserTests {

	/**
	 * An AP story as NITF 3.3 has it, with the DOCTYPE line such documents carry (its DTD
	 * is never fetched).
	 */
	private static final String STORY = """
			<?xml version="1.0" encoding="UTF-8"?>
			<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">
			<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xml:lang="en-US">
			  <head>
			    <title>Cruise captain trial</title>
			    <tobject tobject.type="news">
			      <tobject.subject tobject.subject.refnum="02000000" tobject.subject.matter="crime, law and justice"/>
			    </tobject>
			    <docdata management-status="usable">
			      <doc-id regsrc="AP" id-string="ap-20130709-123"/>
			      <du-key key="concordia-trial" generation="2"/>
			      <date.issue norm="20130709T103700Z"/>
			      <identified-content>
			        <person>Francesco Schettino</person>
			        <org>Costa Crociere SpA</org>
			        <location>Giglio</location>
			      </identified-content>
			    </docdata>
			  </head>
			  <body>
			    <body.head>
			      <hedline><hl1>Captain of wrecked cruise ship on trial in Italy</hl1><hl2>Survivors look on</hl2></hedline>
			      <byline>By <person>Paulo Santalucia</person></byline>
			      <dateline><location>GROSSETO, Italy</location>, <story.date norm="20130709">July 9</story.date></dateline>
			      <distributor>The Associated Press</distributor>
			    </body.head>
			    <body.content>
			      <p>GROSSETO, Italy (AP) -- The trial of the captain of the Costa Concordia
			         has begun in a theater converted into a courtroom.</p>
			      <hl2>The defendant</hl2>
			      <p>The sole defendant, <person>Francesco Schettino</person>, made no comment.</p>
			      <media media-type="image"><media-caption><p>The theater in Grosseto.</p></media-caption></media>
			    </body.content>
			  </body>
			</nitf>
			""";

	private final NitfParser parser = new NitfParser();

	@Test
	void readsTheStoryAndItsMetadata() {
		// when
		WireStory story = this.parser.parse(STORY);

		// then
		assertThat(story.format()).isEqualTo("NITF");
		assertThat(story.guid()).isEqualTo("concordia-trial");
		assertThat(story.version()).isEqualTo("2");
		assertThat(story.status()).isEqualTo(StoryStatus.USABLE);
		assertThat(story.embargoedUntil()).isNull();
		assertThat(story.title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
		assertThat(story.byline()).isEqualTo("By Paulo Santalucia");
		assertThat(story.dateline()).isEqualTo("GROSSETO, Italy");
		assertThat(story.source()).isEqualTo("The Associated Press");
		assertThat(story.publishedAt()).isEqualTo("2013-07-09T10:37:00Z");
		assertThat(story.language()).isEqualTo("en-US");
		assertThat(story.subjects()).containsExactly("crime, law and justice");
		assertThat(story.people()).containsExactly("Francesco Schettino");
		assertThat(story.organisations()).containsExactly("Costa Crociere SpA");
		assertThat(story.places()).containsExactly("Giglio");
		assertThat(story.paragraphs()).containsExactly(new StoryParagraph(
				"The trial of the captain of the Costa Concordia has begun in a theater converted into a courtroom.",
				false), new StoryParagraph("The defendant", true),
				new StoryParagraph("The sole defendant, Francesco Schettino, made no comment.", false));
		assertThat(story.raw()).isEqualTo(STORY);
	}

	@Test
	void readsTheDocIdWhenThereIsNoDuKeyAndTheHeadsTitleWhenThereIsNoHeadline() {
		// given
		String nitf = "<nitf><head><title>Short title</title><docdata><doc-id id-string=\"doc-7\" regsrc=\"XYZ\"/>"
				+ "</docdata></head><body><body.content><p>Text.</p></body.content></body></nitf>";

		// when
		WireStory story = this.parser.parse(nitf);

		// then
		assertThat(story.guid()).isEqualTo("doc-7");
		assertThat(story.version()).isNull();
		assertThat(story.title()).isEqualTo("Short title");
		assertThat(story.source()).isEqualTo("XYZ");
	}

	@Test
	void takesAKillWithoutText() {
		// given
		String kill = "<nitf><head><docdata management-status=\"canceled\"><du-key key=\"concordia-trial\" "
				+ "generation=\"3\"/></docdata></head><body><body.head><hedline><hl1>KILL</hl1></hedline>"
				+ "</body.head></body></nitf>";

		// when
		WireStory story = this.parser.parse(kill);

		// then
		assertThat(story.status()).isEqualTo(StoryStatus.CANCELED);
		assertThat(story.version()).isEqualTo("3");
		assertThat(story.paragraphs()).isEmpty();
	}

	@Test
	void readsAnEmbargoFromTheReleaseDate() {
		// given
		String embargoed = "<nitf><head><docdata management-status=\"embargoed\">"
				+ "<date.release norm=\"20130710T120000-0500\"/></docdata></head>"
				+ "<body><body.content><p>Results.</p></body.content></body></nitf>";
		String noDate = "<nitf><head><docdata management-status=\"embargoed\"/></head>"
				+ "<body><body.content><p>Results.</p></body.content></body></nitf>";

		// when, then
		WireStory story = this.parser.parse(embargoed);
		assertThat(story.embargoedUntil()).isEqualTo(Instant.parse("2013-07-10T17:00:00Z"));
		assertThat(story.status()).isEqualTo(StoryStatus.USABLE);
		assertThat(story.publishedAt()).isEqualTo("2013-07-10T17:00:00Z");
		// embargoed until further notice: not to be used yet
		assertThat(this.parser.parse(noDate).status()).isEqualTo(StoryStatus.WITHHELD);
	}

	@Test
	void givesACorrectionItsSignal() {
		// given
		String corrected = "<nitf><head><docdata><correction info=\"Fixes the name.\"/></docdata></head>"
				+ "<body><body.content><p>Text.</p></body.content></body></nitf>";

		// when, then
		assertThat(this.parser.parse(corrected).signals()).containsExactly("sig:correction");
	}

	@Test
	void refusesADocumentWithoutStoryText() {
		// given
		String headlineOnly = "<nitf><body><body.head><hedline><hl1>Only a headline</hl1></hedline></body.head>"
				+ "</body></nitf>";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(headlineOnly))
			.withMessageContaining("no story text");
	}

	@Test
	void doesNotReadAnExternalEntity(@TempDir Path directory) throws IOException {
		// given
		Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP SECRET");
		String attack = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri()
				+ "\">\n]>\n<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(attack))
			.withMessageContaining("not well-formed XML (line 5")
			.withMessageContaining("xxe")
			.withMessageNotContaining("TOP SECRET");
	}

	@Test
	void doesNotReadAnExternalDtd(@TempDir Path directory) throws IOException {
		// given: a DTD that would declare the entity the document uses
		Path dtd = Files.writeString(directory.resolve("evil.dtd"), "<!ENTITY secret \"TOP SECRET\">");
		String attack = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"" + dtd.toUri() + "\">\n"
				+ "<nitf><body><body.content><p>&secret;</p></body.content></body></nitf>";
		String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY % dtd SYSTEM \"" + dtd.toUri()
				+ "\"> %dtd;]>\n<nitf><body><body.content><p>Text.</p></body.content></body></nitf>";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(attack))
			.withMessageNotContaining("TOP SECRET");
		assertThat(this.parser.parse(parameterEntity).paragraphs()).extracting(StoryParagraph::text)
			.containsExactly("Text.");
	}

	@Test
	void refusesAnEntityExpansionBomb() {
		// given
		String bomb = "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY a \"aaaaaaaaaa\">"
				+ "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
				+ "<nitf><body><body.content><p>&c;</p></body.content></body></nitf>";

		// when, then
		assertThatExceptionOfType(InvalidWireDocumentException.class).isThrownBy(() -> this.parser.parse(bomb))
			.withMessageContaining("not well-formed XML");
	}

}
