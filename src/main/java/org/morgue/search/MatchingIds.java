package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Collects the article id of every match, in id order, scoring nothing. */
final class MatchingIds implements CollectorManager<SimpleCollector, List<Long>> {

	private final List<List<Long>> parts = new CopyOnWriteArrayList<>();

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
	public List<Long> reduce(Collection<SimpleCollector> collectors) {
		List<Long> all = new ArrayList<>();
		parts.forEach(all::addAll);
		all.sort(null);
		return all;
	}

}
