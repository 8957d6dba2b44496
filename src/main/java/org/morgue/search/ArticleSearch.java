package org.morgue.search;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.morgue.copies.CopyCount;
import org.morgue.copies.CopyService;

import org.springframework.stereotype.Service;

/**
 * Runs searches against the index: exact totals, hits with highlights, facets over all
 * matches, cursors that walk every hit, and the ids of all matches for exports, bulk
 * changes, saved-search counts and feeds. Hits are ids; the articles are read from
 * PostgreSQL.
 * <p>
 * The engine ({@link SearchBackend}) counts and ranks; {@link SearchHits} reads and
 * highlights the page, and each hit gets its group of copies.
 */
@Service
public class ArticleSearch {

	/** The most hits one page may ask for. */
	public static final int MAX_SIZE = SearchRequest.MAX_SIZE;

	private final SearchBackend backend;

	private final SearchHits hits;

	private final CopyService copies;

	ArticleSearch(SearchBackend backend, SearchHits hits, CopyService copies) {
		this.backend = backend;
		this.hits = hits;
		this.copies = copies;
	}

	/**
	 * @throws InvalidQueryException when the query or the cursor cannot be read
	 */
	public SearchResult search(SearchRequest request) {
		SearchBackend.RankedSearch found = backend.search(request);
		if (found == null) {
			return SearchResult.unavailable();
		}
		long ranked = System.nanoTime();
		SearchHits.Page page = hits.read(request.query(), found.ids());
		Map<Long, CopyCount> groups = copies.counts(found.ids());
		List<SearchHit> withCopies = page.hits().stream().map(hit -> hit.withCopies(groups.get(hit.id()))).toList();
		long highlighted = System.nanoTime();
		SearchTimings timings = new SearchTimings(found.parse(), found.count(), found.rank(),
				Duration.ofNanos(page.fetchNanos()), Duration.ofNanos(highlighted - ranked - page.fetchNanos()));
		return new SearchResult(found.total(), found.stories(), withCopies, found.facets(), found.nextCursor(), true,
				timings);
	}

	/**
	 * Calls {@code batch} with the ids of every match, in the requested order, a batch at
	 * a time; for exports, which have no limit.
	 * @return how many ids were delivered
	 */
	public long forEachMatch(SearchRequest request, int batchSize, Consumer<List<Long>> batch) {
		return backend.forEachMatch(request, batchSize, batch);
	}

	/**
	 * The ids of every match of the search (its order, size, offset and cursor do not
	 * matter), in id order, for acting on all results at once.
	 * @param limit the most matches taken: a search with more is refused
	 * @throws InvalidQueryException when the search cannot be read, matches more than
	 * {@code limit} articles, or the index is still being built
	 */
	public List<Long> matchingIds(SearchRequest request, int limit) {
		List<Long> ids = backend.matchingIds(request, limit);
		if (ids == null) {
			throw new InvalidQueryException("q", "The search index is being built; try again when it is ready.");
		}
		return ids;
	}

	/** The refusal of a search that matches more articles than may be changed at once. */
	static InvalidQueryException tooManyToChange(long total, int limit) {
		return new InvalidQueryException("q", String.format(Locale.ENGLISH,
				"This search matches %,d articles; at most %,d can be changed at once. Narrow it.", total, limit));
	}

	/**
	 * Counts the matches of each search, without ranking or reading any: cheap enough to
	 * run for all of a reader's saved searches on every visit. A search that cannot be
	 * read counts -1.
	 * @return the counts in the order of the requests; all -1 while the index is
	 * unavailable
	 */
	public List<Long> count(List<SearchRequest> requests) {
		return backend.count(requests);
	}

	/**
	 * The ids of the matches the archive received last, newest first (then highest id),
	 * whatever order the request asks for; for feeds.
	 * @throws InvalidQueryException when the query cannot be read
	 */
	public List<Long> lastReceived(SearchRequest request, int count) {
		return backend.lastReceived(request, count);
	}

}
