package org.morgue.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the people, organisations, places and other names (MISC) mentioned in a text.
 * <p>
 * Stanford's CRF named-entity tagger (CoreNLP) does the tagging, sentence by sentence;
 * steps after it look at the whole text: typographic quotes and apostrophes are read as
 * plain ones while offsets stay in the original text, a surface form gets one type per
 * text and is tagged wherever it appears, nationalities are MISC, a person's surname or
 * part of a name resolves to the full name ({@code
 * Lavrov} is {@code Sergei Lavrov}) and an acronym to its expansion where the text spells
 * it out ({@code NLD} is {@code National League for Democracy}).
 * <p>
 * <b>Lifecycle.</b> The constructor loads the model from the classpath, which takes a few
 * seconds and keeps about 130 MB of heap: create one extractor and share it.
 * {@link #extract} is thread-safe and may be called from any number of threads at once;
 * it takes some 25 ms of one core for a 400-word article. See {@code docs/entities.md}
 * for the model, the steps and their measured worth.
 * <p>
 * Texts in other languages or scripts do not fail; they yield few or no entities. Long
 * texts are worked on in pieces of about {@value #MAX_PIECE_CHARS} characters cut at
 * paragraph ends, each piece one document for the steps that look at the whole text.
 */
final class EntityExtractor {

	/** The most characters looked at as one document. */
	static final int MAX_PIECE_CHARS = 100_000;

	private final ExtractorSettings settings;

	private final List<CrfModel> models;

	private final Demonyms demonyms;

	/**
	 * Loads the model from the classpath (seconds).
	 * @throws IllegalStateException when a model file is not on the classpath
	 */
	public EntityExtractor() {
		this(ExtractorSettings.standard());
	}

	EntityExtractor(ExtractorSettings settings) {
		this(settings, settings.models().stream().map(CrfModel::load).toList());
	}

	/** With models already loaded, which must be the settings' models in their order. */
	EntityExtractor(ExtractorSettings settings, List<CrfModel> models) {
		this.settings = settings;
		this.models = List.copyOf(models);
		this.demonyms = settings.demonyms() ? Demonyms.load() : null;
	}

	/**
	 * The mentions of named entities in a text.
	 * @param text any text; {@code null} or blank gives no mentions
	 * @return the mentions sorted by start, none overlapping; offsets are UTF-16 offsets
	 * into {@code text}
	 */
	public List<ExtractedEntity> extract(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<ExtractedEntity> entities = new ArrayList<>();
		int from = 0;
		while (from < text.length()) {
			int to = pieceEnd(text, from);
			extract(text, from, to, entities);
			from = to;
		}
		return entities;
	}

	private void extract(String text, int from, int to, List<ExtractedEntity> entities) {
		MentionDocument document = tag(text, from, to);
		MentionSpans.trim(document);
		if (demonyms != null) {
			demonyms.apply(document);
		}
		if (settings.consistency()) {
			MentionConsistency.unifyTypes(document);
			MentionConsistency.propagate(document);
		}
		if (settings.shortForms()) {
			ShortForms.resolve(document);
		}
		if (settings.acronyms()) {
			Acronyms.resolve(document);
		}
		document.sort();
		MentionTokens tokens = document.tokens;
		for (Mention mention : document.mentions) {
			int start = tokens.begin(mention.first);
			int end = tokens.end(mention.end - 1);
			String written = text.substring(start, end);
			entities.add(new ExtractedEntity(written, mention.type, start, end,
					mention.canonical != null ? mention.canonical : written));
		}
	}

	/** Tokens and the models' mentions, sentence by sentence. */
	MentionDocument tag(String text, int from, int to) {
		MentionTokens tokens = MentionTokens.of(text, from, to);
		MentionDocument document = new MentionDocument(tokens);
		for (int sentence = 0; sentence < tokens.sentenceCount(); sentence++) {
			int first = tokens.sentenceStarts.get(sentence);
			int end = tokens.sentenceStarts.get(sentence + 1);
			List<String> words = tokens.words.subList(first, end);
			List<Mention> mentions = null;
			for (CrfModel model : models) {
				List<Mention> found = MentionSpans.fromTags(model.tag(words), first);
				mentions = (mentions == null) ? found : MentionSpans.join(mentions, found);
			}
			document.mentions.addAll(mentions);
		}
		document.sort();
		return document;
	}

	/**
	 * Where the piece starting at {@code from} ends: at a line break if there is one in
	 * its second half.
	 */
	static int pieceEnd(String text, int from) {
		if (text.length() - from <= MAX_PIECE_CHARS) {
			return text.length();
		}
		int limit = from + MAX_PIECE_CHARS;
		int half = from + MAX_PIECE_CHARS / 2;
		for (int i = limit; i > half; i--) {
			if (text.charAt(i - 1) == '\n') {
				return i;
			}
		}
		for (int i = limit; i > half; i--) {
			if (Character.isWhitespace(text.charAt(i - 1))) {
				return i;
			}
		}
		return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
	}

}
