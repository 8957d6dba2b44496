package org.morgue.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.morgue.story.StoryStatus;
import org.morgue.ingest.Dateline;
import org.morgue.ingest.DatelineMatch;

/**
 * What a parser has read of one story, made into a {@link WireStory} the same way for
 * every format: the dateline at the head of the first paragraph, as wire copy has it
 * ({@code GROSSETO, Italy (AP) --}), is read by the archive's dateline parser and taken
 * off the paragraph; it gives the dateline and the source when the document names
 * neither. A usable story must have text; a kill or a withholding need not, because it is
 * about the versions before it. Not thread-safe: one draft per story.
 */
final class StoryDraft {

	final String format;

	final String raw;

	String guid;

	String version;

	StoryStatus status;

	Instant embargoedUntil;

	List<String> signals = new ArrayList<>();

	String title;

	String byline;

	String source;

	String dateline;

	String publishedAt;

	Instant versionCreated;

	String language;

	String url;

	List<StoryParagraph> paragraphs = new ArrayList<>();

	List<String> subjects = new ArrayList<>();

	List<String> people = new ArrayList<>();

	List<String> organisations = new ArrayList<>();

	List<String> places = new ArrayList<>();

	StoryDraft(String format, String raw) {
		this.format = format;
		this.raw = raw;
	}

	/**
	 * Whether this is a story to take: one with text (a paragraph other than a dateline
	 * alone), or a kill or a withholding.
	 */
	boolean isStory() {
		return !text().isEmpty() || (this.status != null && this.status != StoryStatus.USABLE);
	}

	/**
	 * The story.
	 * @param noText what the document is, for the refusal when it has no text ("The news
	 * item", "The ninjs document")
	 * @throws InvalidWireDocumentException when a usable story has no text
	 */
	WireStory story(String noText) {
		List<StoryParagraph> text = text();
		if (!isStory()) {
			throw new InvalidWireDocumentException(noText + " has no story text: there is nothing to archive.");
		}
		String storyDateline = this.dateline;
		String storySource = this.source;
		Optional<DatelineMatch> lead = leadDateline();
		if (lead.isPresent()) {
			Dateline found = lead.get().dateline();
			storyDateline = (storyDateline != null) ? storyDateline : found.place();
			storySource = (storySource != null) ? storySource : found.agency();
		}
		String published = (this.publishedAt != null) ? this.publishedAt
				: (this.versionCreated != null) ? WireDates.publication(this.versionCreated.toString()) : null;
		return new WireStory(this.format, this.guid, this.version, this.status, this.embargoedUntil, this.signals,
				this.title, this.byline, storySource, storyDateline, published, this.versionCreated, this.language,
				this.url, text, distinct(this.subjects), distinct(this.people), distinct(this.organisations),
				distinct(this.places), this.raw);
	}

	/** The paragraphs, the dateline taken off the first. */
	private List<StoryParagraph> text() {
		List<StoryParagraph> text = new ArrayList<>(this.paragraphs);
		Optional<DatelineMatch> lead = leadDateline();
		if (lead.isPresent()) {
			String rest = StoryText.collapse(lead.get().rest());
			if (rest == null) {
				text.remove(0);
			}
			else {
				text.set(0, new StoryParagraph(rest, false));
			}
		}
		return text;
	}

	private Optional<DatelineMatch> leadDateline() {
		if (this.paragraphs.isEmpty() || this.paragraphs.get(0).subhead()) {
			return Optional.empty();
		}
		return Dateline.atStartOf(this.paragraphs.get(0).text());
	}

	/** The first value that is neither {@code null} nor blank, or {@code null}. */
	static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static List<String> distinct(List<String> values) {
		return values.stream().filter((value) -> value != null && !value.isBlank()).distinct().toList();
	}

}
