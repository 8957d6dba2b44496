package org.morgue.ner;

import java.util.List;

/**
 * Which models tag a text and which steps run after them. {@link #standard()} is what
 * {@link EntityExtractor} uses; the others exist to measure what each step is worth.
 *
 * @param models model files under {@code edu/stanford/nlp/models/ner/}, most trusted
 * first: where two models disagree on a span the first one's reading stands, and the
 * second adds what the first missed
 * @param demonyms nationalities ({@code Russian}) as MISC, not places ({@link Demonyms})
 * @param consistency one type per surface form in a text, and every whole-word occurrence
 * of a tagged form tagged ({@link MentionConsistency})
 * @param shortForms part of a person's name resolved to the full name
 * ({@link ShortForms})
 * @param acronyms acronyms joined to their expansion ({@link Acronyms})
 */
record ExtractorSettings(List<String> models, boolean demonyms, boolean consistency, boolean shortForms,
		boolean acronyms) {

	static final String ALL_3CLASS = "english.all.3class.distsim.crf.ser.gz";

	static final String CONLL_4CLASS = "english.conll.4class.distsim.crf.ser.gz";

	static final String MUC_7CLASS = "english.muc.7class.distsim.crf.ser.gz";

	ExtractorSettings {
		models = List.copyOf(models);
		if (models.isEmpty()) {
			throw new IllegalArgumentException("At least one model is needed");
		}
	}

	static ExtractorSettings standard() {
		return new ExtractorSettings(List.of(ALL_3CLASS), true, true, true, true);
	}

	/** The models alone, none of the steps after them. */
	static ExtractorSettings raw(List<String> models) {
		return new ExtractorSettings(models, false, false, false, false);
	}

}
