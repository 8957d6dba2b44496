package org.morgue.annotation;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding passages: resolving what a client gives, and following a passage into a
 * corrected text.
 */
class AnchoringTests {

	static final String BODY = "The junta met on Monday. The junta said little.\n\nObservers doubted the junta.";

	@Test
	void aQuoteIsGivenItsPositionAndContext() {
		PassageSelectors at = Anchoring.resolve(AnnotationTarget.ofQuote("said little", null, null), BODY);

		assertThat(at.start()).isEqualTo(BODY.indexOf("said little"));
		assertThat(at.end()).isEqualTo(at.start() + "said little".length());
		assertThat(at.prefix()).isEqualTo(BODY.substring(at.start() - Anchoring.CONTEXT, at.start()));
		assertThat(at.suffix()).isEqualTo(".\n\nObservers doubted the junta.");
	}

	@Test
	void aPositionIsGivenItsQuote() {
		PassageSelectors at = Anchoring.resolve(AnnotationTarget.ofPosition(0, 9), BODY);

		assertThat(at.exact()).isEqualTo("The junta");
		assertThat(at.prefix()).isEmpty();
	}

	@Test
	void aRepeatedQuoteIsPlacedByItsPrefixAndSuffix() {
		PassageSelectors at = Anchoring.resolve(AnnotationTarget.ofQuote("junta", "doubted the ", "."), BODY);

		assertThat(at.start()).isEqualTo(BODY.lastIndexOf("junta"));
	}

	@Test
	void aRepeatedQuoteWithoutContextIsRefused() {
		assertThatThrownBy(() -> Anchoring.resolve(AnnotationTarget.ofQuote("junta", null, null), BODY))
			.isInstanceOf(InvalidAnnotationException.class)
			.hasMessageContaining("occurs 3 times");
	}

	@Test
	void selectorsThatDisagreeAreRefused() {
		assertThatThrownBy(() -> Anchoring.resolve(new AnnotationTarget("junta", null, null, 0, 9), BODY))
			.isInstanceOf(InvalidAnnotationException.class)
			.hasMessageContaining("disagree");
	}

	@Test
	void aPositionOutsideTheTextIsRefused() {
		assertThatThrownBy(() -> Anchoring.resolve(AnnotationTarget.ofPosition(10, BODY.length() + 1), BODY))
			.isInstanceOf(InvalidAnnotationException.class);
		assertThatThrownBy(() -> Anchoring.resolve(AnnotationTarget.ofPosition(-1, 3), BODY))
			.isInstanceOf(InvalidAnnotationException.class);
		assertThatThrownBy(() -> Anchoring.resolve(new AnnotationTarget(null, null, null, 3, null), BODY))
			.isInstanceOf(InvalidAnnotationException.class);
		assertThatThrownBy(() -> Anchoring.resolve(new AnnotationTarget(null, null, null, null, null), BODY))
			.isInstanceOf(InvalidAnnotationException.class);
	}

	@Test
	void aPassageStillInItsPlaceStaysThere() {
		PassageSelectors old = Anchoring.at(BODY, BODY.indexOf("said"), BODY.indexOf("said") + 4);
		String corrected = BODY.replace("Observers doubted", "Diplomats doubted");

		assertThat(Anchoring.reanchor(old, corrected)).contains(Anchoring.at(corrected, old.start(), old.end()));
	}

	@Test
	void aPassageMovesWithTheTextAroundIt() {
		PassageSelectors old = Anchoring.at(BODY, BODY.indexOf("said little"), BODY.indexOf("said little") + 11);
		String corrected = "Late on Sunday, " + BODY.replace("met on Monday", "met for hours on Monday");

		Optional<PassageSelectors> moved = Anchoring.reanchor(old, corrected);

		assertThat(moved).isPresent();
		assertThat(corrected.substring(moved.get().start(), moved.get().end())).isEqualTo("said little");
		assertThat(moved.get().start()).isEqualTo(corrected.indexOf("said little"));
	}

	@Test
	void aRepeatedWordFollowsItsContextNotItsOldOffset() {
		// the second "junta" was annotated
		int second = BODY.indexOf("junta", BODY.indexOf("junta") + 1);
		PassageSelectors old = Anchoring.at(BODY, second, second + 5);
		String corrected = "Again, " + BODY;

		PassageSelectors moved = Anchoring.reanchor(old, corrected).orElseThrow();

		assertThat(moved.start()).isEqualTo(second + "Again, ".length());
		assertThat(moved.prefix()).endsWith("Monday. The ");
	}

	@Test
	void amongEqualFitsTheNearestToTheOldPlaceWins() {
		String body = "vote. vote. vote.";
		PassageSelectors old = new PassageSelectors("vote", "x", "y", 7, 11);

		assertThat(Anchoring.reanchor(old, "XX" + body).orElseThrow().start()).isEqualTo(8);
	}

	@Test
	void aPassageWhoseQuoteIsGoneIsOrphaned() {
		PassageSelectors old = Anchoring.at(BODY, BODY.indexOf("Observers"), BODY.indexOf("Observers") + 9);

		assertThat(Anchoring.reanchor(old, BODY.replace("Observers doubted the junta.", "Nobody spoke."))).isEmpty();
	}

}
