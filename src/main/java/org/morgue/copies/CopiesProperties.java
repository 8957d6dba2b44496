package org.morgue.copies;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of copy grouping, under {@code morgue.copies}. The defaults are the ones the
 * copies benchmark chose (docs/benchmarks.md, "Copies"): with them no two formulaic
 * stories (results, dividends) were linked.
 *
 * @param enabled whether saved articles are grouped as they are stored (the backlog job
 * catches up on those stored while it was off)
 * @param minContainment the share of the shorter text's shingles the other text must have
 * for the two to be copies
 * @param minShared the fewest shingles two texts must share, whatever their lengths:
 * short notices built from one template are never copies
 * @param minFacts the share of the names and numbers of the text with fewer of them that
 * the other must have too (when it has at least three): stories from one template share
 * their wording, not their facts
 * @param minNumbers the share of the numbers (years aside) of the text with fewer of them
 * that the other must have too, when two or more are missing from it: a copy keeps the
 * figures of what it keeps, a story from a template has figures of its own
 * @param window how far apart (by publication day, else the day received) two copies may
 * be; a group grows only through links within it
 * @param backlogOnStart look for articles without a signature at every start and group
 * them in the background
 */
@ConfigurationProperties("morgue.copies")
record CopiesProperties(Boolean enabled, Double minContainment, Integer minShared, Double minFacts, Double minNumbers,
		Duration window, Boolean backlogOnStart) {

	CopiesProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		minContainment = (minContainment != null) ? minContainment : 0.5;
		minShared = (minShared != null) ? minShared : 20;
		minFacts = (minFacts != null) ? minFacts : 0.6;
		minNumbers = (minNumbers != null) ? minNumbers : 0.5;
		window = (window != null) ? window : Duration.ofDays(7);
		backlogOnStart = (backlogOnStart != null) ? backlogOnStart : Boolean.TRUE;
		if (minContainment <= 0 || minContainment > 1) {
			throw new IllegalArgumentException("morgue.copies.min-containment must be above 0 and at most 1");
		}
		if (minFacts < 0 || minFacts > 1) {
			throw new IllegalArgumentException("morgue.copies.min-facts must be between 0 and 1");
		}
		if (minNumbers < 0 || minNumbers > 1) {
			throw new IllegalArgumentException("morgue.copies.min-numbers must be between 0 and 1");
		}
		if (minShared < 1) {
			throw new IllegalArgumentException("morgue.copies.min-shared must be at least 1");
		}
		if (window.isNegative()) {
			throw new IllegalArgumentException("morgue.copies.window cannot be negative");
		}
	}

	/** The window in whole days. */
	int windowDays() {
		return (int) window.toDays();
	}

	/** Whether two texts are copies of one story, by their signatures. */
	boolean copies(CopySignature a, CopySignature b) {
		int smaller = Math.min(a.size(), b.size());
		if (smaller < minShared) {
			return false;
		}
		int shared = a.shared(b);
		if (shared < minShared || shared < minContainment * smaller) {
			return false;
		}
		if (Math.min(a.factCount(), b.factCount()) >= 3 && a.factContainment(b) < minFacts) {
			return false;
		}
		CopySignature fewer = (a.numbers().length <= b.numbers().length) ? a : b;
		int numbers = fewer.numbers().length;
		int sharedNumbers = a.sharedNumbers(b);
		return numbers - sharedNumbers < 2 || sharedNumbers >= minNumbers * numbers;
	}

}
