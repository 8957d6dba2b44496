package org.morgue.ner;

/**
 * An entity in a list.
 *
 * @param articleCount how many articles mention it
 */
public record EntitySummary(long id, String name, EntityType type, long articleCount) {
}
