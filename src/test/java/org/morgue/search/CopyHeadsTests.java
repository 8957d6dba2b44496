package org.morgue.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which copy stands for each group among a search's matches: the first received (lowest
 * id), wherever it sits in the index and however the index is sliced among threads.
 */
class CopyHeadsTests {

	@TempDir
	Path dir;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void eachGroupIsShownByItsFirstMatchingCopyReceived() throws IOException {
		try (FSDirectory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory,
						new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
			// group 1: its first copy (1) indexed again after the others, in a later
			// segment
			add(writer, 2, 1, true);
			add(writer, 3, 1, true);
			// group 4: its first copy does not match; of the others, 6 was received
			// before 7 though indexed after it
			add(writer, 4, 4, false);
			add(writer, 7, 4, true);
			writer.commit();
			add(writer, 6, 4, true);
			add(writer, 1, 1, true);
			// group 10: named after an article deleted since; 12 and 11 match
			add(writer, 12, 10, true);
			writer.commit();
			add(writer, 11, 10, true);
			// alone
			add(writer, 20, 0, true);
			add(writer, 21, 0, false);
			writer.commit();

			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				assertThat(reader.leaves()).hasSize(3);
				for (IndexSearcher searcher : List.of(new IndexSearcher(reader), new PerSegment(reader, threads))) {
					FacetCounter.Counts counts = searcher.search(new TermQuery(new Term("text", "match")),
							new FacetCounter());

					assertThat(counts.total()).isEqualTo(8);
					assertThat(counts.copies().stories()).isEqualTo(4);
					assertThat(ids(reader, counts.copies().heads())).containsExactlyInAnyOrder(1L, 6L, 11L);
				}
			}
		}
	}

	private static void add(IndexWriter writer, long id, long group, boolean matches) throws IOException {
		Document doc = new Document();
		doc.add(new StringField(ArticleFields.ID, Long.toString(id), Field.Store.NO));
		doc.add(new NumericDocValuesField(ArticleFields.ID_VALUE, id));
		doc.add(new NumericDocValuesField(ArticleFields.COPY_GROUP, ArticleFields.copyGroupValue(id, group)));
		doc.add(new StringField("text", matches ? "match" : "other", Field.Store.NO));
		writer.addDocument(doc);
	}

	private static List<Long> ids(DirectoryReader reader, int[] docs) throws IOException {
		Long[] ids = new Long[docs.length];
		for (int i = 0; i < docs.length; i++) {
			LeafReaderContext leaf = reader.leaves()
				.get(org.apache.lucene.index.ReaderUtil.subIndex(docs[i], reader.leaves()));
			NumericDocValues values = leaf.reader().getNumericDocValues(ArticleFields.ID_VALUE);
			assertThat(values.advanceExact(docs[i] - leaf.docBase)).isTrue();
			ids[i] = values.longValue();
		}
		return Arrays.asList(ids);
	}

	/** A searcher that gives each segment a thread of its own. */
	private static final class PerSegment extends IndexSearcher {

		PerSegment(DirectoryReader reader, ExecutorService threads) {
			super(reader, threads);
		}

		@Override
		protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
			return leaves.stream()
				.map(leaf -> new LeafSlice(new java.util.ArrayList<>(List.of(leaf))))
				.toArray(LeafSlice[]::new);
		}

	}

}
