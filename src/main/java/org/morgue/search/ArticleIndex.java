package org.morgue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.morgue.system.MorgueProperties;
import org.morgue.system.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one owner of the search index on disk, in {@code ${morgue.data-dir}/index}.
 * <p>
 * It serves searches from one index directory and, while a rebuild runs, writes every
 * change to the index being built as well, so the new index misses nothing.
 * {@code index/CURRENT} names the directory in service; a rebuilt index replaces it
 * atomically. An index of an older schema keeps answering, read-only, until its
 * replacement is ready. Changes are committed on a schedule, and on close.
 * <p>
 * Thread-safe: searches acquire and release a searcher; writes go to the thread-safe
 * {@code IndexWriter}; switching directories is synchronized.
 */
@Component
@ConditionalOnProperty(name = SearchProperties.BACKEND, havingValue = "embedded", matchIfMissing = true)
class ArticleIndex {

	private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

	private static final String CURRENT = "CURRENT";

	/**
	 * A file there while the index is open, taken away when it closes: found at start, it
	 * says the archive stopped without closing the index (a kill, a power cut), so that
	 * changes since the last commit may be missing.
	 */
	private static final String OPEN = "OPEN";

	private final Path root;

	private final SearchProperties properties;

	/** Threads that search slices of the index in parallel. */
	private final Executor searchThreads;

	private volatile IndexHandle serving;

	private volatile IndexHandle building;

	private volatile String rebuildReason;

	private final boolean closedCleanly;

	/**
	 * Opens the index in service, or notes why it must be rebuilt.
	 * @throws IndexInUseException when another process writes to the index
	 */
	ArticleIndex(MorgueProperties morgue, SearchProperties properties, Workers workers) throws IOException {
		this.root = morgue.dataDir().resolve("index");
		this.properties = properties;
		this.searchThreads = workers.search();
		Files.createDirectories(root);
		open();
		Path marker = root.resolve(OPEN);
		this.closedCleanly = !Files.exists(marker);
		Files.writeString(marker, "The search index is open; this file goes when it closes.\n");
	}

	/**
	 * Removes the index directories under {@code root}, for an archive that is not
	 * running there ({@link IndexMaintenance#discard}).
	 * @return whether there was an index to remove
	 * @throws IndexInUseException when a running process has the index open
	 */
	static boolean discard(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			return false;
		}
		try (Stream<Path> versions = Files.list(root)) {
			for (Path version : versions.filter(Files::isDirectory).toList()) {
				try (Directory directory = FSDirectory.open(version);
						Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
					lock.ensureValid();
				}
				catch (LockObtainFailedException ex) {
					throw new IndexInUseException(version, ex);
				}
			}
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		return true;
	}

	/**
	 * Whether the archive closed the index the last time it stopped; if not, changes
	 * since the last commit may be lost and must be repaired from PostgreSQL.
	 */
	boolean closedCleanly() {
		return closedCleanly;
	}

	/**
	 * Why the index must be rebuilt from PostgreSQL, or {@code null} when it is in order.
	 */
	String rebuildReason() {
		return rebuildReason;
	}

	boolean available() {
		return serving != null;
	}

	Path root() {
		return root;
	}

