package org.morgue.ner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

/**
 * One of Stanford's CRF named-entity models, loaded from the classpath, tagging one
 * sentence at a time.
 * <p>
 * Thread-safe once loaded: {@link CRFClassifier#classifySentence} copies the tokens it is
 * given and keeps its working state per call. The one piece of shared mutable state, the
 * set of lower-case words it has seen, is switched off
 * ({@code maxAdditionalKnownLCWords=0}), so that a text is tagged the same whatever was
 * tagged before it.
 */
final class CrfModel {

	/** Where the unpacked model files live on the classpath. */
	static final String MODEL_DIRECTORY = "edu/stanford/nlp/models/ner/";

	private final String name;

	private final CRFClassifier<CoreLabel> classifier;

	private CrfModel(String name, CRFClassifier<CoreLabel> classifier) {
		this.name = name;
		this.classifier = classifier;
	}

	/**
	 * Loads {@code edu/stanford/nlp/models/ner/<file>}; takes seconds.
	 * @throws IllegalStateException when the file is not on the classpath
	 */
	static CrfModel load(String file) {
		String resource = MODEL_DIRECTORY + file;
		InputStream raw = CrfModel.class.getClassLoader().getResourceAsStream(resource);
		if (raw == null) {
			throw new IllegalStateException("The named-entity model " + resource + " is not on the classpath");
		}
		Properties properties = new Properties();
		properties.setProperty("maxAdditionalKnownLCWords", "0");
		try (ObjectInputStream in = new ObjectInputStream(
				new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
			CRFClassifier<CoreLabel> classifier = CRFClassifier.getClassifier(in, properties);
			return new CrfModel(file, classifier);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the named-entity model " + resource, ex);
		}
		catch (ClassNotFoundException | ClassCastException ex) {
			throw new IllegalStateException("Could not read the named-entity model " + resource, ex);
		}
	}

	String name() {
		return name;
	}

	/**
	 * Tags one sentence.
	 * @param words the sentence's tokens as the tokenizer wrote them
	 * @return for each token its type, or {@code null} when it is in no entity
	 */
	EntityType[] tag(List<String> words) {
		List<CoreLabel> sentence = new ArrayList<>(words.size());
		for (String word : words) {
			CoreLabel label = new CoreLabel();
			label.setWord(word);
			label.setValue(word);
			sentence.add(label);
		}
		List<CoreLabel> tagged = classifier.classifySentence(sentence);
		EntityType[] types = new EntityType[words.size()];
		for (int i = 0; i < types.length && i < tagged.size(); i++) {
			types[i] = type(tagged.get(i).get(CoreAnnotations.AnswerAnnotation.class));
		}
		return types;
	}

	/**
	 * The models' labels (with or without a B-/I- prefix) as types; dates, money and the
	 * like are none.
	 */
	static EntityType type(String label) {
		if (label == null) {
			return null;
		}
		String bare = (label.length() > 2 && label.charAt(1) == '-') ? label.substring(2) : label;
		return switch (bare.toUpperCase(Locale.ROOT)) {
			case "PERSON", "PER" -> EntityType.PERSON;
			case "ORGANIZATION", "ORG" -> EntityType.ORGANIZATION;
			case "LOCATION", "LOC" -> EntityType.LOCATION;
			case "MISC" -> EntityType.MISC;
			default -> null;
		};
	}

}
