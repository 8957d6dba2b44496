package org.morgue.ner;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.morgue.ner.ConllDocuments.Span;

/**
 * Entity-level precision, recall and F1 as in the CoNLL evaluation: a predicted name
 * counts only when its span and its type are both exactly the gold one's. Only
 * {@link ConllDocuments#SCORED} types count, on both sides; MISC is neither rewarded nor
 * punished.
 */
final class NerScores {

	private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

	NerScores() {
		for (EntityType type : ConllDocuments.SCORED) {
			counts.put(type, new int[3]);
		}
	}

	/** Adds one document's gold and predicted names. */
	void add(List<Span> gold, List<Span> predicted) {
		Set<Span> goldSet = new HashSet<>(gold);
		Set<Span> predictedSet = new HashSet<>();
		for (Span span : predicted) {
			if (ConllDocuments.SCORED.contains(span.type())) {
				predictedSet.add(span);
			}
		}
		for (Span span : predictedSet) {
			counts.get(span.type())[goldSet.contains(span) ? 0 : 1]++;
		}
		for (Span span : goldSet) {
			if (!predictedSet.contains(span)) {
				counts.get(span.type())[2]++;
			}
		}
	}

	/**
	 * Precision, recall and F1 in percent for one type, or for all ({@code null},
	 * micro-averaged).
	 */
	double[] figures(EntityType type) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (Map.Entry<EntityType, int[]> entry : counts.entrySet()) {
			if (type == null || entry.getKey() == type) {
				tp += entry.getValue()[0];
				fp += entry.getValue()[1];
				fn += entry.getValue()[2];
			}
		}
		double precision = (tp + fp == 0) ? 0 : 100.0 * tp / (tp + fp);
		double recall = (tp + fn == 0) ? 0 : 100.0 * tp / (tp + fn);
		double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
		return new double[] { precision, recall, f1 };
	}

	double f1() {
		return figures(null)[2];
	}

	/** Gold names of a type (all scored types: {@code null}). */
	int gold(EntityType type) {
		int total = 0;
		for (Map.Entry<EntityType, int[]> entry : counts.entrySet()) {
			if (type == null || entry.getKey() == type) {
				total += entry.getValue()[0] + entry.getValue()[2];
			}
		}
		return total;
	}

}
