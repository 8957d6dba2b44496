package org.morgue.web;

import java.util.List;

/**
 * The query language by example, for the help page: every example is a link that runs it.
 */
final class SearchHelp {

	static final List<Section> SECTIONS = List.of(
			new Section("Words", List.of(
					new Example("junta election",
							"Articles with both words, in the title or the body: every word must match."),
					new Example("stabilising",
							"Any form of the word: stabilise, stabilised, stabilising. Unquoted words "
									+ "match their English stem."),
					new Example("junta's",
							"The same as junta’s: typographic and straight quotes and apostrophes are alike."))),
			new Section("Either, not, and groups",
					List.of(new Example("junta OR military", "Either word. Write OR in capitals."),
							new Example("junta -Russia", "The first word but not the second."),
							new Example("(junta OR military) election",
									"Parentheses group words: election, and junta or military."))),
			new Section("Phrases and nearby words", List.of(
					new Example("\"state of emergency\"",
							"These words in this order, exactly as written: a quoted "
									+ "phrase does not match other forms of its words."),
					new Example("\"junta election\"~5", "Both words within five positions of each other."))),
			new Section("Beginnings and spellings", List.of(
					new Example("elect*",
							"Words that begin with elect: election, electoral, elected. Put at least two "
									+ "letters before the *."),
					new Example("Rohingya~",
							"The word and spellings close to it (up to two letters different); "
									+ "Rohingya~1 allows one."))),
			new Section("Fields", List.of(new Example("title:junta", "The word in the title."),
					new Example("byline:\"Jane Doe\"", "The byline."),
					new Example("source:AFP",
							"Articles from this source; quote a name with spaces: " + "source:\"Associated Press\"."),
					new Example("dateline:Yangon", "Filed from this place."),
					new Example("note:verify", "Articles with a note (an annotation) containing the word."),
					new Example("entity:\"Min Aung Hlaing\"",
							"Articles that mention this person, organisation or place, "
									+ "written any of the ways the archive knows (entity:NLD finds the National League for "
									+ "Democracy); the facets beside the results do the same with a click."),
					new Example("tag:\"human rights\"",
							"Articles with this tag, in any case; quote a tag with spaces. "
									+ "The Tags facet does the same with a click."))),
			new Section("Dates",
					List.of(new Example("date:2022", "Published in 2022."),
							new Example("date:2022-08", "Published in August 2022."),
							new Example("date:2022-08-03", "Published on 3 August 2022."),
							new Example("date:2022-08-01..2022-08-31", "Published between these days, both included."),
							new Example("date:..2022-08-31", "Published on or before 31 August 2022."),
							new Example("date:2022-08-01..", "Published on or after 1 August 2022."))));

	private SearchHelp() {
	}

	record Section(String title, List<Example> examples) {
	}

	/** A query and what it finds. */
	record Example(String query, String finds) {

		/** The search page running this query. */
		public String link() {
			return SearchParameters.forQuery(query);
		}

	}

}
