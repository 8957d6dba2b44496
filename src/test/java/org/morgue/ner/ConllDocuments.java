package org.morgue.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A named-entity test set in CoNLL column format: one token a line with its tag in the
 * last column, sentences separated by blank lines, documents by {@code -DOCSTART-} lines.
 * Tags may be IOB1 (WikiGold: {@code I-X} throughout, {@code B-X} only between two
 * adjacent names) or IOB2 (CoNLL-2003: {@code B-X} first); a name starts at any
 * {@code B-X} and at an {@code I-X} after a tag of another type, which reads both.
 * <p>
 * Each document is rebuilt as text (tokens joined by spaces, sentences by line breaks)
 * with the offsets of its tokens, so that an extractor's mentions can be mapped back to
 * token spans.
 */
final class ConllDocuments {

	/** The types scored, as the data names them. */
	static final Set<EntityType> SCORED = Set.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);

	/** A name in a document: tokens {@code [first, end)}. */
	record Span(int first, int end, EntityType type) {
	}

	/** One document: its text, where each token starts and ends in it, and its names. */
	record Document(String text, int[] begins, int[] ends, List<Span> names) {

		/** The token span of a mention: the tokens it touches. */
		Span span(ExtractedEntity mention) {
			int first = 0;
			while (first < ends.length - 1 && ends[first] <= mention.start()) {
				first++;
			}
			int last = first;
			while (last + 1 < begins.length && begins[last + 1] < mention.end()) {
				last++;
			}
			return new Span(first, last + 1, mention.type());
		}

		String tokens(Span span) {
			return text.substring(begins[span.first()], ends[span.end() - 1]);
		}

	}

	private ConllDocuments() {
	}

	/**
	 * @throws IllegalStateException when the file is missing, with the property that
	 * points at it
	 */
	static List<Document> read(Path file, String property) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(
					"The test set is not at " + file.toAbsolutePath() + "; point -D" + property + "= at it");
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Document> documents = new ArrayList<>();
		Builder builder = new Builder();
		for (String line : lines) {
			String stripped = line.strip();
			if (stripped.startsWith("-DOCSTART-")) {
				builder.finish(documents);
				builder = new Builder();
			}
			else if (stripped.isEmpty()) {
				builder.endSentence();
			}
			else {
				String[] columns = stripped.split("\\s+");
				builder.add(columns[0], columns[columns.length - 1]);
			}
		}
		builder.finish(documents);
		return documents;
	}

	private static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final List<Integer> begins = new ArrayList<>();

		private final List<Integer> ends = new ArrayList<>();

		private final List<Span> names = new ArrayList<>();

		private boolean sentenceOpen;

		private EntityType openType;

		private int openFirst;

		void add(String token, String tag) {
			if (sentenceOpen) {
				text.append(' ');
			}
			sentenceOpen = true;
			int index = begins.size();
			begins.add(text.length());
			text.append(token);
			ends.add(text.length());
			EntityType type = tag.equals("O") ? null : type(tag.substring(2));
			boolean begin = tag.startsWith("B-");
			if (openType != null && (type != openType || begin)) {
				close(index);
			}
			if (type != null && openType == null) {
				openType = type;
				openFirst = index;
			}
		}

		void endSentence() {
			close(begins.size());
			if (sentenceOpen) {
				text.append('\n');
				sentenceOpen = false;
			}
		}

		private void close(int end) {
			if (openType != null && SCORED.contains(openType)) {
				names.add(new Span(openFirst, end, openType));
			}
			openType = null;
		}

		void finish(List<Document> documents) {
			endSentence();
			if (begins.isEmpty()) {
				return;
			}
			documents.add(new Document(text.toString(), begins.stream().mapToInt(Integer::intValue).toArray(),
					ends.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(names)));
		}

		private static EntityType type(String name) {
			return switch (name) {
				case "PER" -> EntityType.PERSON;
				case "ORG" -> EntityType.ORGANIZATION;
				case "LOC" -> EntityType.LOCATION;
				default -> EntityType.MISC;
			};
		}

	}

}
