package org.morgue.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import jakarta.annotation.PreDestroy;
import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.ner.EntityService;
import org.morgue.ner.EntitySummary;
import org.morgue.ner.EntityType;

import org.springframework.stereotype.Service;

/**
 * Searches the index: exact totals, hits with highlights, facets over all matches, cursors that walk
 * every hit, and related articles. Hits are ids; the articles are read from PostgreSQL.
 */
@Service
public class ArticleSearch {

	/** The most hits one page may ask for. */
	public static final int MAX_SIZE = 100;

	/** People, organisations and places counted in each entity facet. */
	private static final int TOP_ENTITIES = 15;

	private static final int SNIPPETS = 2;

	private static final int SNIPPET_LENGTH = 220;

	/**
	 * Ranking counts matches exactly only up to here; beyond, it may skip what cannot make the page
	 * (the total comes from counting).
	 */
	private static final int RANK_COUNT_THRESHOLD = 1000;

	/**
	 * Up to this many matches, ranking them all is cheaper than skipping: measured at a million
	 * articles, skipping cost a boolean query with 26,000 matches 15 ms against 4 ms to visit them all,
	 * and saved a common term with 400,000 matches most of its time.
	 */
	private static final long RANK_ALL_UP_TO = 100_000;

	/** Pages of at least this many hits are read and highlighted in two halves at once. */
	private static final int SPLIT_PAGES_FROM = 8;

	private static final String MARK = "<mark>";

	private static final String UNMARK = "</mark>";

	private final ArticleIndex index;

	private final ArticleService articles;

	private final EntityService entities;

	/** Reads and highlights half of a long page while the searching thread does the other half. */
	private final ExecutorService pageThreads = Executors.newFixedThreadPool(
			Math.max(1, Runtime.getRuntime().availableProcessors() - 1), runnable -> {
				Thread thread = new Thread(runnable, "search-page");
				thread.setDaemon(true);
				return thread;
			});

	ArticleSearch(ArticleIndex index, ArticleService articles, EntityService entities) {
		this.entities = entities;
		this.index = index;
		this.articles = articles;
	}

