package org.morgue.tag;

/**
 * A tag as first written, and how many articles have it.
 */
public record TagSummary(String name, long articleCount) {
}
