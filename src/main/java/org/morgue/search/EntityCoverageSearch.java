package org.morgue.search;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldDocs;
import org.morgue.ner.EntitySummary;

import org.springframework.stereotype.Service;

/**
 * The articles that mention an entity, as its page shows them, read from the index
 * (counted like a search's facets), so an entity in hundreds of thousands of articles
 * costs what a search for it costs.
 */
@Service
public class EntityCoverageSearch {

	private final ArticleIndex index;

	private final ArticleQueries queries;

	private final EntityFacets entityFacets;

	EntityCoverageSearch(ArticleIndex index, EntityFacets entityFacets, ArticleQueries queries) {
		this.index = index;
		this.queries = queries;
		this.entityFacets = entityFacets;
	}

	/**
	 * How many articles mention the entity, a page of them newest first, per month, the
	 * first and last dates, and the entities they mention most besides it.
	 * @param together how many co-occurring entities to give
	 */
	public EntityCoverage of(long entityId, int offset, int size, int together) {
		Query query = queries.forCaller(ArticleQueryParser.entities(List.of(entityId)));
		EntityCoverage found = index.read(searcher -> {
			FacetCounter.Counts counts = searcher.search(query, new FacetCounter());
			RankedPage page = RankedPage.rank(searcher, query, ResultOrder.of(SearchSort.NEWEST), null, offset, size,
					counts.total());
			List<EntitySummary> shared = new ArrayList<>();
			counts.entities().values().forEach(byId -> byId.forEach((id, count) -> {
				if (id != entityId) {
					shared.add(new EntitySummary(id, null, null, count));
				}
			}));
			shared.sort(Comparator.comparingLong(EntitySummary::articleCount)
				.reversed()
				.thenComparingLong(EntitySummary::id));
			return new EntityCoverage(counts.total(), page.ids(), counts.facets().get(SearchResult.MONTH),
					seen(searcher, query, false), seen(searcher, query, true),
					List.copyOf(shared.subList(0, Math.min(together, shared.size()))), true);
		}, EntityCoverage.unavailable());
		if (found.cooccurring().isEmpty()) {
			return found;
		}
		return new EntityCoverage(found.articles(), found.articleIds(), found.months(), found.firstSeen(),
				found.lastSeen(), entityFacets.named(found.cooccurring()), true);
	}

	/** The publication date of the oldest or newest dated match. */
	private static LocalDate seen(IndexSearcher searcher, Query query, boolean latest) throws IOException {
		Query dated = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
			.add(new FieldExistsQuery(ArticleFields.PUBLISHED), BooleanClause.Occur.FILTER)
			.build();
		TopFieldDocs top = searcher.search(dated, 1, new Sort(ResultOrder.published(latest)));
		if (top.scoreDocs.length == 0) {
			return null;
		}
		long seconds = (Long) ((FieldDoc) top.scoreDocs[0]).fields[0];
		return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
	}

}
