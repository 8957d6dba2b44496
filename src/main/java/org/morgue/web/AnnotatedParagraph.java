package org.morgue.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A marked paragraph of an article cut once more where annotated passages begin and end,
 * so the page highlights each passage (and gives it an anchor to scroll to) without
 * JavaScript.
 *
 * @param offset where the paragraph starts in the cleaned body, for the page's script to
 * turn a selection into body offsets
 */
record AnnotatedParagraph(boolean subhead, int offset, List<Part> parts) {

	/** An annotated passage: the annotation's id and its offsets in the cleaned body. */
	record Passage(long id, int start, int end) {
	}

	/**
	 * A piece of the paragraph (plain text or a mention) and the annotations whose
	 * passages cover it.
	 *
	 * @param anchors the annotations whose passages begin here
	 */
	record Part(MarkedParagraph.Piece piece, List<Long> notes, List<Long> anchors) {

		public boolean annotated() {
			return !notes.isEmpty();
		}

		/** The ids of the annotations covering it, for a data attribute. */
		public String noteIds() {
			return notes.stream().map(String::valueOf).collect(Collectors.joining(" "));
		}

	}

	/**
	 * Cuts the paragraphs' pieces at the edges of the passages. Body offsets count the
	 * paragraphs joined by a blank line, as the body is stored.
	 */
	static List<AnnotatedParagraph> of(List<MarkedParagraph> paragraphs, List<Passage> passages) {
		List<AnnotatedParagraph> result = new ArrayList<>(paragraphs.size());
		Set<Long> anchored = new HashSet<>();
		int offset = 0;
		for (MarkedParagraph paragraph : paragraphs) {
			List<Part> parts = new ArrayList<>();
			int at = offset;
			for (MarkedParagraph.Piece piece : paragraph.pieces()) {
				int end = at + piece.text().length();
				TreeSet<Integer> cuts = new TreeSet<>(List.of(at, end));
				for (Passage passage : passages) {
					if (passage.start() > at && passage.start() < end) {
						cuts.add(passage.start());
					}
					if (passage.end() > at && passage.end() < end) {
						cuts.add(passage.end());
					}
				}
				Integer from = cuts.first();
				for (Integer to : cuts.tailSet(from, false)) {
					List<Long> notes = new ArrayList<>();
					List<Long> anchors = new ArrayList<>();
					for (Passage passage : passages) {
						if (passage.start() < to && passage.end() > from) {
							notes.add(passage.id());
							if (anchored.add(passage.id())) {
								anchors.add(passage.id());
							}
						}
					}
					String text = piece.text().substring(from - at, to - at);
					parts.add(new Part(new MarkedParagraph.Piece(text, piece.entityId(), piece.type(), piece.name()),
							notes, anchors));
					from = to;
				}
				if (piece.text().isEmpty()) {
					parts.add(new Part(piece, List.of(), List.of()));
				}
				at = end;
			}
			result.add(new AnnotatedParagraph(paragraph.subhead(), offset, parts));
			offset = at + 2;
		}
		return result;
	}

}
