package org.morgue.story;

import java.time.Instant;
import java.util.List;

import org.morgue.article.NewArticle;

/**
 * A version of a story as it arrives, its text already read into an article.
 *
 * @param guid the provider's id of the story
 * @param version the provider's version as written, or {@code null} when it gives none
 * @param versionCreated when the provider made this version, or {@code null}
 * @param status usable, withheld or canceled
 * @param embargoedUntil readers see it only from then, or {@code null}
 * @param format the format it came in ({@code NewsML-G2}, {@code ninjs}, ...)
 * @param signals the provider's signals, as written
 * @param article the text and metadata of this version, and the document as received
 */
public record IncomingVersion(String guid, String version, Instant versionCreated, StoryStatus status,
		Instant embargoedUntil, String format, List<String> signals, NewArticle article) {

	public IncomingVersion {
		status = (status != null) ? status : StoryStatus.USABLE;
		signals = (signals != null) ? List.copyOf(signals) : List.of();
	}

}
