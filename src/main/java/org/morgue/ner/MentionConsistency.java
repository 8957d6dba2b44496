package org.morgue.ner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of a name per document. A news text names the same thing the same way
 * throughout, so where the tagger gives one surface form two types the majority (then the
 * first) wins, and a form tagged somewhere is tagged wherever else it appears as whole
 * words, unless the tagger left it alone more often than it tagged it. Sentences in
 * capitals (headlines, datelines, tables) take no part.
 */
final class MentionConsistency {

	private MentionConsistency() {
	}

	/**
	 * Gives every mention of a surface form the type most of them have; on a tie, the
	 * first one's.
	 */
	static void unifyTypes(MentionDocument document) {
		Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
		Map<String, EntityType> firstType = new HashMap<>();
		for (Mention mention : document.mentions) {
			if (shouting(document, mention.first)) {
				continue;
			}
			String form = document.form(mention);
			votes.computeIfAbsent(form, key -> new EnumMap<>(EntityType.class)).merge(mention.type, 1, Integer::sum);
			firstType.putIfAbsent(form, mention.type);
		}
		for (Mention mention : document.mentions) {
			String form = document.form(mention);
			Map<EntityType, Integer> counts = votes.get(form);
			if (counts == null || counts.size() < 2) {
				continue;
			}
			EntityType winner = firstType.get(form);
			for (Map.Entry<EntityType, Integer> count : counts.entrySet()) {
				if (count.getValue() > counts.get(winner)) {
					winner = count.getKey();
				}
			}
			mention.type = winner;
		}
	}

	/**
	 * Tags the untagged occurrences of every tagged surface form that starts with a
	 * capital. An occurrence counts only as whole words of one sentence not run into a
	 * longer capitalised name: the word after it must not be capitalised, nor the word
	 * before it unless that one starts the sentence.
	 */
	static void propagate(MentionDocument document) {
		Map<String, Mention> forms = new LinkedHashMap<>();
		Map<String, Integer> tagged = new HashMap<>();
		for (Mention mention : document.mentions) {
			if (document.capitalized(mention.first) && document.capitalized(mention.end - 1)
					&& !shouting(document, mention.first)) {
				String form = document.form(mention);
				forms.putIfAbsent(form, mention);
				tagged.merge(form, 1, Integer::sum);
			}
		}
		// where the tagger left a form alone more often than it tagged it, it is likely
		// no name
		Map<String, Integer> untagged = untaggedOccurrences(document, forms.keySet());
		forms.keySet().removeIf(form -> untagged.getOrDefault(form, 0) > tagged.get(form));
		propagate(document, forms);
	}

	/** How often each form occurs untagged where {@link #propagate} would tag it. */
	private static Map<String, Integer> untaggedOccurrences(MentionDocument document, Iterable<String> forms) {
		Map<String, List<Integer>> positions = new HashMap<>();
		for (int i = 0; i < document.tokens.size(); i++) {
			positions.computeIfAbsent(document.word(i), key -> new ArrayList<>()).add(i);
		}
		Map<String, Integer> counts = new HashMap<>();
		Mention[] covering = document.coverage();
		for (String form : forms) {
			String[] words = form.split(" ");
			for (int i : positions.getOrDefault(words[0], List.of())) {
				if (matches(document, covering, i, words)) {
					counts.merge(form, 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	/**
	 * Whether the token's sentence has no lower-case letter: a headline, a dateline, a
	 * table, where the tagger's types are least sure and case does not tell a name from a
	 * word.
	 */
	static boolean shouting(MentionDocument document, int token) {
		int sentence = document.tokens.sentenceOf(token);
		int end = document.tokens.sentenceStarts.get(sentence + 1);
		for (int i = document.tokens.sentenceStarts.get(sentence); i < end; i++) {
			String word = document.word(i);
			for (int j = 0; j < word.length(); j++) {
				if (Character.isLowerCase(word.charAt(j))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Tags untagged whole-word occurrences of the given forms like the mention each form
	 * maps to: same type, same canonical name.
	 */
	static void propagate(MentionDocument document, Map<String, Mention> forms) {
		if (forms.isEmpty()) {
			return;
		}
		// candidates by first word, longest first
		Map<String, List<String[]>> byFirstWord = new HashMap<>();
		for (String form : forms.keySet()) {
			String[] words = form.split(" ");
			byFirstWord.computeIfAbsent(words[0], key -> new ArrayList<>()).add(words);
		}
		for (List<String[]> candidates : byFirstWord.values()) {
			candidates.sort((a, b) -> b.length - a.length);
		}
		Mention[] covering = document.coverage();
		List<Mention> added = new ArrayList<>();
		int size = document.tokens.size();
		for (int i = 0; i < size; i++) {
			if (covering[i] != null) {
				continue;
			}
			List<String[]> candidates = byFirstWord.get(document.word(i));
			if (candidates == null) {
				continue;
			}
			for (String[] words : candidates) {
				int end = i + words.length;
				if (matches(document, covering, i, words)) {
					Mention like = forms.get(String.join(" ", words));
					Mention mention = new Mention(i, end, like.type);
					mention.canonical = like.canonical;
					added.add(mention);
					for (int j = i; j < end; j++) {
						covering[j] = mention;
					}
					i = end - 1;
					break;
				}
			}
		}
		document.mentions.addAll(added);
		document.sort();
	}

	private static boolean matches(MentionDocument document, Mention[] covering, int first, String[] words) {
		int end = first + words.length;
		int sentenceEnd = document.sentenceEnd(first);
		if (end > sentenceEnd) {
			return false;
		}
		for (int j = 0; j < words.length; j++) {
			if (covering[first + j] != null || !document.word(first + j).equals(words[j])) {
				return false;
			}
		}
		int sentenceStart = document.sentenceStart(first);
		if (end < sentenceEnd && document.capitalized(end)) {
			return false;
		}
		return first == sentenceStart || first - 1 == sentenceStart || !document.capitalized(first - 1);
	}

}
