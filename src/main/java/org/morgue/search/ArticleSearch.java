package org.morgue.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.morgue.copies.CopyCount;
import org.morgue.copies.CopyService;

import org.springframework.stereotype.Service;

/**
 * Runs searches against the index: exact totals, hits with highlights, facets over all
 * matches, cursors that walk every hit, and the ids of all matches for exports, bulk
 * changes, saved-search counts and feeds. Hits are ids; the articles are read from
 * PostgreSQL.
 * <p>
 * The work is shared out: {@link ArticleQueries} builds the query, {@link FacetCounter}
 * counts (and finds the copy that stands for each group of copies, {@link CopyHeads}),
 * {@link RankedPage} ranks a page, {@link SearchCursor} reads and writes cursors,
 * {@link EntityFacets} names the entities counted and {@link SearchHits} reads and
 * highlights the page.
 */
@Service
public class ArticleSearch {

	/** The most hits one page may ask for. */
	public static final int MAX_SIZE = SearchRequest.MAX_SIZE;

	private final ArticleIndex index;

	private final ArticleQueries queries;

	private final EntityFacets entityFacets;

	private final SearchHits hits;

	private final CopyService copies;

	ArticleSearch(ArticleIndex index, ArticleQueries queries, EntityFacets entityFacets, SearchHits hits,
			CopyService copies) {
		this.copies = copies;
		this.index = index;
		this.queries = queries;
		this.entityFacets = entityFacets;
		this.hits = hits;
	}

	/**
	 * @throws InvalidQueryException when the query or the cursor cannot be read
	 */
	public SearchResult search(SearchRequest request) {
		long started = System.nanoTime();
		Query text = queries.text(request.query());
		Query query = queries.filtered(text, request);
		SearchSort order = request.effectiveSort();
		Sort sort = ResultOrder.of(order);
		FieldDoc after = SearchCursor.decode(request.cursor(), order);
		long parsed = System.nanoTime();
		long[] counted = new long[1];
		List<RankedPage> found = new ArrayList<>(1);
		SearchResult result = index.read(searcher -> {
			FacetCounter.Counts counts = searcher.search(query, new FacetCounter());
			Map<String, List<FacetCount>> facets = counts.facets();
			facets.putAll(entityFacets.of(counts));
			if (!request.sources().isEmpty()) {
				// Sources are counted as if none were chosen, so that a reader can add
				// another.
				Query unfiltered = queries.filtered(text, request.withoutSources());
				facets.put(SearchResult.SOURCE,
						searcher.search(unfiltered, new FacetCounter()).facets().get(SearchResult.SOURCE));
			}
			counted[0] = System.nanoTime();
			CopyHeads copies = request.allCopies() ? null : counts.copies();
			RankedPage page = RankedPage.rank(searcher, query, sort, after, request.offset(), request.size(),
					(copies != null) ? copies.stories() : counts.total(), copies);
			found.add(page);
			return new SearchResult(counts.total(), counts.copies().stories(), List.of(), facets,
					page.nextCursor(order), true, null);
		}, SearchResult.unavailable());
		if (found.isEmpty()) {
			return result;
		}
		long ranked = System.nanoTime();
		SearchHits.Page page = hits.read(text, found.get(0).ids());
		Map<Long, CopyCount> groups = copies.counts(found.get(0).ids());
		List<SearchHit> withCopies = page.hits().stream().map(hit -> hit.withCopies(groups.get(hit.id()))).toList();
		long highlighted = System.nanoTime();
		SearchTimings timings = new SearchTimings(Duration.ofNanos(parsed - started),
				Duration.ofNanos(counted[0] - parsed), Duration.ofNanos(ranked - counted[0]),
				Duration.ofNanos(page.fetchNanos()), Duration.ofNanos(highlighted - ranked - page.fetchNanos()));
		return new SearchResult(result.total(), result.stories(), withCopies, result.facets(), result.nextCursor(),
				true, timings);
	}

	/**
	 * Calls {@code batch} with the ids of every match, in the requested order, a batch at
	 * a time; for exports, which have no limit.
	 * @return how many ids were delivered
	 */
	public long forEachMatch(SearchRequest request, int batchSize, Consumer<List<Long>> batch) {
		Query query = queries.of(request);
		Sort sort = ResultOrder.of(request.effectiveSort());
		long delivered = 0;
		FieldDoc after = null;
		while (true) {
			FieldDoc from = after;
			RankedPage page = index.read(searcher -> RankedPage.rank(searcher, query, sort, from, 0, batchSize, -1),
					null);
			if (page == null || page.ids().isEmpty()) {
				return delivered;
			}
			batch.accept(page.ids());
			delivered += page.ids().size();
			if (page.ids().size() < batchSize) {
				return delivered;
			}
			after = page.last();
		}
	}

	/**
	 * The ids of every match of the search (its order, size, offset and cursor do not
	 * matter), in id order, for acting on all results at once.
	 * @param limit the most matches taken: a search with more is refused
	 * @throws InvalidQueryException when the search cannot be read, matches more than
	 * {@code limit} articles, or the index is still being built
	 */
	public List<Long> matchingIds(SearchRequest request, int limit) {
		Query query = queries.of(request);
		List<Long> ids = index.read(searcher -> {
			int total = searcher.count(query);
			if (total > limit) {
				throw new InvalidQueryException("q",
						String.format(Locale.ENGLISH,
								"This search matches %,d articles; at most %,d can be changed at once. Narrow it.",
								total, limit));
			}
			return searcher.search(query, new MatchingIds());
		}, null);
		if (ids == null) {
			throw new InvalidQueryException("q", "The search index is being built; try again when it is ready.");
		}
		return ids;
	}

	/**
	 * Counts the matches of each search, without ranking or reading any: cheap enough to
	 * run for all of a reader's saved searches on every visit. A search that cannot be
	 * read counts -1.
	 * @return the counts in the order of the requests; all -1 while the index is
	 * unavailable
	 */
	public List<Long> count(List<SearchRequest> requests) {
		List<Query> built = new ArrayList<>(requests.size());
		for (SearchRequest request : requests) {
			try {
				built.add(queries.of(request));
			}
			catch (InvalidQueryException ex) {
				built.add(null);
			}
		}
		List<Long> unknown = requests.stream().map(request -> -1L).toList();
		return index.read(searcher -> {
			List<Long> counts = new ArrayList<>(built.size());
			for (Query query : built) {
				counts.add((query != null) ? (long) searcher.count(query) : -1L);
			}
			return counts;
		}, unknown);
	}

	/**
	 * The ids of the matches the archive received last, newest first (then highest id),
	 * whatever order the request asks for; for feeds.
	 * @throws InvalidQueryException when the query cannot be read
	 */
	public List<Long> lastReceived(SearchRequest request, int count) {
		Query query = queries.of(request);
		return index.read(searcher -> RankedPage.ids(searcher,
				searcher.search(query, Math.max(1, count), ResultOrder.lastReceived()).scoreDocs), List.of());
	}

}
