package org.morgue.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.morgue.bench.CopiesCorpus.Item;
import org.morgue.bench.CopiesCorpus.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link PairwiseScores} on a hand-made corpus: story A (an original and two copies,
 * three true pairs), story B (an original and one copy, one true pair), two formulaic
 * items of their own stories and one background item.
 */
class PairwiseScoresTests {

	private static final List<Item> ITEMS = List.of(item("a1", "A", Kind.ORIGINAL), item("a2", "A", Kind.COPY),
			item("a3", "A", Kind.COPY), item("b1", "B", Kind.ORIGINAL), item("b2", "B", Kind.COPY),
			item("x-f1", "F1", Kind.FORMULAIC), item("x-f2", "F2", Kind.FORMULAIC), item("g1", null, Kind.BACKGROUND));

	@Test
	void perfectGroupingScoresOne() {
		PairwiseScores scores = PairwiseScores.of(ITEMS, groups("a1 a2 a3", "b1 b2"));
		assertThat(scores).isEqualTo(new PairwiseScores(7, 4, 4, 4, 0, 0));
		assertThat(scores.precision()).isEqualTo(1.0);
		assertThat(scores.recall()).isEqualTo(1.0);
		assertThat(scores.f1()).isEqualTo(1.0);
	}

	@Test
	void singletonsGroupedAsSingletonsChangeNothing() {
		assertThat(PairwiseScores.of(ITEMS, groups("a1 a2 a3", "b1 b2", "x-f1", "x-f2", "g1")))
			.isEqualTo(PairwiseScores.of(ITEMS, groups("a1 a2 a3", "b1 b2")));
	}

	@Test
	void mergingTwoStoriesLowersPrecisionOnly() {
		// Five items in one group: 10 pairs, of which the 3 + 1 within a story are right.
		PairwiseScores scores = PairwiseScores.of(ITEMS, groups("a1 a2 a3 b1 b2"));
		assertThat(scores.predictedPairs()).isEqualTo(10);
		assertThat(scores.correctPairs()).isEqualTo(4);
		assertThat(scores.precision()).isEqualTo(0.4);
		assertThat(scores.recall()).isEqualTo(1.0);
		assertThat(scores.f1()).isCloseTo(2 * 0.4 / 1.4, within(1e-12));
	}

	@Test
	void splittingAStoryLowersRecallOnly() {
		// a3 on its own: of A's three pairs only a1-a2 is found.
		PairwiseScores scores = PairwiseScores.of(ITEMS, groups("a1 a2", "b1 b2"));
		assertThat(scores.correctPairs()).isEqualTo(2);
		assertThat(scores.precision()).isEqualTo(1.0);
		assertThat(scores.recall()).isEqualTo(0.5);
		assertThat(scores.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
	}

	@Test
	void formulaicItemsGroupedTogetherAreFalseLinks() {
		PairwiseScores scores = PairwiseScores.of(ITEMS, groups("a1 a2 a3", "b1 b2", "x-f1 x-f2"));
		assertThat(scores.falseFormulaicLinks()).isEqualTo(1);
		assertThat(scores.predictedPairs()).isEqualTo(5);
		assertThat(scores.precision()).isEqualTo(0.8);
		assertThat(scores.recall()).isEqualTo(1.0);
	}

	@Test
	void aFormulaicItemWithACopyIsAFalseLinkButNotAFormulaicOne() {
		PairwiseScores scores = PairwiseScores.of(ITEMS, groups("a1 a2 a3 x-f1", "b1 b2"));
		assertThat(scores.predictedPairs()).isEqualTo(7);
		assertThat(scores.falseFormulaicLinks()).isZero();
		assertThat(scores.precision()).isEqualTo(4.0 / 7);
	}

	@Test
	void linksBetweenFormulaicItemsAsTheWireSentThemAreReportedApart() {
		List<Item> items = new java.util.ArrayList<>(ITEMS);
		items.add(item("r7", "W7", Kind.FORMULAIC));
		items.add(item("r8", "W8", Kind.FORMULAIC));

		PairwiseScores scores = PairwiseScores.of(items, groups("a1 a2 a3", "b1 b2", "r7 r8"));

		assertThat(scores.wireFormulaicLinks()).isEqualTo(1);
		assertThat(scores.falseFormulaicLinks()).isZero();
		assertThat(scores.predictedPairs()).isEqualTo(4);
		assertThat(scores.precision()).isEqualTo(1.0);
	}

	@Test
	void backgroundLinksAreReportedApart() {
		// g1 with story A: three pairs with g1, none of them in precision or recall.
		PairwiseScores scores = PairwiseScores.of(ITEMS, groups("a1 a2 a3 g1", "b1 b2"));
		assertThat(scores.backgroundLinks()).isEqualTo(3);
		assertThat(scores.predictedPairs()).isEqualTo(4);
		assertThat(scores.precision()).isEqualTo(1.0);
		assertThat(scores.recall()).isEqualTo(1.0);
	}

	@Test
	void nothingGroupedScoresZero() {
		PairwiseScores scores = PairwiseScores.of(ITEMS, Map.of());
		assertThat(scores).isEqualTo(new PairwiseScores(7, 4, 0, 0, 0, 0));
		assertThat(scores.precision()).isZero();
		assertThat(scores.recall()).isZero();
		assertThat(scores.f1()).isZero();
	}

	/** Groups numbered from 1, each given as its keys separated by spaces. */
	private static Map<String, Long> groups(String... groups) {
		Map<String, Long> byKey = new HashMap<>();
		for (int i = 0; i < groups.length; i++) {
			for (String key : groups[i].split(" ")) {
				byKey.put(key, i + 1L);
			}
		}
		return byKey;
	}

	private static Item item(String key, String story, Kind kind) {
		return new Item(key, "Title " + key, List.of("Body of " + key + "."), "Reuters", LocalDate.of(1987, 3, 2),
				story, kind);
	}

}
