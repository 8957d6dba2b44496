package org.morgue.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;

/**
 * The orders hits come in, each ending in the article id so that equal hits keep one
 * order and a cursor can resume right after the last one.
 */
final class ResultOrder {

	private ResultOrder() {
	}

	static Sort of(SearchSort order) {
		return switch (order) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, published(true), id(true));
			case NEWEST -> new Sort(published(true), id(true));
			case OLDEST -> new Sort(published(false), id(false));
		};
	}

	/** The last received first (then the highest id), for feeds. */
	static Sort lastReceived() {
		SortField received = new SortedNumericSortField(ArticleFields.INGESTED, SortField.Type.LONG, true);
		received.setMissingValue(Long.MIN_VALUE);
		return new Sort(received, id(true));
	}

	/** The newest or oldest publication first; unknown dates come last either way. */
	static SortField published(boolean newestFirst) {
		SortField field = new SortedNumericSortField(ArticleFields.PUBLISHED, SortField.Type.LONG, newestFirst);
		field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
		return field;
	}

	private static SortField id(boolean reverse) {
		return new SortField(ArticleFields.ID_VALUE, SortField.Type.LONG, reverse);
	}

}
