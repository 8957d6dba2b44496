package org.morgue.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Words for the people of a place ({@code Russian}, {@code Cambodians},
 * {@code South African}): a nationality is MISC, not a location, as in the CoNLL
 * guidelines. The list is CoreNLP's ({@code edu/stanford/nlp/models/dcoref/demonyms.txt},
 * from Wikipedia's list of adjectival forms of place names), unpacked from the models jar
 * at build time.
 */
final class Demonyms {

	static final String RESOURCE = "edu/stanford/nlp/models/dcoref/demonyms.txt";

	private final Set<String> demonyms;

	private Demonyms(Set<String> demonyms) {
		this.demonyms = demonyms;
	}

	/**
	 * @throws IllegalStateException when the list is not on the classpath
	 */
	static Demonyms load() {
		InputStream in = Demonyms.class.getClassLoader().getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("The demonym list " + RESOURCE + " is not on the classpath");
		}
		Set<String> places = new HashSet<>();
		Set<String> demonyms = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] cells = line.split("\t");
				places.add(cells[0].strip());
				for (int i = 1; i < cells.length; i++) {
					String cell = cells[i].strip();
					if (!cell.isEmpty()) {
						demonyms.add(cell);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// a word that names a place as well as its people (Djibouti) stays a place
		demonyms.removeAll(places);
		return new Demonyms(Set.copyOf(demonyms));
	}

	/** Whether the words, joined by single spaces, name the people of a place. */
	boolean contains(String form) {
		return demonyms.contains(form);
	}

	/** Makes every mention that is only a demonym MISC. */
	void apply(MentionDocument document) {
		for (Mention mention : document.mentions) {
			if (mention.type != EntityType.MISC && contains(document.form(mention))) {
				mention.type = EntityType.MISC;
			}
		}
	}

}
