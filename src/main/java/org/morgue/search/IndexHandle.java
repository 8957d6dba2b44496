package org.morgue.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * One open index directory: its single {@link IndexWriter} (none when opened only to read
 * an index of an older schema), a {@link SearcherManager}, and the thread that reopens
 * searchers in the background so that a change is visible within a fraction of a second.
 * <p>
 * Thread-safe. Every read goes through {@link #acquire()} and
 * {@link #release(IndexSearcher)}.
 */
final class IndexHandle implements Closeable {

	static final String SCHEMA_KEY = "morgue.schema";

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

	private IndexHandle(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
			ControlledRealTimeReopenThread<IndexSearcher> reopener) {
		this.path = path;
		this.directory = directory;
		this.writer = writer;
		this.searchers = searchers;
		this.reopener = reopener;
	}

	/**
	 * Opens (or creates) an index to write and search.
	 * @param ramBufferMb how much the writer buffers before flushing a segment
	 */
	static IndexHandle openForWriting(Path path, double ramBufferMb, double maxStaleSeconds, Executor searchThreads)
			throws IOException {
		Directory directory = FSDirectory.open(path);
		try {
			IndexWriterConfig config = new IndexWriterConfig(ArticleAnalyzers.INDEX)
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
				.setRAMBufferSizeMB(ramBufferMb)
				.setCommitOnClose(true);
			IndexWriter writer = new IndexWriter(directory, config);
			writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(ArticleFields.SCHEMA_VERSION)).entrySet());
			SearcherManager searchers = new SearcherManager(writer, true, false, searchers(searchThreads));
			ControlledRealTimeReopenThread<IndexSearcher> reopener = new ControlledRealTimeReopenThread<>(writer,
					searchers, maxStaleSeconds, 0.01);
			reopener.setName("index-reopen-" + path.getFileName());
			reopener.setDaemon(true);
			reopener.start();
			return new IndexHandle(path, directory, writer, searchers, reopener);
		}
		catch (IOException | RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	/**
	 * Opens an existing index to search only (an index of an older schema, while a new
	 * one is built).
	 */
	static IndexHandle openForReading(Path path, Executor searchThreads) throws IOException {
		Directory directory = FSDirectory.open(path);
		try {
			SearcherManager searchers = new SearcherManager(DirectoryReader.open(directory), searchers(searchThreads));
			return new IndexHandle(path, directory, null, searchers, null);
		}
		catch (IOException | RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	/**
	 * Searchers that search slices of the segments on these threads, so a query uses
	 * every core.
	 */
	private static SearcherFactory searchers(Executor searchThreads) {
		return new SearcherFactory() {

			@Override
			public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
				return new IndexSearcher(reader, searchThreads);
			}

		};
	}

	/** The schema version recorded in the index's last commit, or 0 when it has none. */
	static int schemaVersion(Path path) throws IOException {
		try (Directory directory = FSDirectory.open(path)) {
			if (!DirectoryReader.indexExists(directory)) {
				return 0;
			}
			String value = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
			return (value != null) ? Integer.parseInt(value) : 0;
		}
	}

	Path path() {
		return path;
	}

	boolean writable() {
		return writer != null;
	}

	/**
	 * Adds or replaces the article's document.
	 * @return the writer's sequence number, to wait for with
	 * {@link #waitUntilVisible(long, long)}
	 */
	long update(long id, Document document) {
		try {
			return writer.updateDocument(ArticleFields.idTerm(id), document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Changes the article's group of copies in place, without indexing its text again.
	 */
	long setCopyGroup(long id, long group) {
		try {
			return writer.updateNumericDocValue(ArticleFields.idTerm(id), ArticleFields.COPY_GROUP,
					ArticleFields.copyGroupValue(id, group));
		}
		catch (IllegalArgumentException ex) {
			// No document has the field yet (an index being built from scratch): the
			// article gets its group when it is indexed.
			return -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long delete(long id) {
		try {
			return writer.deleteDocuments(ArticleFields.idTerm(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until searches see the change with this sequence number, at most
	 * {@code millis}.
	 */
	void waitUntilVisible(long sequenceNumber, long millis) {
		try {
			reopener.waitForGeneration(sequenceNumber, (int) millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Makes every change so far visible to the next search. */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The ids and versions of the live documents, sorted by id. */
	IndexedVersions versions() {
		IndexSearcher searcher = acquire();
		try {
			int capacity = searcher.getIndexReader().numDocs();
			long[] ids = new long[capacity];
			int[] versions = new int[capacity];
			int size = 0;
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				LeafReader reader = leaf.reader();
				NumericDocValues idValues = reader.getNumericDocValues(ArticleFields.ID_VALUE);
				NumericDocValues versionValues = reader.getNumericDocValues(ArticleFields.VERSION);
				Bits live = reader.getLiveDocs();
				if (idValues == null || versionValues == null) {
					continue;
				}
				for (int doc = idValues.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = idValues.nextDoc()) {
					if (live != null && !live.get(doc)) {
						continue;
					}
					ids[size] = idValues.longValue();
					versions[size] = versionValues.advanceExact(doc) ? (int) versionValues.longValue() : -1;
					size++;
				}
			}
			return new IndexedVersions(ids, versions, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/** Commits when there is something to commit. */
	boolean commitIfChanged() throws IOException {
		if (writer == null || !writer.hasUncommittedChanges()) {
			return false;
		}
		writer.commit();
		return true;
	}

	/**
	 * Merges the index down to at most this many segments (slow; for a freshly built
	 * index).
	 */
	void mergeDown(int maxSegments) throws IOException {
		writer.forceMerge(maxSegments);
	}

	void commit() throws IOException {
		if (writer != null) {
			writer.commit();
		}
	}

	/** Stops the reopen thread, then commits and closes the writer and directory. */
	@Override
	public void close() throws IOException {
		if (reopener != null) {
			reopener.close();
		}
		try {
			searchers.close();
		}
		finally {
			try {
				if (writer != null) {
					writer.close();
				}
			}
			finally {
				directory.close();
			}
		}
	}

	/**
	 * Drops everything written since the last commit and closes (a rebuild that was given
	 * up).
	 */
	void discard() throws IOException {
		if (reopener != null) {
			reopener.close();
		}
		searchers.close();
		if (writer != null) {
			writer.rollback();
		}
		directory.close();
	}

}
