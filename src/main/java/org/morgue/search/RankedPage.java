package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One page of hits as the index ranks them: their article ids, in order, and where the
 * page ended when there are more.
 *
 * @param last the sort values of the page's last hit, or {@code null} on the last page
 */
record RankedPage(List<Long> ids, FieldDoc last) {

	/**
	 * Ranking counts matches exactly only up to here; beyond, it may skip what cannot
	 * make the page (the total comes from counting).
	 */
	private static final int RANK_COUNT_THRESHOLD = 1000;

	/**
	 * Up to this many matches, ranking them all is cheaper than skipping: measured at a
	 * million articles, skipping cost a boolean query with 26,000 matches 15 ms against 4
	 * ms to visit them all, and saved a common term with 400,000 matches most of its
	 * time.
	 */
	private static final long RANK_ALL_UP_TO = 100_000;

	/**
	 * Ranks one page. Counting is left to {@link FacetCounter}, so ranking may skip
	 * matches that cannot make the page (block-max WAND, sort optimisation on points).
	 * @param after where the previous page ended, or {@code null}
	 * @param total the exact number of matches, or -1 when unknown (then a full page
	 * means more)
	 */
	static RankedPage rank(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int offset, int size,
			long total) throws IOException {
		return rank(searcher, query, sort, after, offset, size, total, null);
	}

	/**
	 * Ranks one page, showing of each group of copies only the copy {@code copies} names
	 * ({@code null}: every copy).
	 * @param total the exact number of results (copies grouped when they are), or -1
	 */
	static RankedPage rank(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int offset, int size,
			long total, CopyHeads copies) throws IOException {
		int wanted = offset + size;
		int threshold = (total >= 0 && total <= RANK_ALL_UP_TO) ? Integer.MAX_VALUE
				: Math.max(wanted, RANK_COUNT_THRESHOLD);
		TopFieldCollectorManager ranking = new TopFieldCollectorManager(sort, wanted, after, threshold);
		TopFieldDocs docs = (copies != null)
				? searcher.search(query, copies.ranking(ranking, searcher.getIndexReader().maxDoc()))
				: searcher.search(query, ranking);
		ScoreDoc[] all = docs.scoreDocs;
		ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(offset, all.length), all.length);
		FieldDoc last = (page.length > 0) ? (FieldDoc) page[page.length - 1] : null;
		boolean more = (after == null && total >= 0) ? total > wanted : page.length == size;
		return new RankedPage(ids(searcher, page), more ? last : null);
	}

	/** The article ids of these hits, in their order. */
	static List<Long> ids(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
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

	/** The cursor that resumes after this page, or {@code null} on the last page. */
	String nextCursor(SearchSort order) {
		return (last != null) ? SearchCursor.encode(last, order) : null;
	}

}
