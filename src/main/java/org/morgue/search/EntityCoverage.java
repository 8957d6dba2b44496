package org.morgue.search;

import java.time.LocalDate;
import java.util.List;

import org.morgue.ner.EntitySummary;

/**
 * What the index knows of the articles that mention one entity: counted, paged, over time
 * and with the entities they share, at search speed however many articles there are. It
 * follows curation as the index does, a moment after the database.
 *
 * @param articles how many articles mention it
 * @param articleIds this page of them, newest first (unknown dates last)
 * @param months articles per month ({@code yyyy-MM}), in time order
 * @param firstSeen the earliest publication date among them ({@code null}: none has a
 * known date)
 * @param lastSeen the latest
 * @param cooccurring the people, organisations and places mentioned in most of these
 * articles, most first, each with how many articles it shares
 * ({@link EntitySummary#articleCount()})
 * @param indexAvailable false while the very first index is being built
 */
public record EntityCoverage(long articles, List<Long> articleIds, List<FacetCount> months, LocalDate firstSeen,
		LocalDate lastSeen, List<EntitySummary> cooccurring, boolean indexAvailable) {

	static EntityCoverage unavailable() {
		return new EntityCoverage(0, List.of(), List.of(), null, null, List.of(), false);
	}

}
