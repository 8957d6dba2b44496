package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.FixedBitSet;

/**
 * The copies a search that groups them shows: of each group of copies among the matches,
 * the first matching one received (the lowest article id). Found while counting, so
 * ranking only has to leave out the other copies: the page, its cursor and the next page
 * all agree on which copy stands for the group, whatever the order.
 *
 * @param heads the document of the shown copy of each group, across the whole index
 * @param stories how many results a listing that groups copies has: the matches, each
 * group counted once
 */
record CopyHeads(int[] heads, long stories) {

	/**
	 * Ranks with the copies that are not shown left out; the ranking itself (its
	 * skipping, its threshold) is the one given.
	 */
	CollectorManager<Collector, TopFieldDocs> ranking(TopFieldCollectorManager ranking, int maxDoc) {
		if (heads.length == 0) {
			return new Unfiltered(ranking);
		}
		FixedBitSet shown = new FixedBitSet(Math.max(1, maxDoc));
		for (int head : heads) {
			shown.set(head);
		}
		return new CollectorManager<>() {

			private final List<TopFieldCollector> collectors = new ArrayList<>();

			@Override
			public Collector newCollector() throws IOException {
				TopFieldCollector collector = ranking.newCollector();
				synchronized (collectors) {
					collectors.add(collector);
				}
				return new FilterCollector(collector) {

					@Override
					public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
						NumericDocValues groups = DocValues.getNumeric(context.reader(), ArticleFields.COPY_GROUP);
						int docBase = context.docBase;
						return new FilterLeafCollector(super.getLeafCollector(context)) {

							@Override
							public void collect(int doc) throws IOException {
								if (!groups.advanceExact(doc) || groups.longValue() == 0 || shown.get(docBase + doc)) {
									super.collect(doc);
								}
							}

						};
					}

				};
			}

			@Override
			public TopFieldDocs reduce(Collection<Collector> wrapped) throws IOException {
				return ranking.reduce(collectors);
			}

		};
	}

	private record Unfiltered(TopFieldCollectorManager ranking) implements CollectorManager<Collector, TopFieldDocs> {

		@Override
		public Collector newCollector() throws IOException {
			return ranking.newCollector();
		}

		@Override
		public TopFieldDocs reduce(Collection<Collector> collectors) throws IOException {
			List<TopFieldCollector> typed = new ArrayList<>(collectors.size());
			collectors.forEach(collector -> typed.add((TopFieldCollector) collector));
			return ranking.reduce(typed);
		}

	}

}
