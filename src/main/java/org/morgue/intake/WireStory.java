package org.morgue.intake;

import org.morgue.story.StoryStatus;

import java.time.Instant;
import java.util.List;

/**
 * One version of one story as its provider sent it, read from one of the formats the
 * archive takes.
 *
 * @param format what it was read from: {@code NewsML-G2}, {@code NITF}, {@code ninjs},
 * {@code RSS}, {@code Atom} or {@code HTML}
 * @param guid the provider's id of the story, the same for all its versions (G2
 * {@code guid}, ninjs {@code uri}, NITF {@code du-key} or {@code doc-id}, an RSS
 * {@code guid} or link, a page's URL), or {@code null} when the document has none
 * @param version the provider's version as written ({@code "3"}), or {@code null}
 * @param status usable, withheld or canceled (a kill)
 * @param embargoedUntil when the story may be shown, or {@code null} when it is not
 * embargoed
 * @param signals the provider's signals as written ({@code sig:update},
 * {@code sig:correction}, ...)
 * @param title the headline, or {@code null}
 * @param byline as written, or {@code null}
 * @param source the agency or publication, or {@code null}
 * @param dateline as written ({@code "GROSSETO, Italy"}), or {@code null}
 * @param publishedAt the publication date or instant as ISO-8601 text ({@code 2022-08-03}
 * or {@code 2022-08-03T10:14:00Z}), or {@code null}
 * @param versionCreated when this version was made, or {@code null}
 * @param language a BCP 47 tag, or {@code null}
 * @param url where the story is published, or {@code null}
 * @param paragraphs the story's text, in order; subheads marked
 * @param subjects the subject codes or names given, as written
 * @param people the people the provider names, as given
 * @param organisations likewise organisations
 * @param places likewise places
 * @param raw the document (or, in a message of several, the item) exactly as received
 */
record WireStory(String format, String guid, String version, StoryStatus status, Instant embargoedUntil,
		List<String> signals, String title, String byline, String source, String dateline, String publishedAt,
		Instant versionCreated, String language, String url, List<StoryParagraph> paragraphs, List<String> subjects,
		List<String> people, List<String> organisations, List<String> places, String raw) {

	public WireStory {
		status = (status != null) ? status : StoryStatus.USABLE;
		signals = (signals != null) ? List.copyOf(signals) : List.of();
		paragraphs = (paragraphs != null) ? List.copyOf(paragraphs) : List.of();
		subjects = (subjects != null) ? List.copyOf(subjects) : List.of();
		people = (people != null) ? List.copyOf(people) : List.of();
		organisations = (organisations != null) ? List.copyOf(organisations) : List.of();
		places = (places != null) ? List.copyOf(places) : List.of();
	}

}
