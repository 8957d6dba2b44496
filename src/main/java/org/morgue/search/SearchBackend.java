package org.morgue.search;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.morgue.article.ArticleContent;

/**
 * The search engine that holds the index, behind the module's searches, index updates,
 * rebuilds and checks: everything that touches the engine goes through here, and the
 * public classes of the module ({@link ArticleSearch}, {@link RelatedArticles},
 * {@link EntityCoverageSearch}, {@link IndexMaintenance}) and the indexer delegate to it.
 * Which engine it is, is set by {@code morgue.search.backend}
 * ({@link SearchProperties#backend()}).
 * <p>
 * What is the same for every engine stays outside: the query language's messages, the
 * checks of a request, the names of facets, the highlighting of the hits' texts read from
 * PostgreSQL, the naming of the entities counted by id, the copies of each hit, the walk
 * that compares the index with PostgreSQL and the background jobs that rebuild and check
 * it.
 * <p>
 * Implementations are thread-safe. Reads made while no index exists yet (the first one is
 * being built) answer as each method says, never with an exception.
 */
interface SearchBackend {

	/** Whether searches are answered: false only while the very first index is built. */
	boolean available();

	/**
	 * Counts every match of the request with its facets (those of entities by name), and
	 * ranks the page it asks for, of each group of copies its shown copy unless the
	 * request lists every copy.
	 * @return {@code null} while no index is available
	 * @throws InvalidQueryException when the query or the cursor cannot be read
	 */
	RankedSearch search(SearchRequest request);

	/**
	 * Calls {@code batch} with the ids of every match, in the requested order, a batch at
	 * a time.
	 * @return how many ids were delivered
	 * @throws InvalidQueryException when the query cannot be read
	 */
	long forEachMatch(SearchRequest request, int batchSize, Consumer<List<Long>> batch);

	/**
	 * The ids of every match, in id order.
	 * @return {@code null} while no index is available
	 * @throws InvalidQueryException when the query cannot be read or matches more than
	 * {@code limit} articles ({@link ArticleSearch#tooManyToChange})
	 */
	List<Long> matchingIds(SearchRequest request, int limit);

	/**
	 * The number of matches of each request, -1 for one that cannot be read; all -1 while
	 * no index is available.
	 */
	List<Long> count(List<SearchRequest> requests);

	/**
	 * The ids of the matches received last, newest first (then highest id); none while no
	 * index is available.
	 * @throws InvalidQueryException when the query cannot be read
	 */
	List<Long> lastReceived(SearchRequest request, int count);

	/**
	 * Up to {@code count} ids of the articles most like this one by the distinctive words
	 * of its title and body, best first, without it and without the copies of its group
	 * ({@code copyGroup}, {@code null} for none); none while no index is available.
	 */
	List<Long> related(ArticleContent article, Long copyGroup, int count);

	/**
	 * The matches of the entity as its page shows them; the entities counted beside it
	 * are given by id and count only (their names are added by the caller).
	 * @return {@link EntityCoverage#unavailable()} while no index is available
	 */
	EntityCoverage coverage(long entityId, int offset, int size, int together);

	/**
	 * Indexes the article in the index in service and in one being built.
	 * @param wait whether to wait (briefly) until searches see it
	 */
	void update(IndexedArticle article, boolean wait);

	/** Changes the articles' groups of copies (0: no copies), without indexing again. */
	void setCopyGroups(Map<Long, Long> groups);

	/** Removes the article from the index in service and from one being built. */
	void delete(long id, boolean wait);

	/**
	 * Why the index must be rebuilt from PostgreSQL, or {@code null} when it is in order.
	 */
	String rebuildReason();

	/**
	 * Whether the index was closed when the archive last stopped; if not, changes since
	 * its last commit may be lost and must be repaired from PostgreSQL.
	 */
	boolean closedCleanly();

	/**
	 * The index in service, to check and repair, or {@code null} when there is none that
	 * can be written (the first is being built, or the one there is of an older schema).
	 * Changes through it also reach an index being built.
	 */
	Target serving();

	/**
	 * Starts a new, empty index that receives every change from now on, beside the one in
	 * service.
	 * @throws IllegalStateException when a rebuild is already running
	 */
	Target beginBuild() throws IOException;

	/**
	 * Makes a built index durable and searchable, merged down to at most
	 * {@code maxSegments} pieces (0: as built), before it is checked.
	 */
	void finishBuild(Target built, int maxSegments) throws IOException;

	/** Puts the built index in service and retires the old one. */
	void completeBuild(Target built) throws IOException;

	/** Gives up a rebuild: its index is removed, the old one stays in service. */
	void abandonBuild(Target built);

	/** Makes the changes so far durable now, when there are any. */
	void commitIfChanged();

	/** Articles in the index in service. */
	long documents();

	/** Where the index in service lives, for administrators; {@code null} for none. */
	String location();

	/** The schema version of the documents this version of Morgue writes. */
	int schemaVersion();

	/**
	 * One index to write to directly: the one in service, or one being built.
	 * Thread-safe.
	 */
	interface Target {

		void update(IndexedArticle article);

		void delete(long id);

		/** Makes every change so far visible to the next read. */
		void refresh();

		/** The ids and versions of every article in this index, sorted by id. */
		IndexedVersions versions();

	}

	/**
	 * A page of a search as the engine ranked it.
	 *
	 * @param total every match, every copy counted
	 * @param stories the matches with each group of copies counted once
	 * @param ids the page's articles, in order
	 * @param facets the counts over all matches, by facet name ({@link SearchResult})
	 * @param nextCursor where the next page starts, or {@code null} on the last
	 */
	record RankedSearch(long total, long stories, List<Long> ids, Map<String, List<FacetCount>> facets,
			String nextCursor, Duration parse, Duration count, Duration rank) {
	}

}
