package org.morgue.ner;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;

/**
 * A piece of text cut into tokens and sentences: what the models tag and mentions are
 * made of. Offsets point into the text as given; the words are what the tokenizer made of
 * a copy whose typographic quotes and apostrophes are plain ASCII (one character for one,
 * so offsets do not move), since the models learnt from text with plain quotes.
 * <p>
 * A line break always ends a sentence (stored articles keep a paragraph on one line), and
 * a sentence is cut after {@link #MAX_SENTENCE_TOKENS} tokens so that the work per call
 * stays small.
 */
final class MentionTokens {

	/** The longest token sequence handed to a model at once. */
	static final int MAX_SENTENCE_TOKENS = 200;

	/**
	 * Longer words (base64, runs of text in scripts written without spaces) are cut for
	 * the models.
	 */
	static final int MAX_WORD_LENGTH = 64;

	/*
	 * invertible: offsets into the input; ptb3Escaping=false: no -LRB- or `` rewriting;
	 * no splitting of hyphenated words, as in the CoNLL data the models learnt from;
	 * untokenizable=noneKeep: keep odd characters as tokens without logging them.
	 */
	private static final String TOKENIZER_OPTIONS = "invertible=true,ptb3Escaping=false,quotes=ascii,"
			+ "splitHyphenated=false,untokenizable=noneKeep";

	final String text;

	final List<String> words = new ArrayList<>();

	final List<Integer> begins = new ArrayList<>();

	final List<Integer> ends = new ArrayList<>();

	/** The first token of each sentence, and the token count after the last one. */
	final List<Integer> sentenceStarts = new ArrayList<>();

	private int[] sentenceOfToken;

	private MentionTokens(String text) {
		this.text = text;
	}

	/** Tokenizes {@code text.substring(from, to)}, offsets counted in the whole text. */
	static MentionTokens of(String text, int from, int to) {
		MentionTokens tokens = new MentionTokens(text);
		String plain = plain(text, from, to);
		WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();
		int lineStart = 0;
		while (lineStart < plain.length()) {
			int lineEnd = lineStart;
			while (lineEnd < plain.length() && plain.charAt(lineEnd) != '\n' && plain.charAt(lineEnd) != '\r') {
				lineEnd++;
			}
			if (lineEnd > lineStart && !plain.substring(lineStart, lineEnd).isBlank()) {
				tokens.addLine(plain.substring(lineStart, lineEnd), from + lineStart, splitter);
			}
			lineStart = lineEnd + 1;
		}
		tokens.sentenceStarts.add(tokens.words.size());
		tokens.sentenceOfToken = new int[tokens.words.size()];
		for (int sentence = 0; sentence < tokens.sentenceCount(); sentence++) {
			for (int i = tokens.sentenceStarts.get(sentence); i < tokens.sentenceStarts.get(sentence + 1); i++) {
				tokens.sentenceOfToken[i] = sentence;
			}
		}
		return tokens;
	}

	private void addLine(String line, int offset, WordToSentenceProcessor<CoreLabel> splitter) {
		PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(line), new CoreLabelTokenFactory(),
				TOKENIZER_OPTIONS);
		List<CoreLabel> labels = tokenizer.tokenize();
		if (labels.isEmpty()) {
			return;
		}
		for (List<CoreLabel> sentence : splitter.process(labels)) {
			for (int i = 0; i < sentence.size(); i++) {
				if (i % MAX_SENTENCE_TOKENS == 0) {
					sentenceStarts.add(words.size());
				}
				CoreLabel label = sentence.get(i);
				String word = label.word();
				if (word.length() > MAX_WORD_LENGTH) {
					word = word.substring(0, MAX_WORD_LENGTH);
				}
				words.add(word);
				begins.add(offset + label.beginPosition());
				ends.add(offset + label.endPosition());
			}
		}
	}

	int size() {
		return words.size();
	}

	int sentenceCount() {
		return sentenceStarts.size() - 1;
	}

	String word(int token) {
		return words.get(token);
	}

	int begin(int token) {
		return begins.get(token);
	}

	int end(int token) {
		return ends.get(token);
	}

	/**
	 * The text of tokens {@code [first, end)} as written, from the first one's start to
	 * the last one's end.
	 */
	String text(int first, int end) {
		return text.substring(begin(first), this.end(end - 1));
	}

	/** The sentence a token is in. */
	int sentenceOf(int token) {
		return sentenceOfToken[token];
	}

	/**
	 * A copy of {@code text.substring(from, to)} with typographic quotes and spaces made
	 * plain, one for one.
	 */
	static String plain(String text, int from, int to) {
		char[] chars = new char[to - from];
		for (int i = from; i < to; i++) {
			chars[i - from] = plain(text.charAt(i));
		}
		return new String(chars);
	}

	static char plain(char c) {
		return switch (c) {
			case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u00B4', '\u2039', '\u203A', '\uFF07' ->
				'\'';
			case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02' -> '"';
			case '\u00A0', '\u2007', '\u202F', '\u2060' -> ' ';
			case '\u2028', '\u2029', '\u0085' -> '\n';
			default -> c;
		};
	}

}
