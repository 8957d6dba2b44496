package org.morgue.ner;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Turning the models' per-token types into mentions, joining two models' mentions, and
 * trimming what does not belong to a name from the edges of a span.
 */
final class MentionSpans {

	private MentionSpans() {
	}

	/** Runs of tokens of one type within a sentence, for one sentence's tags. */
	static List<Mention> fromTags(EntityType[] tags, int offset) {
		List<Mention> mentions = new ArrayList<>();
		int i = 0;
		while (i < tags.length) {
			if (tags[i] == null) {
				i++;
				continue;
			}
			int start = i;
			while (i < tags.length && tags[i] == tags[start]) {
				i++;
			}
			mentions.add(new Mention(offset + start, offset + i, tags[start]));
		}
		return mentions;
	}

	/**
	 * Two models' mentions of one sentence as one list: the first model's, plus each of
	 * the second's that overlaps none of them. Where the second model sees a longer name
	 * of the same type around the first's (the first cut it short), the longer span is
	 * taken.
	 */
	static List<Mention> join(List<Mention> first, List<Mention> second) {
		List<Mention> joined = new ArrayList<>(first);
		for (Mention other : second) {
			List<Mention> overlapping = new ArrayList<>();
			for (Mention mention : first) {
				if (mention.overlaps(other.first, other.end)) {
					overlapping.add(mention);
				}
			}
			if (overlapping.isEmpty()) {
				joined.add(other);
			}
			else if (overlapping.size() == 1 && overlapping.get(0).type == other.type
					&& other.first <= overlapping.get(0).first && other.end >= overlapping.get(0).end) {
				overlapping.get(0).first = other.first;
				overlapping.get(0).end = other.end;
			}
		}
		return joined;
	}

	/**
	 * Drops tokens without a letter or digit (quotes, brackets, dashes) and possessive
	 * endings from both edges of every mention, words in small letters from its end and a
	 * "the" from its start, and mentions left empty.
	 */
	static void trim(MentionDocument document) {
		Iterator<Mention> mentions = document.mentions.iterator();
		while (mentions.hasNext()) {
			Mention mention = mentions.next();
			while (mention.first < mention.end && !nameWord(document.word(mention.first))) {
				mention.first++;
			}
			while (mention.end > mention.first && !nameWord(document.word(mention.end - 1))) {
				mention.end--;
			}
			// "Jiangsu province", "the League of Rights": the name is Jiangsu, League of
			// Rights
			while (mention.end - mention.first > 1 && lowerCaseWord(document.word(mention.end - 1))) {
				mention.end--;
			}
			while (mention.end - mention.first > 1 && document.word(mention.first).equals("the")) {
				mention.first++;
			}
			if (mention.first == mention.end) {
				mentions.remove();
			}
		}
	}

	/**
	 * A word in small letters that is no part of a hyphenated name ({@code al-Assad}).
	 */
	static boolean lowerCaseWord(String word) {
		return !word.isEmpty() && Character.isLowerCase(word.charAt(0)) && word.indexOf('-') < 0;
	}

	/**
	 * Whether a word may stand at the edge of a name: not punctuation, not a possessive
	 * ending.
	 */
	static boolean nameWord(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.equals("'s") || lower.equals("'") || lower.equals("s'")) {
			return false;
		}
		return MentionDocument.hasLetterOrDigit(word);
	}

}
