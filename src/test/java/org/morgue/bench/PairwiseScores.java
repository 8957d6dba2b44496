package org.morgue.bench;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.morgue.bench.CopiesCorpus.Edit;
import org.morgue.bench.CopiesCorpus.Item;
import org.morgue.bench.CopiesCorpus.Kind;

/**
 * Pairwise precision, recall and F1 of a grouping against {@link CopiesCorpus}'s ground
 * truth, over the items that have a story label (originals, copies, formulaic items): a
 * true pair is two items of one story, a predicted pair two items of one predicted group,
 * a correct pair both. An item the grouping does not mention is a group of its own. Pairs
 * are counted from group sizes, {@code n(n-1)/2}, never one by one.
 *
 * @param labelledItems items with a story label
 * @param truePairs pairs of labelled items in the same story
 * @param predictedPairs pairs of labelled items in the same predicted group
 * @param correctPairs pairs of labelled items in the same story and the same group
 * @param falseFormulaicLinks predicted pairs of two formulaic items of different stories,
 * which in the corpus is every predicted pair of two formulaic items (included in
 * {@code predictedPairs})
 * @param backgroundLinks predicted pairs with a background item in them, which the ground
 * truth says nothing about (not in {@code predictedPairs})
 * @param wireFormulaicLinks predicted pairs of two formulaic items both as Reuters sent
 * them, which the ground truth says nothing about either: the wire re-sent results and
 * dividend items, corrected or not, and those are copies (not in {@code predictedPairs}
 * nor in {@code falseFormulaicLinks})
 */
record PairwiseScores(long labelledItems, long truePairs, long predictedPairs, long correctPairs,
		long falseFormulaicLinks, long backgroundLinks, long wireFormulaicLinks) {

	PairwiseScores(long labelledItems, long truePairs, long predictedPairs, long correctPairs, long falseFormulaicLinks,
			long backgroundLinks) {
		this(labelledItems, truePairs, predictedPairs, correctPairs, falseFormulaicLinks, backgroundLinks, 0);
	}

	/** Whether the item is a formulaic story as Reuters sent it, not one made from it. */
	static boolean wireFormulaic(Item item) {
		return item.kind() == Kind.FORMULAIC && !item.key().contains("-");
	}

	/**
	 * Scores a grouping.
	 * @param predictedGroupByKey the predicted group of each item key; an item left out
	 * is alone
	 */
	static PairwiseScores of(List<Item> items, Map<String, Long> predictedGroupByKey) {
		Map<String, Long> storySizes = new HashMap<>();
		// For each predicted group: all items, labelled items, formulaic items.
		Map<Long, long[]> groupSizes = new HashMap<>();
		Map<Cell, Long> cells = new HashMap<>();
		Map<Cell, Long> formulaicCells = new HashMap<>();
		long labelled = 0;
		for (Item item : items) {
			if (item.story() != null) {
				labelled++;
				storySizes.merge(item.story(), 1L, Long::sum);
			}
			Long group = predictedGroupByKey.get(item.key());
			if (group == null) {
				continue;
			}
			long[] sizes = groupSizes.computeIfAbsent(group, (key) -> new long[4]);
			sizes[0]++;
			if (item.story() != null) {
				sizes[1]++;
				cells.merge(new Cell(group, item.story()), 1L, Long::sum);
				if (wireFormulaic(item)) {
					sizes[3]++;
				}
				if (item.kind() == Kind.FORMULAIC) {
					sizes[2]++;
					formulaicCells.merge(new Cell(group, item.story()), 1L, Long::sum);
				}
			}
		}
		long truePairs = 0;
		for (long size : storySizes.values()) {
			truePairs += pairs(size);
		}
		long predictedPairs = 0;
		long formulaicPairs = 0;
		long background = 0;
		long wire = 0;
		for (long[] sizes : groupSizes.values()) {
			predictedPairs += pairs(sizes[1]) - pairs(sizes[3]);
			formulaicPairs += pairs(sizes[2]) - pairs(sizes[3]);
			background += pairs(sizes[0]) - pairs(sizes[1]);
			wire += pairs(sizes[3]);
		}
		long correct = 0;
		for (long size : cells.values()) {
			correct += pairs(size);
		}
		// Every formulaic item is its own story, so this takes nothing off in the corpus.
		for (long size : formulaicCells.values()) {
			formulaicPairs -= pairs(size);
		}
		return new PairwiseScores(labelled, truePairs, predictedPairs, correct, formulaicPairs, background, wire);
	}

	/** Correct pairs among predicted ones; 0 when nothing was grouped. */
	double precision() {
		return (predictedPairs == 0) ? 0 : (double) correctPairs / predictedPairs;
	}

	/** Correct pairs among true ones; 0 when there are none. */
	double recall() {
		return (truePairs == 0) ? 0 : (double) correctPairs / truePairs;
	}

	double f1() {
		double precision = precision();
		double recall = recall();
		return (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
	}

	/**
	 * For each edit, how many copies got it and how many of those the grouping put with
	 * their original: a copy has several edits, so the figures overlap.
	 */
	static Map<Edit, EditRecall> editRecall(CopiesCorpus corpus, Map<String, Long> predictedGroupByKey) {
		Map<String, String> originalOfStory = new HashMap<>();
		for (Item item : corpus.items()) {
			if (item.kind() == Kind.ORIGINAL) {
				originalOfStory.put(item.story(), item.key());
			}
		}
		Map<Edit, long[]> counts = new EnumMap<>(Edit.class);
		for (Item item : corpus.items()) {
			if (item.kind() != Kind.COPY) {
				continue;
			}
			Long group = predictedGroupByKey.get(item.key());
			boolean found = group != null && group.equals(predictedGroupByKey.get(originalOfStory.get(item.story())));
			for (Edit edit : corpus.edits(item.key())) {
				long[] count = counts.computeIfAbsent(edit, (key) -> new long[2]);
				count[0]++;
				if (found) {
					count[1]++;
				}
			}
		}
		Map<Edit, EditRecall> recall = new EnumMap<>(Edit.class);
		counts.forEach((edit, count) -> recall.put(edit, new EditRecall(count[0], count[1])));
		return recall;
	}

	private static long pairs(long size) {
		return size * (size - 1) / 2;
	}

	/** Copies with one edit, and how many of them were grouped with their original. */
	record EditRecall(long copies, long withOriginal) {

		double recall() {
			return (copies == 0) ? 0 : (double) withOriginal / copies;
		}

	}

	/** A predicted group and a story label: the items that are both. */
	private record Cell(long group, String story) {
	}

}
