package org.morgue.ner;

import java.util.List;

/**
 * An entity as the archive's curated record has it. What the articles that mention it say
 * of it (over time, with whom) is the index's to count:
 * {@code org.morgue.search.EntityCoverage}.
 *
 * @param aliases the names it is known by besides its own, as first written
 * @param articleCount how many articles mention it
 */
public record EntityDetails(long id, String name, EntityType type, List<String> aliases, long articleCount) {
}
