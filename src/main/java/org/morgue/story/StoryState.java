package org.morgue.story;

import java.time.Instant;

/**
 * Where a story stands: which version the article shows and how many were received.
 *
 * @param guid the provider's id of the story
 * @param version the version the article shows
 * @param versions how many versions were received
 * @param status the status of the newest version
 * @param embargoedUntil readers see it only from then, or {@code null}
 */
public record StoryState(String guid, String version, int versions, StoryStatus status, Instant embargoedUntil) {
}
