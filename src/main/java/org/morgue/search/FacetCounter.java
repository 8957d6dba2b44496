package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.morgue.ner.EntityType;

/**
 * Counts every match of a query, and its sources, years, months, entities and tags, in
 * one pass that scores nothing: reading doc values per match into arrays is far cheaper
 * than scoring every match or materialising them for a facet module.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

	private static final int TOP_SOURCES = 30;

	private static final int TOP_TAGS = 30;

	/** The entity types with a facet, and how their counts are named in results. */
	static final Map<EntityType, String> ENTITY_FACETS = Map.of(EntityType.PERSON, SearchResult.PERSON,
			EntityType.ORGANIZATION, SearchResult.ORGANIZATION, EntityType.LOCATION, SearchResult.LOCATION);

	@Override
	public Counting newCollector() {
		return new Counting();
	}

	@Override
	public Counts reduce(Collection<Counting> collectors) throws IOException {
		long total = 0;
		Map<String, Long> sources = new HashMap<>();
		Map<Integer, Long> months = new TreeMap<>();
		Map<EntityType, Map<Long, Long>> entities = new HashMap<>();
		Map<String, Long> tags = new HashMap<>();
		List<CopyHeadTable> slices = new ArrayList<>(collectors.size());
		long grouped = 0;
		for (Counting counting : collectors) {
			counting.finishLeaf();
			total += counting.total;
			grouped += counting.grouped;
			slices.add(counting.heads);
			counting.sources.forEach((name, count) -> sources.merge(name, count, Long::sum));
			counting.tags.forEach((name, count) -> tags.merge(name, count, Long::sum));
			counting.months().forEach((month, count) -> months.merge(month, count, Long::sum));
			counting.entities.forEach((type, counts) -> counts.forEach(
					(id, count) -> entities.computeIfAbsent(type, t -> new HashMap<>()).merge(id, count, Long::sum)));
		}
		CopyHeadTable heads = CopyHeadTable.merge(slices);
		return new Counts(total, sources, months, entities, tags,
				new CopyHeads(heads.docs(), total - grouped + heads.size()));
	}

	/**
	 * The counts of all matches.
	 *
	 * @param entities for each entity type, matches per entity id
	 * @param tags matches per tag, by name as written
	 * @param copies the first matching copy received of each group of copies among the
	 * matches
	 */
	record Counts(long total, Map<String, Long> sources, Map<Integer, Long> months,
			Map<EntityType, Map<Long, Long>> entities, Map<String, Long> tags, CopyHeads copies) {

		/**
		 * The most frequent entities of a type, as many as asked, most frequent first.
		 */
		List<Map.Entry<Long, Long>> topEntities(EntityType type, int limit) {
			return entities.getOrDefault(type, Map.of())
				.entrySet()
				.stream()
				.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(limit)
				.toList();
		}

		Map<String, List<FacetCount>> facets() {
			Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
			facets.put(SearchResult.SOURCE, sources.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(TOP_SOURCES)
				.map(entry -> new FacetCount(entry.getKey(), entry.getValue()))
				.toList());
			Map<Integer, Long> years = new TreeMap<>();
			List<FacetCount> monthCounts = new ArrayList<>();
			months.forEach((month, count) -> {
				int year = Math.floorDiv(month, 12);
				years.merge(year, count, Long::sum);
				monthCounts.add(new FacetCount(String.format("%04d-%02d", year, Math.floorMod(month, 12) + 1), count));
			});
			facets.put(SearchResult.YEAR,
					years.entrySet()
						.stream()
						.map(entry -> new FacetCount(String.format("%04d", entry.getKey()), entry.getValue()))
						.toList());
			monthCounts.sort(Comparator.comparing(FacetCount::value));
			facets.put(SearchResult.MONTH, monthCounts);
			facets.put(SearchResult.TAG, mostFrequent(tags, TOP_TAGS));
			return facets;
		}

		private static List<FacetCount> mostFrequent(Map<String, Long> counts, int limit) {
			return counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(limit)
				.map(entry -> new FacetCount(entry.getKey(), entry.getValue()))
				.toList();
		}

	}

	/** Counts one slice of the index, a segment at a time. */
	static final class Counting implements Collector {

		private static final int FIRST_MONTH = 1500 * 12;

		private static final int MONTH_SLOTS = 1000 * 12;

		private long total;

		/** Matches that have copies. */
		private long grouped;

		private final CopyHeadTable heads = new CopyHeadTable();

		private final Map<String, Long> sources = new HashMap<>();

		/**
		 * Counts of months from {@link #FIRST_MONTH}, densely; others (rare) go to
		 * {@link #months}.
		 */
		private final long[] monthCounts = new long[MONTH_SLOTS];

		private final Map<Integer, Long> months = new HashMap<>();

		private final Map<EntityType, Map<Long, Long>> entities = new HashMap<>();

		private final Map<String, Long> tags = new HashMap<>();

		private SortedDocValues sourceValues;

		private SortedSetDocValues tagValues;

		private int[] tagCounts = new int[0];

		private int[] sourceCounts = new int[0];

		private final Map<EntityType, SortedSetDocValues> entityValues = new HashMap<>();

		private final Map<EntityType, int[]> entityCounts = new HashMap<>();

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
			finishLeaf();
			SortedDocValues source = DocValues.getSorted(context.reader(), ArticleFields.SOURCE_NAME);
			NumericDocValues month = DocValues.getNumeric(context.reader(), ArticleFields.PUBLISHED_MONTH);
			int[] perSource = new int[source.getValueCount()];
			sourceValues = source;
			sourceCounts = perSource;
			int types = ENTITY_FACETS.size();
			SortedSetDocValues[] facetValues = new SortedSetDocValues[types];
			int[][] facetCounts = new int[types][];
			int facets = 0;
			for (EntityType type : ENTITY_FACETS.keySet()) {
				SortedSetDocValues values = context.reader().getSortedSetDocValues(ArticleFields.entityFacet(type));
				if (values != null && values.getValueCount() > 0) {
					facetValues[facets] = values;
					facetCounts[facets] = new int[(int) values.getValueCount()];
					entityValues.put(type, values);
					entityCounts.put(type, facetCounts[facets]);
					facets++;
				}
			}
			int entityFacets = facets;
			SortedSetDocValues tag = context.reader().getSortedSetDocValues(ArticleFields.TAG_NAME);
			int[] perTag = (tag != null) ? new int[(int) tag.getValueCount()] : new int[0];
			tagValues = tag;
			tagCounts = perTag;
			NumericDocValues copyGroup = DocValues.getNumeric(context.reader(), ArticleFields.COPY_GROUP);
			NumericDocValues ids = DocValues.getNumeric(context.reader(), ArticleFields.ID_VALUE);
			int docBase = context.docBase;
			return new LeafCollector() {

				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) throws IOException {
					total++;
					if (copyGroup.advanceExact(doc)) {
						long group = copyGroup.longValue();
						if (group != 0) {
							grouped++;
							heads.offer(group, docBase + doc, ids, doc);
						}
					}
					if (source.advanceExact(doc)) {
						perSource[source.ordValue()]++;
					}
					if (month.advanceExact(doc)) {
						int slot = (int) month.longValue() - FIRST_MONTH;
						if (slot >= 0 && slot < MONTH_SLOTS) {
							monthCounts[slot]++;
						}
						else {
							months.merge((int) month.longValue(), 1L, Long::sum);
						}
					}
					if (tag != null && tag.advanceExact(doc)) {
						for (int i = tag.docValueCount(); i > 0; i--) {
							perTag[(int) tag.nextOrd()]++;
						}
					}
					for (int f = 0; f < entityFacets; f++) {
						SortedSetDocValues values = facetValues[f];
						if (values.advanceExact(doc)) {
							int[] counts = facetCounts[f];
							for (int i = values.docValueCount(); i > 0; i--) {
								counts[(int) values.nextOrd()]++;
							}
						}
					}
				}

			};
		}

		/** The month counts, dense and sparse together. */
		Map<Integer, Long> months() {
			Map<Integer, Long> all = new HashMap<>(months);
			for (int slot = 0; slot < MONTH_SLOTS; slot++) {
				if (monthCounts[slot] > 0) {
					all.merge(FIRST_MONTH + slot, monthCounts[slot], Long::sum);
				}
			}
			return all;
		}

		/** Turns the last segment's source ordinals into names. */
		void finishLeaf() throws IOException {
			for (int ord = 0; ord < sourceCounts.length; ord++) {
				if (sourceCounts[ord] > 0) {
					sources.merge(sourceValues.lookupOrd(ord).utf8ToString(), (long) sourceCounts[ord], Long::sum);
				}
			}
			sourceCounts = new int[0];
			for (int ord = 0; ord < tagCounts.length; ord++) {
				if (tagCounts[ord] > 0) {
					tags.merge(tagValues.lookupOrd(ord).utf8ToString(), (long) tagCounts[ord], Long::sum);
				}
			}
			tagCounts = new int[0];
			for (Map.Entry<EntityType, int[]> entry : entityCounts.entrySet()) {
				SortedSetDocValues values = entityValues.get(entry.getKey());
				int[] counts = entry.getValue();
				Map<Long, Long> perEntity = entities.computeIfAbsent(entry.getKey(), type -> new HashMap<>());
				for (int ord = 0; ord < counts.length; ord++) {
					if (counts[ord] > 0) {
						perEntity.merge(Long.parseLong(values.lookupOrd(ord).utf8ToString()), (long) counts[ord],
								Long::sum);
					}
				}
			}
			entityValues.clear();
			entityCounts.clear();
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
