package org.morgue.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.article.ArticleContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query language against a small in-memory index built with the real document mapping
 * and analysis.
 */
class ArticleQueryParserTests {

	private Directory directory;

	private IndexSearcher searcher;

	@BeforeEach
	void index() throws IOException {
		directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzers.INDEX))) {
			add(writer, 1, "Russia backs Myanmar junta",
					"Russia backs the Myanmar junta’s efforts to “stabilise” the country.", "AFP", "Yangon",
					LocalDate.of(2022, 8, 3));
			add(writer, 2, "Junta stabilising the situation",
					"Officials said they were stabilising the situation in the capital.", "Reuters", "Naypyidaw",
					LocalDate.of(2022, 9, 1));
			add(writer, 3, "Oil prices rise", "Crude oil prices rose as OPEC cut output; gas prices fell.", "Reuters",
					"London", LocalDate.of(1987, 2, 26));
			add(writer, 4, "Gas deal signed", "A gas pipeline deal was signed in Moscow, the ministry said.", "TASS",
					"Moscow", null);
			add(writer, 5, "Café owners protest", "Café owners in São Paulo protested against new rules.", "AP",
					"Sao Paulo", LocalDate.of(2021, 12, 31));
		}
		searcher = new IndexSearcher(DirectoryReader.open(directory));
	}

	@AfterEach
	void close() throws IOException {
		searcher.getIndexReader().close();
		directory.close();
	}

	@Test
	void allWordsMustMatchByDefault() throws IOException {
		assertThat(find("oil prices")).containsExactly(3L);
		assertThat(find("oil moscow")).isEmpty();
	}

	@Test
	void orAndNotCombineWords() throws IOException {
		assertThat(find("oil OR pipeline")).containsExactlyInAnyOrder(3L, 4L);
		assertThat(find("gas -oil")).containsExactly(4L);
		assertThat(find("(oil OR pipeline) AND moscow")).containsExactly(4L);
	}

	@Test
	void unquotedWordsMatchTheirStemsAndQuotedPhrasesTheExactWording() throws IOException {
		assertThat(find("stabilising")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(find("\"stabilise the country\"")).containsExactly(1L);
		assertThat(find("\"stabilising the situation\"")).containsExactly(2L);
		assertThat(find("\"stabilise the situation\"")).isEmpty();
	}

	@Test
	void sloppyPhrasesAllowWordsBetween() throws IOException {
		assertThat(find("\"russia junta\"")).isEmpty();
		assertThat(find("\"russia junta\"~5")).containsExactly(1L);
	}

	@Test
	void typographicAndPlainApostrophesAreTheSame() throws IOException {
		assertThat(find("junta's")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(find("\"myanmar junta's efforts\"")).containsExactly(1L);
		assertThat(find("“stabilise”")).containsExactly(1L);
		assertThat(find("‘stabilise’")).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void accentsAndCaseAreFolded() throws IOException {
		assertThat(find("cafe sao paulo")).containsExactly(5L);
		assertThat(find("\"CAFÉ OWNERS\"")).containsExactly(5L);
	}

	@Test
	void prefixesMatchTheBeginningOfExactWords() throws IOException {
		assertThat(find("stabil*")).containsExactlyInAnyOrder(1L, 2L);
		assertThatThrownBy(() -> find("s*")).isInstanceOf(InvalidQueryException.class)
			.hasMessageContaining("at least 2 letters");
	}

	@Test
	void fieldsNarrowWhereWordsMatch() throws IOException {
		assertThat(find("title:junta")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(find("title:stabilise")).containsExactly(2L);
		assertThat(find("source:reuters")).containsExactlyInAnyOrder(2L, 3L);
		assertThat(find("source:\"TASS\"")).containsExactly(4L);
		assertThat(find("dateline:moscow")).containsExactly(4L);
		assertThat(find("byline:nobody")).isEmpty();
	}

	@Test
	void datesNarrowByDayMonthYearOrRange() throws IOException {
		assertThat(find("date:2022")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(find("date:2022-08")).containsExactly(1L);
		assertThat(find("date:2022-09-01")).containsExactly(2L);
		assertThat(find("date:2021-12-01..2022-08-31")).containsExactlyInAnyOrder(1L, 5L);
		assertThat(find("date:..1990")).containsExactly(3L);
		assertThat(find("junta date:2022-09")).containsExactly(2L);
	}

	@Test
	void aWordInTheHeadlineCountsForMore() throws IOException {
		// given: "pipeline" is in the body of 4; add one with it in the headline and a
		// longer body
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzers.INDEX))) {
			add(writer, 6, "Pipeline talks resume",
					"Negotiators met again on Monday after a pause of two weeks in Vienna.", "AFP", "Vienna",
					LocalDate.of(2022, 1, 10));
		}
		searcher.getIndexReader().close();
		searcher = new IndexSearcher(DirectoryReader.open(directory));

		assertThat(find("pipeline")).containsExactly(6L, 4L);
	}

	@Test
	void phrasesDoNotRunFromTheHeadlineIntoTheBody() throws IOException {
		// "rise" ends the headline of 3 and "crude" starts its body
		assertThat(find("\"rise crude\"")).isEmpty();
		assertThat(find("\"crude oil\"")).containsExactly(3L);
	}

	@Test
	void anUnknownFieldIsReadAsWords() throws IOException {
		assertThat(find("moscow: pipeline")).containsExactly(4L);
	}

	@Test
	void aBlankQueryMatchesEverything() throws IOException {
		assertThat(find("  ")).hasSize(5);
	}

	@Test
	void explainsQueriesItCannotRead() {
		assertThatThrownBy(() -> find("(oil AND gas")).isInstanceOf(InvalidQueryException.class)
			.hasMessageContaining("missing");
		assertThatThrownBy(() -> find("\"oil prices")).isInstanceOf(InvalidQueryException.class)
			.hasMessageContaining("quote");
		assertThatThrownBy(() -> find("date:2022-02-30")).isInstanceOf(InvalidQueryException.class)
			.hasMessageContaining("2022-02-30");
		assertThatThrownBy(() -> find("date:2023..2022")).isInstanceOf(InvalidQueryException.class)
			.hasMessageContaining("ends before it starts");
		assertThatThrownBy(() -> find("oi?l")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("*");
		assertThatThrownBy(() -> find("title:[a TO b]")).isInstanceOf(InvalidQueryException.class)
			.hasMessageContaining("dates");
		assertThatThrownBy(() -> find("*oil")).isInstanceOf(InvalidQueryException.class);
	}

	private List<Long> find(String query) throws IOException {
		ScoreDoc[] hits = searcher.search(new ArticleQueryParser().parse(query), 100).scoreDocs;
		List<Long> ids = new ArrayList<>();
		for (ScoreDoc hit : hits) {
			var leaf = searcher.getIndexReader()
				.leaves()
				.get(ReaderUtil.subIndex(hit.doc, searcher.getIndexReader().leaves()));
			NumericDocValues values = leaf.reader().getNumericDocValues(ArticleFields.ID_VALUE);
			values.advanceExact(hit.doc - leaf.docBase);
			ids.add(values.longValue());
		}
		return ids;
	}

	private static void add(IndexWriter writer, long id, String title, String body, String source, String place,
			LocalDate date) throws IOException {
		ArticleContent article = new ArticleContent(id, 0, title, body, null, source, place, place.toUpperCase() + ":",
				date, (date != null) ? LocalTime.NOON : null);
		writer.addDocument(ArticleFields.document(new IndexedArticle(article, java.util.List.of())));
	}

}
