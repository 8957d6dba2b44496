package org.morgue.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCopyParserTests {

	private static final String AFP_TITLE = "Russia backs the Myanmar junta’s efforts to “stabilise” the crisis-wracked "
			+ "country and hold elections next year";

	/**
	 * Invented copy in the style of Reuters-21578: hard-wrapped, indented paragraphs,
	 * sign-off and U+0003.
	 */
	private static final String REUTERS_STYLE = ""
			+ "    NEW YORK, Feb 26 - Acme Widget Corp said it agreed to sell its\n"
			+ "industrial products division to a group of investors for 40 mln\n" + "dlrs in cash.\n"
			+ "    The company said the sale would be completed in the second\n"
			+ "quarter and would produce a gain of about five mln dlrs.\n"
			+ "    Acme said it would use the proceeds to reduce debt.\n" + " Reuter\n" + "\u0003";

	private static final String STORY_WITH_HEADLINE = "" + "Russia backs Myanmar junta’s election plan\n"
			+ "By Jane Doe, Reuters\n" + "\n"
			+ "YANGON, Aug 3 (Reuters) - Russia backs the Myanmar junta’s plan to hold elections next year, its "
			+ "foreign minister said on Wednesday, according to Russian state media.\n" + "\n"
			+ "The junta has yet to comment on Sergei Lavrov’s visit, the first by a Russian foreign minister since "
			+ "the coup.\n";

	private final WireCopyParser parser = new WireCopyParser();

	@Test
	void parsesTheAfpSamplePastedTwice() throws IOException {
		// given
		String raw = fixture("/wire/afp-myanmar-raw.txt");

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.source()).isEqualTo("AFP");
		assertThat(copy.byline()).isEqualTo("AFP");
		assertThat(copy.dateline().text()).isEqualTo("YANGON:");
		assertThat(copy.dateline().place()).isEqualTo("YANGON");
		assertThat(copy.dateline().placeDisplay()).isEqualTo("Yangon");
		assertThat(copy.dateline().day()).isNull();
		assertThat(copy.body()).startsWith("Russia backs the Myanmar junta’s efforts");
		assertThat(copy.body().split("More than 2,100 people have been killed", -1)).hasSize(2);
		// the fixture holds 23 paragraphs per copy, the crosshead being the 13th
		assertThat(copy.paragraphs()).hasSize(23);
		assertThat(copy.subheadIndexes()).containsExactly(12);
		assertThat(copy.paragraphs().get(12)).isEqualTo(new Paragraph("‘Disappointed and disturbed’", true));
		assertThat(copy.paragraphs().get(22).text())
			.isEqualTo("More than 2,100 people have been killed in a military crackdown on dissent, according to a "
					+ "local monitor.");
		assertThat(copy.title()).isEqualTo(AFP_TITLE);
		assertThat(copy.titleDerived()).isTrue();
		assertThat(copy.publishedDate()).isNull();
		assertThat(copy.signOff()).isNull();
		assertThat(copy.notes()).contains(WireCopyParser.NOTE_PASTED_TWICE, WireCopyParser.NOTE_TITLE_DERIVED);
	}

	@Test
	void usesAHeadlineLineAsTheTitle() {
		// when
		ParsedCopy copy = parser.parse(STORY_WITH_HEADLINE);

		// then
		assertThat(copy.title()).isEqualTo("Russia backs Myanmar junta’s election plan");
		assertThat(copy.titleDerived()).isFalse();
		assertThat(copy.notes()).doesNotContain(WireCopyParser.NOTE_TITLE_DERIVED);
		assertThat(copy.byline()).isEqualTo("Jane Doe");
		assertThat(copy.source()).isEqualTo("Reuters");
		assertThat(copy.dateline().text()).isEqualTo("YANGON, Aug 3 (Reuters) -");
		assertThat(copy.dateline().day()).isEqualTo(MonthDay.of(Month.AUGUST, 3));
		assertThat(copy.dateline().agency()).isEqualTo("Reuters");
		assertThat(copy.publishedDate()).isNull();
		assertThat(copy.paragraphs()).extracting(Paragraph::text)
			.containsExactly(
					"Russia backs the Myanmar junta’s plan to hold elections next year, its foreign minister said on "
							+ "Wednesday, according to Russian state media.",
					"The junta has yet to comment on Sergei Lavrov’s visit, the first by a Russian foreign minister since "
							+ "the coup.");
	}

	@Test
	void usesAHeadlineLineAboveOneParagraphPerLineCopy() {
		// given
		String raw = "Russia backs Myanmar junta’s election plan\n"
				+ "YANGON: Russia backs the Myanmar junta’s plan to hold elections next year, its foreign minister said.\n"
				+ "The junta has yet to comment on the visit.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("Russia backs Myanmar junta’s election plan");
		assertThat(copy.titleDerived()).isFalse();
		assertThat(copy.dateline().text()).isEqualTo("YANGON:");
		assertThat(copy.paragraphs()).hasSize(2);
	}

	@Test
	void takesAHeadlineAndBylineAboveHardWrappedParagraphs() {
		// given
		String raw = "Russia backs junta plan\n" + "By Jane Doe\n" + "\n"
				+ "YANGON, Aug 3 (Reuters) - Russia backs the Myanmar junta plan to hold\n"
				+ "elections next year, its foreign minister said on Wednesday.\n" + "\n"
				+ "The junta has yet to comment on the visit by the minister, which\n"
				+ "was not announced in advance.\n" + "\n" + "(Reporting by Jane Doe;\n" + "Editing by John Roe)\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("Russia backs junta plan");
		assertThat(copy.byline()).isEqualTo("Jane Doe");
		assertThat(copy.paragraphs()).extracting(Paragraph::text)
			.containsExactly(
					"Russia backs the Myanmar junta plan to hold elections next year, its foreign minister said on "
							+ "Wednesday.",
					"The junta has yet to comment on the visit by the minister, which was not announced in advance.");
		assertThat(copy.signOff()).isEqualTo("(Reporting by Jane Doe; Editing by John Roe)");
	}

	@Test
	void takesAHeadlineInCapitalsThatHasTheShapeOfADateline() {
		// given
		String raw = "SUGAR QUOTA IMPORTS DETAILED -- USDA\n"
				+ "    WASHINGTON, Feb 26 - The U.S. Agriculture Department said\n"
				+ "cumulative sugar imports from individual countries were as\n" + "follows.\n" + " Reuter\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("SUGAR QUOTA IMPORTS DETAILED -- USDA");
		assertThat(copy.dateline().placeDisplay()).isEqualTo("Washington");
		assertThat(copy.body()).isEqualTo("The U.S. Agriculture Department said cumulative sugar imports from "
				+ "individual countries were as follows.");
	}

	@Test
	void undoesReutersHardWrapsSplitsOnIndentationAndTakesTheSignOff() {
		// when
		ParsedCopy copy = parser.parse(REUTERS_STYLE);

		// then
		assertThat(copy.dateline().text()).isEqualTo("NEW YORK, Feb 26 -");
		assertThat(copy.dateline().place()).isEqualTo("NEW YORK");
		assertThat(copy.dateline().placeDisplay()).isEqualTo("New York");
		assertThat(copy.dateline().day()).isEqualTo(MonthDay.of(Month.FEBRUARY, 26));
		assertThat(copy.dateline().year()).isNull();
		assertThat(copy.publishedDate()).isNull();
		assertThat(copy.paragraphs()).extracting(Paragraph::text)
			.containsExactly(
					"Acme Widget Corp said it agreed to sell its industrial products division to a group of investors for "
							+ "40 mln dlrs in cash.",
					"The company said the sale would be completed in the second quarter and would produce a gain of about "
							+ "five mln dlrs.",
					"Acme said it would use the proceeds to reduce debt.");
		assertThat(copy.signOff()).isEqualTo("Reuter");
		assertThat(copy.source()).isEqualTo("Reuters");
		assertThat(copy.byline()).isNull();
		assertThat(copy.body()).doesNotContain("Reuter", "\u0003");
		assertThat(copy.notes()).anyMatch(note -> note.contains("no year"));
	}

	@Test
	void takesReutersOldSignOffBelowAListWhoseLastLineEndsNoSentence() {
		// given
		String raw = "WIDGET MAKERS' ANNUAL MEETINGS - MARCH 5\n" + " Acme Widget Corp\n" + " Example Holdings Inc\n"
				+ " Reuter\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("WIDGET MAKERS' ANNUAL MEETINGS - MARCH 5");
		assertThat(copy.body()).isEqualTo("Acme Widget Corp Example Holdings Inc");
		assertThat(copy.signOff()).isEqualTo("Reuter");
	}

	@Test
	void keepsTheAgencysNameEndingAWrappedSentenceWithoutFullStop() {
		// given
		String raw = "    LONDON, March 3 - The company declined to comment on the sale when\n"
				+ "it was asked about it by a reporter working for\n" + "Reuters\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.body()).endsWith("by a reporter working for Reuters");
		assertThat(copy.signOff()).isNull();
	}

	@Test
	void takesALineAloneAboveADatelineAsTheHeadlineEvenWhenItReadsLikeADateline() {
		// given
		String raw = "WIDGET LEVY TO END MAY 1 - OFFICIALS\n" + "\n" + "    By Jane Doe, Reuters\n"
				+ "    OSLO, April 2 - The levy on imported widgets will end on May 1,\n"
				+ "officials of the trade office said.\n" + " Reuter\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("WIDGET LEVY TO END MAY 1 - OFFICIALS");
		assertThat(copy.titleDerived()).isFalse();
		assertThat(copy.byline()).isEqualTo("Jane Doe");
		assertThat(copy.dateline().place()).isEqualTo("OSLO");
		assertThat(copy.body())
			.isEqualTo("The levy on imported widgets will end on May 1, officials of the trade office " + "said.");
	}

	@Test
	void takesALineAloneAboveADatelineAsTheHeadlineDespiteAStrayFullStop() {
		// given
		String raw = "ACME SELLS WIDGET UNIT.\n" + "\n"
				+ "    NEW YORK, March 3 - Acme Corp said it sold its widget unit to\n"
				+ "Example Holdings for an undisclosed sum.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("ACME SELLS WIDGET UNIT.");
		assertThat(copy.dateline().place()).isEqualTo("NEW YORK");
		assertThat(copy.paragraphs()).hasSize(1);
	}

	@Test
	void takesASignOffRunIntoTheLastLine() {
		// given
		String raw = "LONDON, Feb 26 - Shares in Acme rose sharply after the company said it would sell its\n"
				+ "industrial unit to a group of investors for 40 mln dlrs. Reuter\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.body()).endsWith("for 40 mln dlrs.");
		assertThat(copy.signOff()).isEqualTo("Reuter");
		assertThat(copy.source()).isEqualTo("Reuters");
	}

	@Test
	void keepsTheWordReutersWhenItIsPartOfTheSentence() {
		// given
		String raw = "LONDON (AFP) - The company declined to comment when contacted by Reuters\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.body()).isEqualTo("The company declined to comment when contacted by Reuters");
		assertThat(copy.signOff()).isNull();
		assertThat(copy.source()).isEqualTo("AFP");
	}

	@Test
	void movesCreditsContactAndCopyrightLinesToTheSignOff() {
		// given
		String raw = "LONDON (Reuters) - Britain’s economy grew by 0.1% in the first quarter, official data showed on "
				+ "Friday, avoiding a recession.\n\n"
				+ "The figures were in line with forecasts in a Reuters poll of economists.\n\n"
				+ "(Reporting by Jane Doe; Editing by John Roe)\n"
				+ "((jane.doe@thomsonreuters.com; +44 20 7542 0000))\n" + "(c) Copyright Thomson Reuters 2023\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.signOff()).isEqualTo("(Reporting by Jane Doe; Editing by John Roe)\n"
				+ "((jane.doe@thomsonreuters.com; +44 20 7542 0000))\n" + "(c) Copyright Thomson Reuters 2023");
		assertThat(copy.paragraphs()).hasSize(2);
		assertThat(copy.body()).endsWith("in a Reuters poll of economists.");
		assertThat(copy.notes()).contains(WireCopyParser.NOTE_SIGN_OFF);
	}

	@Test
	void movesAgencySignOffsAndApCopyrightToTheSignOff() {
		// given
		String raw = "WASHINGTON — The Senate passed the spending bill late on Thursday after a marathon session.\n"
				+ "The House is expected to vote on it next week.\n" + "-- AFP\n"
				+ "Copyright 2023 The Associated Press. All rights reserved.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.signOff()).isEqualTo("-- AFP\nCopyright 2023 The Associated Press. All rights reserved.");
		assertThat(copy.source()).isEqualTo("AFP");
		assertThat(copy.body()).endsWith("next week.");
	}

	@Test
	void movesTheAfpDeskSlugToTheSignOff() {
		// given
		String raw = "YANGON (AFP) - Russia backs the Myanmar junta’s efforts to hold elections next year, its "
				+ "foreign minister said on Wednesday.\n" + "The junta has yet to comment on the visit.\n"
				+ "bur-jfx/ser\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.signOff()).isEqualTo("bur-jfx/ser");
		assertThat(copy.body()).endsWith("comment on the visit.");
	}

	@Test
	void takesTheSourceFromACopyrightLineWhenNothingElseNamesOne() {
		// given
		String raw = "WASHINGTON — The Senate passed the spending bill late on Thursday after a marathon session.\n"
				+ "The House is expected to vote on it next week.\n"
				+ "Copyright 2023 The Associated Press. All rights reserved.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.source()).isEqualTo("AP");
		assertThat(copy.signOff()).isEqualTo("Copyright 2023 The Associated Press. All rights reserved.");
	}

	@Test
	void prefersTheBylineAgencyOverTheSignOffAgency() {
		// given
		String raw = "By Jane Doe / AP\n"
				+ "WASHINGTON (AFP) — The Senate passed the spending bill late on Thursday after a marathon session.\n"
				+ "The House is expected to vote on it next week.\n" + "Reuters\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.source()).isEqualTo("AP");
		assertThat(copy.dateline().agency()).isEqualTo("AFP");
		assertThat(copy.signOff()).isEqualTo("Reuters");
	}

	@Test
	void prefersTheDatelineAgencyOverTheSignOffAgency() {
		// given
		String raw = "By Jane Doe\n"
				+ "WASHINGTON (AP) — The Senate passed the spending bill late on Thursday after a marathon session.\n"
				+ "(AFP)\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.byline()).isEqualTo("Jane Doe");
		assertThat(copy.source()).isEqualTo("AP");
		assertThat(copy.signOff()).isEqualTo("(AFP)");
	}

	@Test
	void fillsThePublishedDateFromADatelineWithAYear() {
		// given
		String raw = "LONDON, March 3, 2023 (Reuters) - Britain’s economy grew by 0.1% in the first quarter, official "
				+ "data showed on Friday.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.dateline().year()).isEqualTo(2023);
		assertThat(copy.publishedDate()).isEqualTo(LocalDate.of(2023, 3, 3));
		assertThat(copy.body()).startsWith("Britain’s economy grew");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3 August 2022", "Aug 3, 2022", "2022-08-03", "Wednesday, August 3, 2022",
			"Published: 3 Aug 2022 10:15 GMT" })
	void fillsThePublishedDateFromAStandAloneHeaderDateLine(String dateLine) {
		// given
		String raw = "Heatwave grips southern Europe\n" + dateLine + "\n" + "By AFP\n" + "\n"
				+ "ROME (AFP) - Temperatures climbed above 40 degrees Celsius across southern Europe on Wednesday, "
				+ "forecasters said.\n" + "\n" + "Firefighters battled blazes in Greece and Spain.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.publishedDate()).isEqualTo(LocalDate.of(2022, 8, 3));
		assertThat(copy.title()).isEqualTo("Heatwave grips southern Europe");
		assertThat(copy.byline()).isEqualTo("AFP");
		assertThat(copy.body()).startsWith("Temperatures climbed").doesNotContain("2022");
	}

	@Test
	void neverGuessesTheYear() {
		assertThat(parser.parse(REUTERS_STYLE).publishedDate()).isNull();
		assertThat(parser.parse(STORY_WITH_HEADLINE).publishedDate()).isNull();
	}

	@Test
	void joinsHardWrappedLinesOfBlankLineSeparatedParagraphs() {
		// given
		String raw = "The central bank raised interest rates by half a point on\n"
				+ "Thursday, its biggest increase in 27 years, as it tries to\n" + "tame inflation.\n" + "\n"
				+ "Governor Jane Doe said further rises were likely if price\n" + "pressures   did not ease.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).extracting(Paragraph::text)
			.containsExactly(
					"The central bank raised interest rates by half a point on Thursday, its biggest increase in 27 years, "
							+ "as it tries to tame inflation.",
					"Governor Jane Doe said further rises were likely if price pressures did not ease.");
		assertThat(copy.body()).isEqualTo(copy.paragraphs().get(0).text() + "\n\n" + copy.paragraphs().get(1).text());
		assertThat(copy.title()).isEqualTo("The central bank raised interest rates by half a point on Thursday");
	}

	@Test
	void treatsCrlfAndCrLikeLineFeeds() {
		// given
		String lf = STORY_WITH_HEADLINE;

		// when
		ParsedCopy fromCrlf = parser.parse(lf.replace("\n", "\r\n"));
		ParsedCopy fromCr = parser.parse(lf.replace("\n", "\r"));

		// then
		assertThat(fromCrlf).isEqualTo(parser.parse(lf));
		assertThat(fromCr).isEqualTo(parser.parse(lf));
		assertThat(fromCrlf.body()).doesNotContain("\r");
	}

	@Test
	void stripsTheByteOrderMarkAndControlCharactersButKeepsTypographicPunctuation() {
		// given
		String raw = "\uFEFFBy AFP\u0002\n"
				+ "YANGON: Russia backs the junta’s \u0007efforts to “stabilise” the country — officials said.   \n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.byline()).isEqualTo("AFP");
		assertThat(copy.body())
			.isEqualTo("Russia backs the junta’s efforts to “stabilise” the country — officials said.");
	}

	@Test
	void doesNotTakeASentenceStartingWithByForAByline() {
		// given
		String raw = "By the end of the year, the bank expects inflation to fall below 5 percent, its governor said.\n"
				+ "It raised rates three times in the past six months.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.byline()).isNull();
		assertThat(copy.paragraphs()).hasSize(2);
		assertThat(copy.body()).startsWith("By the end of the year, the bank expects");
		assertThat(copy.title()).isEqualTo("By the end of the year");
	}

	@Test
	void doesNotTakeAShortMidStoryLineEndingWithAFullStopForACrosshead() {
		// given
		String raw = "LONDON (Reuters) - The talks collapsed on Monday after negotiators failed to agree on the "
				+ "terms of a ceasefire.\n" + "It was over.\n"
				+ "Both sides blamed each other for the failure and said they would return to the battlefield.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).hasSize(3);
		assertThat(copy.subheadIndexes()).isEmpty();
	}

	@Test
	void marksAShortMidStoryLineWithoutFinalPunctuationAsACrosshead() {
		// given
		String raw = "LONDON (Reuters) - The talks collapsed on Monday after negotiators failed to agree on the "
				+ "terms of a ceasefire.\n" + "“Back to the battlefield”\n"
				+ "Both sides blamed each other for the failure and said they would return to the battlefield.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.subheadIndexes()).containsExactly(1);
		assertThat(copy.body()).contains("\n\n“Back to the battlefield”\n\n");
	}

	@Test
	void doesNotMarkListsOrTableRowsAsCrossheads() {
		// given
		String raw = "LONDON (Reuters) - The company reported the following results for the year to December, "
				+ "compared with the year before.\n" + "Shr 1.20 dlrs vs 1.10 dlrs\n" + "Net 12.6 mln vs 11.8 mln\n"
				+ "The company said it expected further growth in the current year as demand recovered.\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.subheadIndexes()).isEmpty();
	}

	@Test
	void derivesATitleFromASingleParagraphStoryWithoutCrosshead() {
		// given
		String raw = "Officials said on Monday that the bridge would reopen next week after repairs, ending months "
				+ "of delays for commuters.";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).containsExactly(new Paragraph(raw, false));
		assertThat(copy.subheadIndexes()).isEmpty();
		assertThat(copy.title())
			.isEqualTo("Officials said on Monday that the bridge would reopen next week after repairs");
		assertThat(copy.titleDerived()).isTrue();
		assertThat(copy.notes()).contains(WireCopyParser.NOTE_TITLE_DERIVED);
	}

	@Test
	void shortensALongLeadWithoutClauseBreakAtAWordBoundary() {
		// given
		String raw = "The regional bloc joined a chorus of international outrage last week after the junta announced "
				+ "it had executed four prisoners in the country’s first use of capital punishment in decades.";

		// when
		String title = parser.parse(raw).title();

		// then
		assertThat(title).hasSizeLessThanOrEqualTo(100)
			.endsWith("…")
			.startsWith("The regional bloc joined a chorus of international outrage last week after the junta");
		assertThat(raw).startsWith(title.substring(0, title.length() - 1));
	}

	@Test
	void derivesATitleFromALeadGivenOnItsOwn() {
		assertThat(
				WireCopyParser.deriveTitle("Russia backs the Myanmar junta’s efforts to “stabilise” the crisis-wracked "
						+ "country and hold elections next year, its foreign\nminister said on Wednesday."))
			.isEqualTo(AFP_TITLE);
		assertThat(WireCopyParser.deriveTitle("Prices rose.")).isEqualTo("Prices rose");
		assertThat(WireCopyParser.deriveTitle("In London, prices rose.")).isEqualTo("In London, prices rose");
		assertThat(WireCopyParser.deriveTitle(" ")).isEmpty();
	}

	@Test
	void endsTheDerivedTitleAtTheFirstSentence() {
		// given
		String raw = "Mr. Lavrov arrived in Naypyidaw on Wednesday. He met the junta chief for talks.";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.title()).isEqualTo("Mr. Lavrov arrived in Naypyidaw on Wednesday");
	}

	@Test
	void keepsAStoryPastedTwiceAfterARepeatedHeaderOnce() {
		// given
		String story = "PARIS (AFP) - French lawmakers approved the pension reform on Monday after months of protests.\n"
				+ "The government survived two votes of no confidence.\n"
				+ "Unions called for another day of strikes.\n" + "The reform raises the retirement age to 64.\n";
		String raw = "Pension reform approved\nBy AFP\n" + story + "Pension reform approved\nBy AFP\n" + story;

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).hasSize(4);
		assertThat(copy.title()).isEqualTo("Pension reform approved");
		assertThat(copy.body()).doesNotContain("By AFP", "Pension reform approved");
		assertThat(copy.notes()).contains(WireCopyParser.NOTE_PASTED_TWICE);
	}

	@Test
	void keepsAnExactDuplicateOfTheWholeTextOnce() {
		// given
		String raw = STORY_WITH_HEADLINE + "\n" + STORY_WITH_HEADLINE;

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).isEqualTo(parser.parse(STORY_WITH_HEADLINE).paragraphs());
		assertThat(copy.notes()).contains(WireCopyParser.NOTE_PASTED_TWICE);
	}

	@Test
	void keepsOnceAStoryWhoseSecondCopyAloneCarriesTheSignOff() {
		// given
		String story = "    NEW YORK, Feb 26 - Acme Widget Corp said it agreed to sell its\n"
				+ "industrial products division for 40 mln dlrs.\n"
				+ "    The company said the sale would close in the second quarter.\n"
				+ "    Acme said it would use the proceeds to reduce debt.\n";

		// when
		ParsedCopy copy = parser.parse(story + story + " Reuter\n");

		// then
		assertThat(copy.paragraphs()).hasSize(3);
		assertThat(copy.signOff()).isEqualTo("Reuter");
		assertThat(copy.notes()).contains(WireCopyParser.NOTE_PASTED_TWICE);
	}

	@Test
	void keepsLegitimatelyRepeatedShortParagraphs() {
		// given
		String raw = "KYIV, Ukraine (AP) — Crowds gathered in the capital on Sunday to mark the anniversary of the war.\n"
				+ "“Glory to Ukraine!”\n"
				+ "Speakers thanked the soldiers defending the country and remembered the dead.\n"
				+ "“Glory to Ukraine!”\n";

		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).hasSize(4);
		assertThat(copy.notes()).doesNotContain(WireCopyParser.NOTE_PASTED_TWICE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\n", " \t\r\n \n", "\uFEFF" })
	void givesAnEmptyBodyForBlankText(String raw) {
		// when
		ParsedCopy copy = parser.parse(raw);

		// then
		assertThat(copy.paragraphs()).isEmpty();
		assertThat(copy.body()).isEmpty();
		assertThat(copy.title()).isNull();
		assertThat(copy.titleDerived()).isFalse();
		assertThat(copy.subheadIndexes()).isEmpty();
	}

	@Test
	void parsesLargeOddTextInLinearTime() {
		// given
		String[] odd = { ".".repeat(100_000), "x   y\n".repeat(20_000), ("word ".repeat(15) + "\n").repeat(2_000),
				"Mr. ".repeat(25_000), "A".repeat(100_000) + ": x", ".".repeat(50_000) + "”".repeat(50_000) + "x" };

		// when / then
		assertTimeout(Duration.ofSeconds(10), () -> {
			for (String raw : odd) {
				assertThat(parser.parse(raw).paragraphs()).isNotEmpty();
			}
		});
	}

	@Test
	void rejectsNull() {
		assertThatNullPointerException().isThrownBy(() -> parser.parse(null));
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = WireCopyParserTests.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
