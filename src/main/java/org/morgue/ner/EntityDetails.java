package org.morgue.ner;

import java.time.LocalDate;
import java.util.List;

/**
 * An entity with what its page shows.
 *
 * @param aliases the names it is known by besides its own, as first written
 * @param articleCount how many articles mention it
 * @param firstSeen the earliest publication date of an article mentioning it ({@code null}: none
 * with a known date)
 * @param lastSeen the latest such date
 * @param cooccurring the entities that appear in the same articles most, with how many articles
 * they share
 */
public record EntityDetails(long id, String name, EntityType type, List<String> aliases, long articleCount,
		LocalDate firstSeen, LocalDate lastSeen, List<EntitySummary> cooccurring) {
}
