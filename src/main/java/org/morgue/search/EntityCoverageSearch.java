package org.morgue.search;

import org.springframework.stereotype.Service;

/**
 * The articles that mention an entity, as its page shows them, read from the index
 * (counted like a search's facets), so an entity in hundreds of thousands of articles
 * costs what a search for it costs.
 */
@Service
public class EntityCoverageSearch {

	private final SearchBackend backend;

	private final EntityFacets entityFacets;

	EntityCoverageSearch(SearchBackend backend, EntityFacets entityFacets) {
		this.backend = backend;
		this.entityFacets = entityFacets;
	}

	/**
	 * How many articles mention the entity, a page of them newest first, per month, the
	 * first and last dates, and the entities they mention most besides it.
	 * @param together how many co-occurring entities to give
	 */
	public EntityCoverage of(long entityId, int offset, int size, int together) {
		EntityCoverage found = backend.coverage(entityId, offset, size, together);
		if (found.cooccurring().isEmpty()) {
			return found;
		}
		return new EntityCoverage(found.articles(), found.articleIds(), found.months(), found.firstSeen(),
				found.lastSeen(), entityFacets.named(found.cooccurring()), true);
	}

}
