package org.morgue.ner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People named in full once and by part of the name after: {@code Lavrov} is
 * {@code Sergei Lavrov}, {@code Aung Hlaing} is {@code Min Aung Hlaing}. A person mention
 * whose words are part of a longer person's name in the same text
 * <ul>
 * <li>is widened to that name where the words around it complete it (the tagger cut it
 * short);</li>
 * <li>otherwise takes that name as its canonical name, and so do the untagged occurrences
 * of the name's last words (the surname), which become person mentions, and a one-word
 * mention of another type that is the surname, which becomes a person.</li>
 * </ul>
 * When the part ends several full names (two people called Clinton), the nearest full
 * name before the mention wins; a part that is not a name's ending must belong to one
 * name only.
 */
final class ShortForms {

	private ShortForms() {
	}

	static void resolve(MentionDocument document) {
		List<Mention> found = fullNames(document);
		if (found.isEmpty()) {
			return;
		}
		widen(document, found);
		// widening may have made a part into a copy of a full name
		List<Mention> fullNames = fullNames(document);
		Map<String, Mention> surnames = new LinkedHashMap<>();
		for (Mention mention : document.mentions) {
			if (fullNames.contains(mention) || (mention.type != EntityType.PERSON && mention.length() > 1)) {
				continue;
			}
			Mention name = fullName(document, fullNames, mention);
			if (name == null) {
				continue;
			}
			if (mention.type != EntityType.PERSON && !endsName(document, name, mention)) {
				continue;
			}
			mention.type = EntityType.PERSON;
			mention.canonical = canonical(document, name);
		}
		for (Mention name : fullNames) {
			for (int first = name.first + 1; first < name.end; first++) {
				if (!document.capitalized(first) || document.word(first).length() < 2) {
					continue;
				}
				String surname = document.form(first, name.end);
				Mention like = new Mention(first, name.end, EntityType.PERSON);
				like.canonical = canonical(document, name);
				surnames.putIfAbsent(surname, like);
			}
		}
		// a surname that some full name also has in another place (two Clintons) takes
		// the nearest
		// one, which propagation cannot tell: leave it to the mentions already resolved
		// above
		surnames.keySet().removeIf(surname -> ambiguous(document, fullNames, surname));
		MentionConsistency.propagate(document, surnames);
	}

	/**
	 * Person mentions of two words or more that are not part of a longer person mention's
	 * words.
	 */
	private static List<Mention> fullNames(MentionDocument document) {
		List<Mention> people = new ArrayList<>();
		for (Mention mention : document.mentions) {
			if (mention.type == EntityType.PERSON && mention.length() >= 2) {
				people.add(mention);
			}
		}
		List<Mention> fullNames = new ArrayList<>();
		for (Mention mention : people) {
			boolean part = false;
			for (Mention other : people) {
				if (other.length() > mention.length() && indexOf(document, other, mention) >= 0) {
					part = true;
					break;
				}
			}
			if (!part) {
				fullNames.add(mention);
			}
		}
		return fullNames;
	}

	/**
	 * Widens person mentions cut short where the tokens around them spell a full name of
	 * the text.
	 */
	private static void widen(MentionDocument document, List<Mention> fullNames) {
		Mention[] covering = document.coverage();
		List<Mention> swallowed = new ArrayList<>();
		for (Mention mention : document.mentions) {
			if (mention.type != EntityType.PERSON || fullNames.contains(mention)) {
				continue;
			}
			for (Mention name : fullNames) {
				if (name.length() <= mention.length()) {
					continue;
				}
				int at = indexOf(document, name, mention);
				if (at < 0) {
					continue;
				}
				int first = mention.first - at;
				int end = first + name.length();
				if (first < document.sentenceStart(mention.first) || end > document.sentenceEnd(mention.first)) {
					continue;
				}
				if (!document.form(first, end).equals(document.form(name)) || !free(covering, first, end, mention)) {
					continue;
				}
				for (int i = first; i < end; i++) {
					if (covering[i] != null && covering[i] != mention) {
						swallowed.add(covering[i]);
					}
					covering[i] = mention;
				}
				mention.first = first;
				mention.end = end;
				break;
			}
		}
		document.mentions.removeAll(swallowed);
	}

	/**
	 * Whether tokens {@code [first, end)} are untagged or covered by person mentions
	 * inside them only.
	 */
	private static boolean free(Mention[] covering, int first, int end, Mention mention) {
		for (int i = first; i < end; i++) {
			Mention other = covering[i];
			if (other != null && other != mention
					&& (other.type != EntityType.PERSON || other.first < first || other.end > end)) {
				return false;
			}
		}
		return true;
	}

	/** Where the mention's words occur within the name's, or -1. */
	private static int indexOf(MentionDocument document, Mention name, Mention part) {
		int length = part.length();
		outer: for (int at = 0; at + length <= name.length(); at++) {
			for (int j = 0; j < length; j++) {
				if (!document.word(name.first + at + j).equals(document.word(part.first + j))) {
					continue outer;
				}
			}
			return at;
		}
		return -1;
	}

	private static boolean endsName(MentionDocument document, Mention name, Mention part) {
		return indexOf(document, name, part) == name.length() - part.length();
	}

	/**
	 * The full name a mention is part of: among the names it ends, the nearest before it
	 * (else the first after it); failing that, the one name it is inside, if only one.
	 */
	private static Mention fullName(MentionDocument document, List<Mention> fullNames, Mention part) {
		Mention endingBefore = null;
		Mention endingAfter = null;
		Mention inside = null;
		String insideName = null;
		boolean ambiguous = false;
		for (Mention name : fullNames) {
			if (name.length() <= part.length()) {
				continue;
			}
			int at = indexOf(document, name, part);
			if (at < 0) {
				continue;
			}
			if (at == name.length() - part.length()) {
				if (name.first < part.first) {
					endingBefore = name;
				}
				else if (endingAfter == null) {
					endingAfter = name;
				}
			}
			else {
				String form = document.form(name);
				if (insideName == null) {
					inside = name;
					insideName = form;
				}
				else if (!insideName.equals(form)) {
					ambiguous = true;
				}
			}
		}
		if (endingBefore != null) {
			return endingBefore;
		}
		if (endingAfter != null) {
			return endingAfter;
		}
		return ambiguous ? null : inside;
	}

	private static boolean ambiguous(MentionDocument document, List<Mention> fullNames, String surname) {
		String name = null;
		for (Mention fullName : fullNames) {
			String form = document.form(fullName);
			if (form.endsWith(" " + surname)) {
				if (name != null && !name.equals(form)) {
					return true;
				}
				name = form;
			}
		}
		return false;
	}

	private static String canonical(MentionDocument document, Mention name) {
		return name.canonical != null ? name.canonical : document.text(name);
	}

}
