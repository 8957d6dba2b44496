package org.morgue.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What changed between two texts, paragraph by paragraph: kept, cut and added, in reading
 * order (a longest common subsequence of the paragraphs).
 */
final class ParagraphDiff {

	private ParagraphDiff() {
	}

	/** A paragraph of either text and what became of it. */
	record Change(Kind kind, String text) {

		public boolean kept() {
			return kind == Kind.KEPT;
		}

		public boolean cut() {
			return kind == Kind.CUT;
		}

		public boolean added() {
			return kind == Kind.ADDED;
		}

	}

	enum Kind {

		KEPT, CUT, ADDED

	}

	/**
	 * The changes from one body to the other; paragraphs are separated by a blank line.
	 */
	static List<Change> of(String before, String after) {
		List<String> a = paragraphs(before);
		List<String> b = paragraphs(after);
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Change> changes = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				changes.add(new Change(Kind.KEPT, a.get(i++)));
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				changes.add(new Change(Kind.CUT, a.get(i++)));
			}
			else {
				changes.add(new Change(Kind.ADDED, b.get(j++)));
			}
		}
		while (i < a.size()) {
			changes.add(new Change(Kind.CUT, a.get(i++)));
		}
		while (j < b.size()) {
			changes.add(new Change(Kind.ADDED, b.get(j++)));
		}
		return changes;
	}

	private static List<String> paragraphs(String body) {
		if (body == null || body.isBlank()) {
			return Collections.emptyList();
		}
		return List.of(body.strip().split("\\n\\s*\\n"));
	}

}
