package org.morgue.search;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text becomes terms. Every text field holds two terms at each position: the word as
 * written (lower-cased, accents folded, marked with {@value #EXACT_MARK}) and its English
 * stem. Unquoted words search the stems, so {@code stabilising} finds {@code stabilise};
 * quoted phrases search the exact words, so {@code "stabilise the situation"} finds only
 * that wording. Both share positions and offsets, so one highlighter marks either.
 * <p>
 * Typographic quotes and apostrophes are made plain first, so {@code junta's} and
 * {@code junta’s} are the same word.
 */
final class ArticleAnalyzers {

	/** Marks exact-word terms; stems never start with it. */
	static final String EXACT_MARK = "=";

	/** For indexing: exact words and stems. */
	static final Analyzer INDEX = analyzer(Mode.BOTH);

	/** For unquoted query words: stems only. */
	static final Analyzer STEMS = analyzer(Mode.STEM);

	/** For quoted query phrases and prefixes: exact words only. */
	static final Analyzer EXACT = analyzer(Mode.EXACT);

	private static final NormalizeCharMap QUOTES = quotes();

	private static final int POSITION_GAP = 100;

	private ArticleAnalyzers() {
	}

	enum Mode {

		BOTH, STEM, EXACT

	}

	private static Analyzer analyzer(Mode mode) {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
				return new TokenStreamComponents(tokenizer, new ExactAndStemFilter(stream, mode));
			}

			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return new MappingCharFilter(QUOTES, reader);
			}

			@Override
			public int getPositionIncrementGap(String fieldName) {
				// Phrases do not run from a title into the body.
				return POSITION_GAP;
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new ASCIIFoldingFilter(new LowerCaseFilter(in));
			}

			@Override
			protected Reader initReaderForNormalization(String fieldName, Reader reader) {
				return new MappingCharFilter(QUOTES, reader);
			}

		};
	}

	/**
	 * The exact-word term for a word typed in a query (used for prefixes and fuzzy
	 * words).
	 */
	static String exactTerm(String field, String word) {
		return EXACT_MARK + EXACT.normalize(field, word).utf8ToString();
	}

	private static NormalizeCharMap quotes() {
		NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
		for (String apostrophe : new String[] { "‘", "’", "‛", "′", "`", "ʼ" }) {
			map.add(apostrophe, "'");
		}
		for (String quote : new String[] { "“", "”", "„", "‟", "″", "«", "»" }) {
			map.add(quote, "\"");
		}
		return map.build();
	}

}
