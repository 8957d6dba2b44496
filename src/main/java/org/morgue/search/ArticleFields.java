package org.morgue.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.morgue.article.ArticleContent;

/**
 * The index's document mapping. Change {@link #SCHEMA_VERSION} whenever a field or the analysis
 * changes: the index is then rebuilt from PostgreSQL on the next start.
 */
final class ArticleFields {

	/** Version of the mapping and analysis; the index directory is named after it. */
	static final int SCHEMA_VERSION = 1;

	static final String ID = "id";

	static final String ID_VALUE = "id_value";

	static final String VERSION = "version";

	static final String TITLE = "title";

	static final String BODY = "body";

	static final String BYLINE = "byline";

	static final String DATELINE = "dateline";

	static final String SOURCE = "source";

	/** Publication date as days since 1970-01-01, for date filters. */
	static final String PUBLISHED_DAY = "published_day";

	/** Publication date and time as seconds since 1970, for sorting; absent when unknown. */
	static final String PUBLISHED_SORT = "published_sort";

	static final String FACET_SOURCE = "source";

	static final String FACET_YEAR = "year";

	static final String FACET_MONTH = "month";

	static final FacetsConfig FACETS = new FacetsConfig();

	private ArticleFields() {
	}

	static Term idTerm(long id) {
		return new Term(ID, Long.toString(id));
	}

	static String sourceKey(String source) {
		return source.strip().toLowerCase(Locale.ROOT);
	}

	static Document document(ArticleContent article) {
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.NO));
		doc.add(new NumericDocValuesField(ID_VALUE, article.id()));
		doc.add(new NumericDocValuesField(VERSION, article.version()));
		doc.add(new TextField(TITLE, article.title(), Field.Store.NO));
		doc.add(new TextField(BODY, article.body(), Field.Store.NO));
		if (article.byline() != null) {
			doc.add(new TextField(BYLINE, article.byline(), Field.Store.NO));
		}
		if (article.datelinePlace() != null || article.datelineText() != null) {
			doc.add(new TextField(DATELINE, String.join(" ", nonNull(article.datelinePlace()), nonNull(article.datelineText())),
					Field.Store.NO));
		}
		if (article.source() != null) {
			doc.add(new StringField(SOURCE, sourceKey(article.source()), Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField(FACET_SOURCE, article.source()));
		}
		LocalDate date = article.publishedDate();
		if (date != null) {
			doc.add(new LongPoint(PUBLISHED_DAY, date.toEpochDay()));
			LocalTime time = (article.publishedTime() != null) ? article.publishedTime() : LocalTime.MIDNIGHT;
			doc.add(new NumericDocValuesField(PUBLISHED_SORT, date.atTime(time).toEpochSecond(ZoneOffset.UTC)));
			doc.add(new SortedSetDocValuesFacetField(FACET_YEAR, Integer.toString(date.getYear())));
			doc.add(new SortedSetDocValuesFacetField(FACET_MONTH, date.toString().substring(0, 7)));
		}
		try {
			return FACETS.build(doc);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