	/**
	 * @throws InvalidQueryException when the query, the dates or the cursor cannot be read
	 */
	public SearchResult search(SearchRequest request) {
		if (request.size() < 1 || request.size() > MAX_SIZE) {
			throw new InvalidQueryException("size", "'size' must be between 1 and " + MAX_SIZE + ".");
		}
		if (request.offset() < 0) {
			throw new InvalidQueryException("page", "Pages count from the first.");
		}
		if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
			throw new InvalidQueryException("from", "The date range ends before it starts.");
		}
		long started = System.nanoTime();
		Query text = new ArticleQueryParser(entities::idsNamed).parse(request.query());
		Query query = filtered(text, request);
		SearchSort order = request.effectiveSort();
		Sort sort = sort(order);
		FieldDoc after = Cursor.decode(request.cursor(), order);
		long parsed = System.nanoTime();
		long[] counted = new long[1];
		List<Page> found = new ArrayList<>(1);
		SearchResult result = index.read(searcher -> {
			FacetCounter.Counts counts = count(searcher, query);
			Map<String, List<FacetCount>> facets = counts.facets();
			facets.putAll(entityFacets(counts));
			if (!request.sources().isEmpty()) {
				// Sources are counted as if none were chosen, so that a reader can add another.
				Query unfiltered = filtered(text, new SearchRequest(null, List.of(), request.entities(), request.tags(),
						request.from(), request.to(), null, 1, 0, null, request.ingestedAfter()));
				facets.put(SearchResult.SOURCE, count(searcher, unfiltered).facets().get(SearchResult.SOURCE));
			}
			counted[0] = System.nanoTime();
			Page page = page(searcher, query, sort, after, request.offset(), request.size(), counts.total());
			found.add(page);
			return new SearchResult(counts.total(), List.of(), facets, page.nextCursor(order), true, null);
		}, SearchResult.unavailable());
		if (found.isEmpty()) {
			return result;
		}
		long ranked = System.nanoTime();
		long[] fetching = new long[1];
		List<SearchHit> hits = hits(text, found.get(0).ids(), fetching);
		long highlighted = System.nanoTime();
		SearchTimings timings = new SearchTimings(Duration.ofNanos(parsed - started), Duration.ofNanos(counted[0] - parsed),
				Duration.ofNanos(ranked - counted[0]), Duration.ofNanos(fetching[0]),
				Duration.ofNanos(highlighted - ranked - fetching[0]));
		return new SearchResult(result.total(), hits, result.facets(), result.nextCursor(), true, timings);
	}

	/**
	 * Calls {@code batch} with the ids of every match, in the requested order, a batch at a time;
	 * for exports, which have no limit.
	 */
	public long forEachMatch(SearchRequest request, int batchSize, Consumer<List<Long>> batch) {
		Query query = filtered(new ArticleQueryParser(entities::idsNamed).parse(request.query()), request);
		SearchSort order = request.effectiveSort();
		Sort sort = sort(order);
		long delivered = 0;
		FieldDoc after = null;
		while (true) {
			FieldDoc from = after;
			Page page = index.read(searcher -> page(searcher, query, sort, from, 0, batchSize, -1), null);
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
	 * The ids of every match of the search (its order, size, offset and cursor do not matter), for
	 * acting on all results at once.
	 * @param limit the most matches taken: a search with more is refused
	 * @throws InvalidQueryException when the search cannot be read, matches more than {@code limit}
	 * articles, or the index is still being built
	 */
	public List<Long> matchingIds(SearchRequest request, int limit) {
		Query query = filtered(new ArticleQueryParser(entities::idsNamed).parse(request.query()), request);
		List<Long> ids = index.read(searcher -> {
			try {
				int total = searcher.count(query);
				if (total > limit) {
					throw new InvalidQueryException("q", String.format(Locale.ENGLISH,
							"This search matches %,d articles; at most %,d can be changed at once. Narrow it.", total, limit));
				}
				return searcher.search(query, new MatchingIds());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, null);
		if (ids == null) {
			throw new InvalidQueryException("q", "The search index is being built; try again when it is ready.");
		}
		return ids;
	}

	/** Collects the article id of every match, scoring nothing. */
	private static final class MatchingIds implements CollectorManager<SimpleCollector, List<Long>> {

		private final List<List<Long>> parts = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public SimpleCollector newCollector() {
			List<Long> ids = new ArrayList<>();
			parts.add(ids);
			return new SimpleCollector() {

				private NumericDocValues values;

				@Override
				protected void doSetNextReader(LeafReaderContext context) throws IOException {
					values = DocValues.getNumeric(context.reader(), ArticleFields.ID_VALUE);
				}

				@Override
				public void collect(int doc) throws IOException {
					if (values.advanceExact(doc)) {
						ids.add(values.longValue());
					}
				}

				@Override
				public ScoreMode scoreMode() {
					return ScoreMode.COMPLETE_NO_SCORES;
				}

			};
		}

		@Override
		public List<Long> reduce(java.util.Collection<SimpleCollector> collectors) {
			List<Long> all = new ArrayList<>();
			parts.forEach(all::addAll);
			all.sort(null);
			return all;
		}

	}

	/**
	 * Counts the matches of each search, without ranking or reading any: cheap enough to run for all
	 * of a reader's saved searches on every visit. A search that cannot be read counts -1.
	 * @return the counts in the order of the requests; all -1 while the index is unavailable
	 */
	public List<Long> count(List<SearchRequest> requests) {
		List<Query> queries = new ArrayList<>(requests.size());
		for (SearchRequest request : requests) {
			try {
				queries.add(filtered(new ArticleQueryParser(entities::idsNamed).parse(request.query()), request));
			}
			catch (InvalidQueryException ex) {
				queries.add(null);
			}
		}
		List<Long> unknown = requests.stream().map(request -> -1L).toList();
		return index.read(searcher -> {
			try {
				List<Long> counts = new ArrayList<>(queries.size());
				for (Query query : queries) {
					counts.add((query != null) ? (long) searcher.count(query) : -1L);
				}
				return counts;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, unknown);
	}

	/**
	 * The ids of the matches the archive received last, newest first (then highest id), whatever
	 * order the request asks for; for feeds.
	 * @throws InvalidQueryException when the query cannot be read
	 */
	public List<Long> lastReceived(SearchRequest request, int count) {
		Query query = filtered(new ArticleQueryParser(entities::idsNamed).parse(request.query()), request);
		SortField received = new SortedNumericSortField(ArticleFields.INGESTED, SortField.Type.LONG, true);
		received.setMissingValue(Long.MIN_VALUE);
		Sort sort = new Sort(received, id(true));
		return index.read(searcher -> {
			try {
				return ids(searcher, searcher.search(query, Math.max(1, count), sort).scoreDocs);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, List.of());
	}

	/**
	 * Articles most like this one (by the distinctive words of its title and body), best first.
	 */
	public List<Long> related(long articleId, int count) {
		List<ArticleContent> content = articles.contents(List.of(articleId));
		if (content.isEmpty()) {
			return List.of();
		}
		ArticleContent article = content.get(0);
		return index.read(searcher -> {
			try {
				MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
				like.setAnalyzer(ArticleAnalyzers.STEMS);
				like.setFieldNames(new String[] { ArticleFields.TEXT });
				like.setMinTermFreq(1);
				like.setMinDocFreq(2);
				like.setMaxQueryTerms(25);
				Query similar = like.like(ArticleFields.TEXT, new StringReader(article.title() + "\n" + article.body()));
				Query query = new BooleanQuery.Builder().add(similar, BooleanClause.Occur.MUST)
					.add(new TermQuery(ArticleFields.idTerm(articleId)), BooleanClause.Occur.MUST_NOT)
					.build();
				TopDocs top = searcher.search(query, count);
				return ids(searcher, top.scoreDocs);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, List.of());
	}

	/**
	 * The articles that mention an entity, as its page shows them: how many, a page of them newest
	 * first, per month, the first and last dates, and the entities they mention most besides it. Read
	 * from the index (counted like a search's facets), so an entity in hundreds of thousands of
	 * articles costs what a search for it costs.
	 * @param together how many co-occurring entities to give
	 */
	public EntityCoverage coverage(long entityId, int offset, int size, int together) {
		Query query = ArticleQueryParser.entities(List.of(entityId));
		EntityCoverage found = index.read(searcher -> {
			FacetCounter.Counts counts = count(searcher, query);
			Page page = page(searcher, query, sort(SearchSort.NEWEST), null, offset, size, counts.total());
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
		Map<Long, EntitySummary> names = entities.summaries(found.cooccurring().stream().map(EntitySummary::id).toList());
		List<EntitySummary> named = found.cooccurring()
			.stream()
			.filter(entity -> names.containsKey(entity.id()))
			.map(entity -> new EntitySummary(entity.id(), names.get(entity.id()).name(), names.get(entity.id()).type(),
					entity.articleCount()))
			.toList();
		return new EntityCoverage(found.articles(), found.articleIds(), found.months(), found.firstSeen(),
				found.lastSeen(), named, true);
	}

	/** The publication date of the oldest or newest dated match. */
	private static LocalDate seen(IndexSearcher searcher, Query query, boolean latest) {
		Query dated = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
			.add(new FieldExistsQuery(ArticleFields.PUBLISHED), BooleanClause.Occur.FILTER)
			.build();
		try {
			TopFieldDocs top = searcher.search(dated, 1, new Sort(published(latest)));
			if (top.scoreDocs.length == 0) {
				return null;
			}
			long seconds = (Long) ((FieldDoc) top.scoreDocs[0]).fields[0];
			return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The most frequent people, organisations and places among all matches, by name. */
	private Map<String, List<FacetCount>> entityFacets(FacetCounter.Counts counts) {
		Map<EntityType, List<Map.Entry<Long, Long>>> top = new java.util.EnumMap<>(EntityType.class);
		List<Long> ids = new ArrayList<>();
		FacetCounter.ENTITY_FACETS.keySet().forEach(type -> {
			List<Map.Entry<Long, Long>> entries = counts.topEntities(type, TOP_ENTITIES);
			top.put(type, entries);
			entries.forEach(entry -> ids.add(entry.getKey()));
		});
		Map<Long, EntitySummary> names = ids.isEmpty() ? Map.of() : entities.summaries(ids);
		Map<String, List<FacetCount>> facets = new java.util.LinkedHashMap<>();
		for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)) {
			facets.put(FacetCounter.ENTITY_FACETS.get(type), top.get(type)
				.stream()
				.filter(entry -> names.containsKey(entry.getKey()))
				.map(entry -> new FacetCount(names.get(entry.getKey()).name(), entry.getValue()))
				.toList());
		}
		return facets;
	}

	private Query filtered(Query text, SearchRequest request) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
		if (!request.sources().isEmpty()) {
			BooleanQuery.Builder sources = new BooleanQuery.Builder();
			request.sources()
				.forEach(source -> sources.add(new TermQuery(new Term(ArticleFields.SOURCE, ArticleFields.sourceKey(source))),
						BooleanClause.Occur.SHOULD));
			query.add(sources.build(), BooleanClause.Occur.FILTER);
		}
		for (String tag : request.tags()) {
			query.add(ArticleQueryParser.tag(tag), BooleanClause.Occur.FILTER);
		}
		for (String entity : request.entities()) {
			query.add(ArticleQueryParser.entities(entities.idsNamed(entity)), BooleanClause.Occur.FILTER);
		}
		if (request.from() != null || request.to() != null) {
			query.add(ArticleQueryParser.dateRange(request.from(), request.to()), BooleanClause.Occur.FILTER);
		}
		if (request.ingestedAfter() != null) {
			long after = request.ingestedAfter().toEpochMilli();
			query.add(LongField.newRangeQuery(ArticleFields.INGESTED, (after == Long.MAX_VALUE) ? after : after + 1,
					Long.MAX_VALUE), BooleanClause.Occur.FILTER);
		}
		return query.build();
	}

	private static Sort sort(SearchSort order) {
		return switch (order) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, published(true), id(true));
			case NEWEST -> new Sort(published(true), id(true));
			case OLDEST -> new Sort(published(false), id(false));
		};
	}

	private static SortField published(boolean newestFirst) {
		SortField field = new SortedNumericSortField(ArticleFields.PUBLISHED, SortField.Type.LONG, newestFirst);
		// Unknown dates come last either way.
		field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
		return field;
	}

	private static SortField id(boolean reverse) {
		return new SortField(ArticleFields.ID_VALUE, SortField.Type.LONG, reverse);
	}

	/**
	 * Ranks one page. Counting is left to {@link FacetCounter}, so ranking may skip matches that
	 * cannot make the page (block-max WAND, sort optimisation on points).
	 * @param total the exact number of matches, or -1 when unknown (then a full page means more)
	 */
	private static Page page(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int offset, int size,
			long total) {
		try {
			int wanted = offset + size;
			int threshold = (total >= 0 && total <= RANK_ALL_UP_TO) ? Integer.MAX_VALUE
					: Math.max(wanted, RANK_COUNT_THRESHOLD);
			TopFieldDocs docs = searcher.search(query, new TopFieldCollectorManager(sort, wanted, after, threshold));
			ScoreDoc[] all = docs.scoreDocs;
			ScoreDoc[] page = java.util.Arrays.copyOfRange(all, Math.min(offset, all.length), all.length);
			FieldDoc last = (page.length > 0) ? (FieldDoc) page[page.length - 1] : null;
			boolean more = (after == null && total >= 0) ? total > wanted : page.length == size;
			return new Page(ids(searcher, page), more ? last : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FacetCounter.Counts count(IndexSearcher searcher, Query query) {
		try {
			return searcher.search(query, new FacetCounter());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Long> ids(IndexSearcher searcher, ScoreDoc[] docs) {
		try {
			List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
			List<Long> ids = new ArrayList<>(docs.length);
			for (ScoreDoc doc : docs) {
				LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
				NumericDocValues values = leaf.reader().getNumericDocValues(ArticleFields.ID_VALUE);
				if (values != null && values.advanceExact(doc.doc - leaf.docBase)) {
					ids.add(values.longValue());
				}
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Marks the matched words in each hit's title and body, read from PostgreSQL. Everything but the
	 * {@code <mark>} elements is HTML-escaped.
	 */
	/**
	 * Reads the page's articles from PostgreSQL and highlights them; a long page in two halves side by
	 * side, one on a page thread and one on the caller's, which nearly halves the wait on two cores.
	 * @param fetching receives the nanoseconds spent until the texts were read
	 */
	private List<SearchHit> hits(Query query, List<Long> ids, long[] fetching) {
		long start = System.nanoTime();
		if (ids.size() < SPLIT_PAGES_FROM) {
			List<ArticleContent> texts = articles.contents(ids);
			fetching[0] = System.nanoTime() - start;
			return highlight(query, texts);
		}
		int half = (ids.size() + 1) / 2;
		CompletableFuture<PagePart> first = CompletableFuture.supplyAsync(() -> part(query, ids.subList(0, half)),
				pageThreads);
		PagePart second = part(query, ids.subList(half, ids.size()));
		PagePart firstPart;
		try {
			firstPart = first.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		fetching[0] = Math.max(firstPart.fetchedAt(), second.fetchedAt()) - start;
		List<SearchHit> hits = new ArrayList<>(firstPart.hits());
		hits.addAll(second.hits());
		return hits;
	}

	private PagePart part(Query query, List<Long> ids) {
		List<ArticleContent> texts = articles.contents(ids);
		long fetchedAt = System.nanoTime();
		return new PagePart(highlight(query, texts), fetchedAt);
	}

	private record PagePart(List<SearchHit> hits, long fetchedAt) {
	}

	@PreDestroy
	void close() {
		pageThreads.shutdownNow();
	}

	private static List<SearchHit> highlight(Query query, List<ArticleContent> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		UnifiedHighlighter titles = UnifiedHighlighter.builderWithoutSearcher(ArticleAnalyzers.INDEX)
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(new DefaultPassageFormatter(MARK, UNMARK, " … ", true))
			.withMaxNoHighlightPassages(1)
			.withHighlightPhrasesStrictly(true)
			.withFieldMatcher(field -> field.equals(ArticleFields.TITLE) || field.equals(ArticleFields.TEXT))
			.build();
		UnifiedHighlighter bodies = UnifiedHighlighter.builderWithoutSearcher(ArticleAnalyzers.INDEX)
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
			.withFormatter(new DefaultPassageFormatter(MARK, UNMARK, "\u0000", true))
			.withMaxNoHighlightPassages(1)
			.withHighlightPhrasesStrictly(true)
			.withFieldMatcher(field -> field.equals(ArticleFields.TEXT))
			.build();
		List<SearchHit> hits = new ArrayList<>(texts.size());
		for (ArticleContent article : texts) {
			try {
				Object title = titles.highlightWithoutSearcher(ArticleFields.TITLE, query, article.title(), 1);
				Object body = bodies.highlightWithoutSearcher(ArticleFields.TEXT, query, article.body(), SNIPPETS);
				hits.add(new SearchHit(article.id(), (title != null) ? title.toString() : escape(article.title()),
						snippets(body)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return hits;
	}

	private static List<String> snippets(Object highlighted) {
		if (highlighted == null) {
			return List.of();
		}
		List<String> snippets = new ArrayList<>();
		for (String passage : highlighted.toString().split("\u0000")) {
			String trimmed = passage.strip();
			if (!trimmed.isEmpty()) {
				snippets.add(trimmed);
			}
		}
		return snippets;
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#x27;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** A page of hits from the index, before highlighting. */
	private record Page(List<Long> ids, FieldDoc last) {

		String nextCursor(SearchSort order) {
			return (last != null) ? Cursor.encode(last, order) : null;
		}

	}

	/**
	 * Where a page ended, as an opaque string: the sort values of its last hit, which end in the
	 * article id, so the next page starts right after it however the index has changed meanwhile.
	 */
	static final class Cursor {

		private Cursor() {
		}

		static String encode(FieldDoc last, SearchSort order) {
			StringBuilder text = new StringBuilder(order.name());
			for (Object value : last.fields) {
				text.append('|').append(value);
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
		}

		static FieldDoc decode(String cursor, SearchSort order) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
					.split("\\|");
				if (!parts[0].equals(order.name())) {
					throw new InvalidQueryException("cursor",
							"This cursor belongs to a search in another order; start again without it.");
				}
				Object[] fields = new Object[parts.length - 1];
				for (int i = 1; i < parts.length; i++) {
					boolean score = order == SearchSort.RELEVANCE && i == 1;
					fields[i - 1] = score ? (Object) Float.parseFloat(parts[i]) : (Object) Long.parseLong(parts[i]);
				}
				int expected = (order == SearchSort.RELEVANCE) ? 3 : 2;
				if (fields.length != expected) {
					throw new IllegalArgumentException("wrong number of values");
				}
				return new FieldDoc(Integer.MAX_VALUE, Float.NaN, fields);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidQueryException("cursor",
						"The cursor is not one this archive gave out; start again without it.");
			}
		}

	}

}
