package org.morgue.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A document's tokens and the mentions found over them so far. The steps after tagging
 * ({@link MentionSpans}, {@link MentionConsistency}, {@link ShortForms},
 * {@link Acronyms}) change the mentions in place; mentions never overlap and never cross
 * a sentence.
 */
final class MentionDocument {

	final MentionTokens tokens;

	final List<Mention> mentions = new ArrayList<>();

	MentionDocument(MentionTokens tokens) {
		this.tokens = tokens;
	}

	String word(int token) {
		return tokens.word(token);
	}

	/**
	 * The words of tokens {@code [first, end)} joined by single spaces: how a name is
	 * compared within a text.
	 */
	String form(int first, int end) {
		StringBuilder form = new StringBuilder();
		for (int i = first; i < end; i++) {
			if (i > first) {
				form.append(' ');
			}
			form.append(tokens.word(i));
		}
		return form.toString();
	}

	String form(Mention mention) {
		return form(mention.first, mention.end);
	}

	/** The mention as written in the text. */
	String text(Mention mention) {
		return tokens.text(mention.first, mention.end);
	}

	/** For each token, the mention covering it, or {@code null}. */
	Mention[] coverage() {
		Mention[] covering = new Mention[tokens.size()];
		for (Mention mention : mentions) {
			for (int i = mention.first; i < mention.end; i++) {
				covering[i] = mention;
			}
		}
		return covering;
	}

	void sort() {
		mentions.sort(Comparator.comparingInt((Mention m) -> m.first));
	}

	/** Whether both tokens are in the same sentence. */
	boolean sameSentence(int a, int b) {
		return tokens.sentenceOf(a) == tokens.sentenceOf(b);
	}

	int sentenceStart(int token) {
		return tokens.sentenceStarts.get(tokens.sentenceOf(token));
	}

	int sentenceEnd(int token) {
		return tokens.sentenceStarts.get(tokens.sentenceOf(token) + 1);
	}

	/**
	 * Whether the word starts with an upper-case letter (after any leading non-letters).
	 */
	boolean capitalized(int token) {
		return capitalized(tokens.word(token));
	}

	static boolean capitalized(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isLetter(c)) {
				return Character.isUpperCase(c) || Character.isTitleCase(c);
			}
		}
		return false;
	}

	/** Whether the word has a letter or a digit in it. */
	static boolean hasLetterOrDigit(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (Character.isLetterOrDigit(word.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