	/**
	 * Runs a read against the index in service, acquiring and releasing its searcher.
	 * @return {@code whenUnavailable} when there is no index yet (the first build is
	 * running)
	 * @throws UncheckedIOException when the index cannot be read
	 */
	<T> T read(IndexRead<T> read, T whenUnavailable) {
		IndexHandle handle = serving;
		if (handle == null) {
			return whenUnavailable;
		}
		IndexSearcher searcher = handle.acquire();
		try {
			return read.apply(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			handle.release(searcher);
		}
	}

	/**
	 * A read of the index with the searcher of the moment, which may fail as reading
	 * files does; the searcher is only valid during the call.
	 */
	@FunctionalInterface
	interface IndexRead<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/**
	 * Indexes the article.
	 * @param wait whether to wait (briefly) until searches see it
	 */
	void update(IndexedArticle article, boolean wait) {
		IndexHandle target = building;
		if (target != null) {
			target.update(article.id(), ArticleFields.document(article));
		}
		IndexHandle current = serving;
		if (current != null && current.writable() && current != target) {
			try {
				long sequence = current.update(article.id(), ArticleFields.document(article));
				if (wait) {
					current.waitUntilVisible(sequence, properties.maxStale().toMillis() * 2);
				}
			}
			catch (AlreadyClosedException ex) {
				retiredMeanwhile(current, ex);
			}
		}
	}

	/** Changes the articles' groups of copies in place (0: no copies). */
	void setCopyGroups(java.util.Map<Long, Long> groups) {
		IndexHandle target = building;
		IndexHandle current = serving;
		groups.forEach((id, group) -> {
			if (target != null) {
				target.setCopyGroup(id, group);
			}
			if (current != null && current.writable() && current != target) {
				try {
					current.setCopyGroup(id, group);
				}
				catch (AlreadyClosedException ex) {
					retiredMeanwhile(current, ex);
				}
			}
		});
	}

	void delete(long id, boolean wait) {
		IndexHandle target = building;
		if (target != null) {
			target.delete(id);
		}
		IndexHandle current = serving;
		if (current != null && current.writable() && current != target) {
			try {
				long sequence = current.delete(id);
				if (wait) {
					current.waitUntilVisible(sequence, properties.maxStale().toMillis() * 2);
				}
			}
			catch (AlreadyClosedException ex) {
				retiredMeanwhile(current, ex);
			}
		}
	}

	/**
	 * A rebuilt index replaced this one while a change was being written; the rebuilt one
	 * has it.
	 */
	private void retiredMeanwhile(IndexHandle handle, AlreadyClosedException ex) {
		if (handle == serving) {
			throw ex;
		}
	}

	/**
	 * Starts a new, empty index directory that receives every change from now on.
	 * @throws IllegalStateException when a rebuild is already running
	 */
	synchronized IndexHandle beginBuild() throws IOException {
		if (building != null) {
			throw new IllegalStateException("A rebuild is already running.");
		}
		Path path = root.resolve("v" + ArticleFields.SCHEMA_VERSION + "-" + System.currentTimeMillis());
		// A rebuild writes a lot at once: a larger buffer makes fewer, larger segments.
		building = IndexHandle.openForWriting(path, Math.max(properties.ramBufferMb(), 256), maxStaleSeconds(),
				searchThreads);
		return building;
	}

	/**
	 * Puts the built index in service and retires the old one.
	 */
	synchronized void completeBuild(IndexHandle built) throws IOException {
		built.commit();
		built.refresh();
		IndexHandle old = serving;
		writeCurrent(built.path().getFileName().toString());
		serving = built;
		building = null;
		rebuildReason = null;
		if (old != null) {
			old.close();
			deleteDirectory(old.path());
		}
		log.info("The search index in {} is in service", built.path());
	}

	synchronized void abandonBuild(IndexHandle built) {
		building = null;
		try {
			built.discard();
		}
		catch (IOException ex) {
			log.warn("Could not close the abandoned index {}", built.path(), ex);
		}
		deleteDirectory(built.path());
	}

	IndexHandle serving() {
		return serving;
	}

	@Scheduled(fixedDelayString = "${morgue.search.commit-interval:30s}",
			initialDelayString = "${morgue.search.commit-interval:30s}")
	void commitIfChanged() {
		IndexHandle handle = serving;
		if (handle == null) {
			return;
		}
		try {
			handle.commitIfChanged();
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not commit the search index; changes since the last commit are repaired at the next start",
					ex);
		}
	}

	@PreDestroy
	synchronized void close() throws IOException {
		IndexHandle built = building;
		if (built != null) {
			abandonBuild(built);
		}
		IndexHandle handle = serving;
		serving = null;
		if (handle != null) {
			handle.close();
		}
		Files.deleteIfExists(root.resolve(OPEN));
	}

	private void open() throws IOException {
		Path current = currentDirectory();
		removeStrayDirectories(current);
		if (current == null) {
			rebuildReason = "there is no search index yet";
			return;
		}
		try {
			int schema = IndexHandle.schemaVersion(current);
			if (schema == ArticleFields.SCHEMA_VERSION) {
				serving = IndexHandle.openForWriting(current, properties.ramBufferMb(), maxStaleSeconds(),
						searchThreads);
				return;
			}
			rebuildReason = "the index has schema version " + schema + ", this version of Morgue needs "
					+ ArticleFields.SCHEMA_VERSION;
			serving = IndexHandle.openForReading(current, searchThreads);
		}
		catch (LockObtainFailedException ex) {
			// Not unreadable but taken: a rebuild here would replace the index under the
			// process using it.
			throw new IndexInUseException(current, ex);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The search index in {} cannot be opened; it will be rebuilt", current, ex);
			rebuildReason = "the index could not be opened (" + ex.getClass().getSimpleName() + ")";
			serving = null;
		}
	}

	private double maxStaleSeconds() {
		return Math.max(0.05, properties.maxStale().toMillis() / 1000.0);
	}

	private Path currentDirectory() throws IOException {
		Path pointer = root.resolve(CURRENT);
		if (!Files.isRegularFile(pointer)) {
			return null;
		}
		String name = Files.readString(pointer).strip();
		Path directory = root.resolve(name);
		return (!name.isEmpty() && Files.isDirectory(directory)) ? directory : null;
	}

	private void writeCurrent(String name) throws IOException {
		Path temporary = root.resolve(CURRENT + ".tmp");
		Files.writeString(temporary, name, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.SYNC);
		Files.move(temporary, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	/** Leftovers of rebuilds that did not finish. */
	private void removeStrayDirectories(Path current) throws IOException {
		try (Stream<Path> entries = Files.list(root)) {
			entries.filter(Files::isDirectory)
				.filter(path -> current == null || !path.equals(current))
				.forEach(ArticleIndex::deleteDirectory);
		}
	}

	private static void deleteDirectory(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete the old index directory {}", directory, ex);
		}
	}

}
