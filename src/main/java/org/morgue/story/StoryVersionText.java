package org.morgue.story;

/**
 * The text of one version as it arrived, for showing what changed between two.
 *
 * @param body paragraphs separated by a blank line
 * @param rawText the document as received
 */
public record StoryVersionText(StoryVersionSummary version, String body, String rawText) {
}
