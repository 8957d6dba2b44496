package org.morgue.copies;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes two texts copies: shingles that house styles do not change, containment for
 * a copy cut short, facts that stories from one template do not share, and bands that
 * copies share.
 */
class CopySignatureTests {

	private static final CopiesProperties DEFAULTS = new CopiesProperties(null, null, null, null, null, null, null);

	private static final String STORY = String.join("\n\n", CopyStories.story("mharbourtest", 11));

	@Test
	void houseStylesReadAlike() {
		CopySignature wire = CopySignature
			.of("Output rose 4.5 pct to 12 mln tonnes, the U.S. agency said on Tuesday, and Mr Smith said prices fell.");
		CopySignature paper = CopySignature
			.of("Output rose 4.5 per cent to 12 million tons, the US agency says on Tuesday, and Smith says prices fell.");

		assertThat(paper.shingles()).isEqualTo(wire.shingles());
		assertThat(paper.textHash()).isEqualTo(wire.textHash());
	}

	@Test
	void aCopyCutShortIsContainedWhole() {
		String cut = STORY.substring(0, STORY.lastIndexOf("\n\n"));

		CopySignature story = CopySignature.of(STORY);
		CopySignature copy = CopySignature.of(cut);

		assertThat(copy.containment(story)).isEqualTo(1.0);
		assertThat(copy.size()).isLessThan(story.size());
		assertThat(DEFAULTS.copies(story, copy)).isTrue();
	}

	@Test
	void copiesShareBandsAndUnrelatedStoriesDoNot() {
		CopySignature story = CopySignature.of(STORY);
		CopySignature restyled = CopySignature
			.of(String.join("\n\n", CopyStories.restyled(CopyStories.story("mharbourtest", 11))));
		CopySignature other = CopySignature.of(String.join("\n\n", CopyStories.story("mothertest", 12)));

		assertThat(story.bands()).hasSize(CopySignature.BANDS + CopySignature.LEAD_BANDS);
		CopySignature local = CopySignature
			.of(String.join("\n\n", CopyStories.cutWithLocalParagraph(CopyStories.story("mharbourtest", 11),
					"Dock workers in Dubai said they were watching closely.")));
		assertThat(sharedBands(story, local)).isPositive();
		assertThat(sharedBands(story, other)).isZero();
		assertThat(DEFAULTS.copies(story, restyled)).isTrue();
		assertThat(DEFAULTS.copies(story, other)).isFalse();
	}

	@Test
	void storiesFromOneTemplateShareWordingNotFacts() {
		String template = "%s said its board declared a regular quarterly dividend of %s cts a share, payable %s to "
				+ "holders of record %s. The company said the dividend was unchanged from the previous quarter and "
				+ "that it expected to keep paying at that rate through the rest of the year, a spokesman said.";
		CopySignature acme = CopySignature.of(template.formatted("Acme Holdings Corp", "15", "April 10", "March 20"));
		CopySignature bolt = CopySignature.of(template.formatted("Bolt Industries Inc", "22", "May 1", "April 14"));

		assertThat(acme.containment(bolt)).isGreaterThan(0.5);
		assertThat(acme.factContainment(bolt)).isLessThan(0.6);
		assertThat(DEFAULTS.copies(acme, bolt)).isFalse();
	}

	@Test
	void storiesFromOneTemplateWithTheSameNamesDifferInTheirFigures() {
		String template = "Marion Laboratories Inc said its board declared a two-for-one common stock split in the "
				+ "form of a dividend, with distribution %s, record %s. The board also said it intends to increase "
				+ "the regular quarterly dividend by %s pct, to %s cts a share, reflecting the split. It said the "
				+ "increase will be declared at the May 1987 board meeting and reflected in regular payments "
				+ "beginning in July 1987.";
		CopySignature march = CopySignature.of(template.formatted("April 21", "March 25", "43", "5"));
		CopySignature june = CopySignature.of(template.formatted("June 12", "May 27", "25", "1"));
		CopySignature copy = CopySignature
			.of(template.formatted("April 21", "March 25", "43", "5").replace("declared", "declared on Monday")
					+ " Shares rose 2 pct in Kansas City.");

		assertThat(DEFAULTS.copies(march, june)).isFalse();
		assertThat(DEFAULTS.copies(march, copy)).isTrue();
	}

	@Test
	void aCopyOfTheLeadAloneSharesALeadBand() {
		String lead = STORY.substring(0, STORY.indexOf("\n\n"));

		assertThat(sharedBands(CopySignature.of(STORY), CopySignature.of(lead))).isPositive();
	}

	@Test
	void shortNoticesAreNeverCopies() {
		CopySignature one = CopySignature.of("Qtly div 15 cts vs 15 cts prior. Pay April 10. Record March 20.");
		CopySignature same = CopySignature.of("Qtly div 15 cts vs 15 cts prior. Pay April 10. Record March 20.");

		assertThat(one.size()).isLessThan(DEFAULTS.minShared());
		assertThat(DEFAULTS.copies(one, same)).isFalse();
	}

	@Test
	void settingsOutsideTheirRangeAreRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new CopiesProperties(null, 1.5, null, null, null, null, null))
			.withMessageContaining("min-containment");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new CopiesProperties(null, null, null, null, null, Duration.ofDays(-1), null))
			.withMessageContaining("window");
	}

	private static int sharedBands(CopySignature a, CopySignature b) {
		int shared = 0;
		for (long band : a.bands()) {
			for (long other : b.bands()) {
				if (band == other) {
					shared++;
				}
			}
		}
		return shared;
	}

}
