package org.morgue.search;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.morgue.article.ArticleContent;
import org.morgue.ner.EntitySummary;

/**
 * The search backend of one machine: the Lucene index on disk that {@link ArticleIndex}
 * owns. Queries are built by {@link ArticleQueries}; {@link FacetCounter} counts (and
 * finds the copy that stands for each group of copies, {@link CopyHeads}),
 * {@link RankedPage} ranks a page, {@link SearchCursor} reads and writes cursors. Made by
 * {@link SearchBackendConfiguration} when {@code morgue.search.backend} is
 * {@code embedded}, the default.
 */
class EmbeddedSearchBackend implements SearchBackend {

	private final ArticleIndex index;

	private final ArticleQueries queries;

	private final EntityFacets entityFacets;

	EmbeddedSearchBackend(ArticleIndex index, ArticleQueries queries, EntityFacets entityFacets) {
		this.index = index;
		this.queries = queries;
		this.entityFacets = entityFacets;
	}

	@Override
	public boolean available() {
		return index.available();
	}

	@Override
	public RankedSearch search(SearchRequest request) {
		long started = System.nanoTime();
		Query text = queries.text(request.query());
		Query query = queries.filtered(text, request);
		SearchSort order = request.effectiveSort();
		Sort sort = ResultOrder.of(order);
		FieldDoc after = SearchCursor.decode(request.cursor(), order);
		long parsed = System.nanoTime();
		return index.read(searcher -> {
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
			long counted = System.nanoTime();
			CopyHeads copies = request.allCopies() ? null : counts.copies();
			RankedPage page = RankedPage.rank(searcher, query, sort, after, request.offset(), request.size(),
					(copies != null) ? copies.stories() : counts.total(), copies);
			long ranked = System.nanoTime();
			return new RankedSearch(counts.total(), counts.copies().stories(), page.ids(), facets,
					page.nextCursor(order), Duration.ofNanos(parsed - started), Duration.ofNanos(counted - parsed),
					Duration.ofNanos(ranked - counted));
		}, null);
	}

	@Override
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

	@Override
	public List<Long> matchingIds(SearchRequest request, int limit) {
		Query query = queries.of(request);
		return index.read(searcher -> {
			int total = searcher.count(query);
			if (total > limit) {
				throw ArticleSearch.tooManyToChange(total, limit);
			}
			return searcher.search(query, new MatchingIds());
		}, null);
	}

	@Override
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

	@Override
	public List<Long> lastReceived(SearchRequest request, int count) {
		Query query = queries.of(request);
		return index.read(searcher -> RankedPage.ids(searcher,
				searcher.search(query, Math.max(1, count), ResultOrder.lastReceived()).scoreDocs), List.of());
	}

	@Override
	public List<Long> related(ArticleContent article, Long copyGroup, int count) {
		return index.read(searcher -> {
			MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
			like.setAnalyzer(ArticleAnalyzers.STEMS);
			like.setFieldNames(new String[] { ArticleFields.TEXT });
			like.setMinTermFreq(1);
			like.setMinDocFreq(2);
			like.setMaxQueryTerms(25);
			Query similar = like.like(ArticleFields.TEXT, new StringReader(article.title() + "\n" + article.body()));
			BooleanQuery.Builder related = new BooleanQuery.Builder().add(similar, BooleanClause.Occur.MUST)
				.add(new TermQuery(ArticleFields.idTerm(article.id())), BooleanClause.Occur.MUST_NOT);
			if (copyGroup != null) {
				related.add(NumericDocValuesField.newSlowRangeQuery(ArticleFields.COPY_GROUP,
						ArticleFields.copyGroupValue(0, copyGroup), ArticleFields.copyGroupValue(copyGroup, copyGroup)),
						BooleanClause.Occur.MUST_NOT);
			}
			Query query = queries.forCaller(related.build());
			return RankedPage.ids(searcher, searcher.search(query, count).scoreDocs);
		}, List.of());
	}

	@Override
	public EntityCoverage coverage(long entityId, int offset, int size, int together) {
		Query query = queries.forCaller(ArticleQueryParser.entities(List.of(entityId)));
		return index.read(searcher -> {
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

	@Override
	public void update(IndexedArticle article, boolean wait) {
		index.update(article, wait);
	}

	@Override
	public void setCopyGroups(Map<Long, Long> groups) {
		index.setCopyGroups(groups);
	}

	@Override
	public void delete(long id, boolean wait) {
		index.delete(id, wait);
	}

	@Override
	public String rebuildReason() {
		return index.rebuildReason();
	}

	@Override
	public boolean closedCleanly() {
		return index.closedCleanly();
	}

	@Override
	public Target serving() {
		IndexHandle handle = index.serving();
		if (handle == null || !handle.writable()) {
			return null;
		}
		// Through the index, so that a repair also reaches an index being built.
		return new Target() {

			@Override
			public void update(IndexedArticle article) {
				index.update(article, false);
			}

			@Override
			public void delete(long id) {
				index.delete(id, false);
			}

			@Override
			public void refresh() {
				handle.refresh();
			}

			@Override
			public IndexedVersions versions() {
				return handle.versions();
			}

		};
	}

	@Override
	public Target beginBuild() throws IOException {
		return new Building(index.beginBuild());
	}

	@Override
	public void finishBuild(Target built, int maxSegments) throws IOException {
		IndexHandle handle = ((Building) built).handle();
		if (maxSegments > 0) {
			handle.mergeDown(maxSegments);
		}
		handle.commit();
		handle.refresh();
	}

	@Override
	public void completeBuild(Target built) throws IOException {
		index.completeBuild(((Building) built).handle());
	}

	@Override
	public void abandonBuild(Target built) {
		index.abandonBuild(((Building) built).handle());
	}

	@Override
	public void commitIfChanged() {
		index.commitIfChanged();
	}

	@Override
	public long documents() {
		return index.read(searcher -> (long) searcher.getIndexReader().numDocs(), 0L);
	}

	@Override
	public String location() {
		IndexHandle handle = index.serving();
		return (handle != null) ? handle.path().toString() : null;
	}

	@Override
	public int schemaVersion() {
		return ArticleFields.SCHEMA_VERSION;
	}

	/** An index directory being built, written to directly. */
	private record Building(IndexHandle handle) implements Target {

		@Override
		public void update(IndexedArticle article) {
			handle.update(article.id(), ArticleFields.document(article));
		}

		@Override
		public void delete(long id) {
			handle.delete(id);
		}

		@Override
		public void refresh() {
			handle.refresh();
		}

		@Override
		public IndexedVersions versions() {
			return handle.versions();
		}

	}

}
