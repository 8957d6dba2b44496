package org.morgue.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.morgue.article.ArticleContent;
import org.morgue.ner.ArticleEntity;
import org.morgue.ner.EntityType;
import org.morgue.tag.TagNames;

/**
 * The index's document mapping. Change {@link #SCHEMA_VERSION} whenever a field or the
 * analysis changes: the index is then rebuilt from PostgreSQL on the next start.
 */
final class ArticleFields {

	/** Version of the mapping and analysis; the index directory is named after it. */
	static final int SCHEMA_VERSION = 10;

	static final String ID = "id";

	static final String ID_VALUE = "id_value";

	static final String VERSION = "version";

	static final String TITLE = "title";

	/**
	 * Title and body together, where words typed without a field are searched: one term
	 * per word lets ranking skip what cannot make the page. The title goes in twice, so
	 * that a word in the headline counts for more; a gap of positions keeps phrases
	 * within one part.
	 */
	static final String TEXT = "text";

	static final String BYLINE = "byline";

	static final String DATELINE = "dateline";

	/** The source's key (lower case), for filters and {@code source:}. */
	static final String SOURCE = "source";

	/** The source's name as written, for counting. */
	static final String SOURCE_NAME = "source_name";

	/**
	 * Publication date and time as seconds since 1970 (UTC), as points for date filters
	 * and doc values for sorting; absent when the date is unknown.
	 */
	static final String PUBLISHED = "published";

	/**
	 * Publication month as {@code year * 12 + month - 1}, for counting years and months.
	 */
	static final String PUBLISHED_MONTH = "published_month";

	/** The notes annotating the article, analysed like the body, for {@code note:}. */
	static final String NOTE = "note";

	/**
	 * When the archive received the article, as milliseconds since 1970, as points for
	 * "new since" filters and doc values for the newest received first.
	 */
	static final String INGESTED = "ingested";

	/**
	 * Ids of the entities the article mentions, for {@code entity:} and entity filters.
	 */
	static final String ENTITY = "entity";

	/**
	 * The keys of the article's tags (lower case, spaces collapsed), for {@code tag:} and
	 * tag filters.
	 */
	static final String TAG = "tag";

	/** The article's tags as written, for counting. */
	static final String TAG_NAME = "tag_name";

	/**
	 * Until when readers do not see the article, as milliseconds since 1970
	 * ({@link Long#MAX_VALUE} for a story withheld or withdrawn); absent when they do.
	 * Points, for leaving such articles out of readers' searches, embargoes lifting on
	 * time without re-indexing.
	 */
	static final String HIDDEN_UNTIL = "hidden_until";

	/**
	 * The article's group of copies as doc values, 0 for an article without copies: a
	 * search shows each group once. On every document, so that counting reads it as a
	 * dense column (a sparse one cost a common word's counting twice the time). The value
	 * is {@link #copyGroupValue(long, long) the group and whether the article names it}:
	 * a group is numbered after its first copy received, so that copy, when it matches,
	 * is the one shown, found by this one column.
	 */
	static final String COPY_GROUP = "copy_group";

	private ArticleFields() {
	}

	/**
	 * The {@link #COPY_GROUP} value of an article: twice the group, plus one when the
	 * group is numbered after the article; 0 without copies.
	 */
	static long copyGroupValue(long id, long group) {
		return (group == 0) ? 0 : group * 2 + ((id == group) ? 1 : 0);
	}

	/** The group of a {@link #COPY_GROUP} value. */
	static long copyGroup(long value) {
		return value >>> 1;
	}

	/**
	 * Whether a {@link #COPY_GROUP} value is that of the article its group is named
	 * after.
	 */
	static boolean namesCopyGroup(long value) {
		return (value & 1) != 0;
	}

	static Term idTerm(long id) {
		return new Term(ID, Long.toString(id));
	}

	static String sourceKey(String source) {
		return source.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The field counting the entities of a type, by id: {@code entity_person} and so on.
	 */
	static String entityFacet(EntityType type) {
		return "entity_" + type.name().toLowerCase(Locale.ROOT);
	}

	static Document document(IndexedArticle indexed) {
		ArticleContent article = indexed.content();
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.NO));
		doc.add(new NumericDocValuesField(ID_VALUE, article.id()));
		doc.add(new NumericDocValuesField(VERSION, article.version()));
		doc.add(new TextField(TITLE, article.title(), Field.Store.NO));
		doc.add(new TextField(TEXT, article.title(), Field.Store.NO));
		doc.add(new TextField(TEXT, article.title(), Field.Store.NO));
		doc.add(new TextField(TEXT, article.body(), Field.Store.NO));
		if (article.byline() != null) {
			doc.add(new TextField(BYLINE, article.byline(), Field.Store.NO));
		}
		if (article.datelinePlace() != null || article.datelineText() != null) {
			doc.add(new TextField(DATELINE,
					String.join(" ", nonNull(article.datelinePlace()), nonNull(article.datelineText())),
					Field.Store.NO));
		}
		if (article.source() != null) {
			doc.add(new StringField(SOURCE, sourceKey(article.source()), Field.Store.NO));
			doc.add(new SortedDocValuesField(SOURCE_NAME, new BytesRef(article.source().strip())));
		}
		LocalDate date = article.publishedDate();
		if (date != null) {
			LocalTime time = (article.publishedTime() != null) ? article.publishedTime() : LocalTime.MIDNIGHT;
			doc.add(new LongField(PUBLISHED, date.atTime(time).toEpochSecond(ZoneOffset.UTC)));
			doc.add(new NumericDocValuesField(PUBLISHED_MONTH, month(date)));
		}
		for (String note : indexed.notes()) {
			doc.add(new TextField(NOTE, note, Field.Store.NO));
		}
		if (article.ingestedAt() != null) {
			doc.add(new LongField(INGESTED, article.ingestedAt().toEpochMilli()));
		}
		if (article.hiddenUntil() != null) {
			doc.add(new LongField(HIDDEN_UNTIL, article.hiddenUntil().equals(java.time.Instant.MAX) ? Long.MAX_VALUE
					: article.hiddenUntil().toEpochMilli(), Field.Store.NO));
		}
		for (ArticleEntity entity : indexed.entities()) {
			String id = Long.toString(entity.id());
			doc.add(new StringField(ENTITY, id, Field.Store.NO));
			doc.add(new SortedSetDocValuesField(entityFacet(entity.type()), new BytesRef(id)));
		}
		for (String tag : indexed.tags()) {
			doc.add(new StringField(TAG, TagNames.key(tag), Field.Store.NO));
			doc.add(new SortedSetDocValuesField(TAG_NAME, new BytesRef(tag)));
		}
		doc.add(new NumericDocValuesField(COPY_GROUP, copyGroupValue(article.id(), indexed.copyGroup())));
		return doc;
	}

	static int month(LocalDate date) {
		return date.getYear() * 12 + date.getMonthValue() - 1;
	}

	/** The first second of the day, for date filters. */
	static long startOf(LocalDate day) {
		return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
	}

	/** The last second of the day, for date filters. */
	static long endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
