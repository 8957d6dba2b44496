package org.morgue.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Emits, for each lower-cased word, its exact form (marked) and its English stem at the
 * same position, or just one of them.
 */
final class ExactAndStemFilter extends TokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

	private final ArticleAnalyzers.Mode mode;

	private final EnglishStemmer stemmer = new EnglishStemmer();

	private State exactState;

	private String pendingStem;

	ExactAndStemFilter(TokenStream input, ArticleAnalyzers.Mode mode) {
		super(input);
		this.mode = mode;
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (pendingStem != null) {
			restoreState(exactState);
			term.setEmpty().append(pendingStem);
			position.setPositionIncrement(0);
			pendingStem = null;
			return true;
		}
		if (!input.incrementToken()) {
			return false;
		}
		String word = term.toString();
		switch (mode) {
			case STEM -> term.setEmpty().append(stem(word));
			case EXACT -> term.setEmpty().append(ArticleAnalyzers.EXACT_MARK).append(word);
			case BOTH -> {
				term.setEmpty().append(ArticleAnalyzers.EXACT_MARK).append(word);
				exactState = captureState();
				pendingStem = stem(word);
			}
		}
		return true;
	}

	private String stem(String word) {
		String base = word;
		// Possessives: "junta's" and "juntas'" are forms of "junta" and "juntas".
		if (base.endsWith("'s")) {
			base = base.substring(0, base.length() - 2);
		}
		else if (base.endsWith("'")) {
			base = base.substring(0, base.length() - 1);
		}
		stemmer.setCurrent(base);
		stemmer.stem();
		return stemmer.getCurrent();
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		exactState = null;
		pendingStem = null;
	}

}
