package org.morgue.story;

import java.time.Instant;
import java.util.List;

/**
 * A version of a story as received.
 *
 * @param id the archive's id of this version
 * @param version the provider's version (or the key the archive gave a version without
 * one)
 * @param applied whether it became the article's text and status when it arrived
 * @param current whether the article shows it now
 */
public record StoryVersionSummary(long id, String version, Instant versionCreated, Instant receivedAt,
		String receivedBy, StoryStatus status, Instant embargoedUntil, String format, List<String> signals,
		String title, boolean applied, boolean current) {
}
