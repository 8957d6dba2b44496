package org.morgue.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.morgue.system.EmbeddedDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills the benchmark's own PostgreSQL (under {@code <bench dir>/postgres}, the place the
 * archive's embedded database uses for {@code morgue.data-dir = <bench dir>}) with the
 * generated corpus, once: a later run with the same count finds it there and loads
 * nothing.
 * <p>
 * Used when the data directory does not hold the corpus imported by
 * {@link ImportBenchmark} (a search benchmark run on its own, or data loaded before the
 * bulk import existed): the real Flyway migrations create the schema, then one
 * {@code COPY} per table writes rows with every column the archive expects, the hash of
 * each body computed as the archive computes it. No {@code ArticleSaved} events are
 * published; the search index is built by the archive's own rebuild, which reads
 * PostgreSQL.
 */
final class CorpusLoader {

	private static final String ARTICLE_COLUMNS = "id, title, title_derived, source_id, published_date, ingested_at, "
			+ "language, body, sign_off, raw_text, word_count, content_hash, version, created_by, created_at, "
			+ "updated_by, updated_at";

	private static final int FLUSH_BYTES = 4 << 20;

	private CorpusLoader() {
	}

	/**
	 * Makes sure the database under {@code benchDir} holds exactly {@code count}
	 * generated articles.
	 * @return how long generating and copying took, or {@code null} when the articles
	 * were there already
	 */
	static Duration prepare(Path benchDir, long count, ReutersCorpus corpus, RunRecord record)
			throws IOException, SQLException {
		Path dataDirectory = benchDir.resolve("postgres");
		Files.createDirectories(dataDirectory);
		stopServerLeftRunning(dataDirectory);
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDirectory, true)) {
			DataSource dataSource = postgres.getPostgresDatabase();
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			try (Connection connection = dataSource.getConnection()) {
				long present = count(connection);
				if (present == count) {
					log("The database in %s already holds %,d articles; nothing to load", dataDirectory, count);
					return null;
				}
				log("Generating and loading %,d articles into %s (it held %,d)", count, dataDirectory, present);
				long started = System.nanoTime();
				load(connection, count, corpus, record);
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				record.put("load.seconds", took.toMillis() / 1000.0);
				record.put("load.databaseBytes", databaseSize(connection));
				// A new corpus means the old index and the figures derived from it no
				// longer apply.
				record.remove("fts.seconds", "gin.seconds", "rebuild.seconds");
				return took;
			}
		}
	}

	private static void load(Connection connection, long count, ReutersCorpus corpus, RunRecord record)
			throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			// A partial or different corpus from an earlier run is replaced as a whole.
			statement.execute("drop index if exists article_bench_tsv_idx");
			statement.execute("alter table article drop column if exists bench_tsv");
			statement.execute("truncate article, source restart identity cascade");
		}
		long[] sourceIds = insertSources(connection);
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy article (" + ARTICLE_COLUMNS + ") from stdin");
		String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
		StringBuilder rows = new StringBuilder(FLUSH_BYTES + 65536);
		long[] written = new long[1];
		long duplicates;
		try {
			duplicates = new CorpusGenerator(corpus).generate(count, article -> {
				row(rows, article, sourceIds[article.sourceIndex()], now);
				if (rows.length() >= FLUSH_BYTES) {
					write(copy, rows);
				}
				if (++written[0] % 100_000 == 0) {
					log("  %,d articles written", written[0]);
				}
			});
			write(copy, rows);
			copy.endCopy();
		}
		catch (RuntimeException ex) {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
			connection.rollback();
			throw ex;
		}
		try (Statement statement = connection.createStatement()) {
			// Hibernate takes blocks of 50 ids from article_seq; the next block must
			// start past ours.
			statement.execute("select setval('article_seq', " + (count + 100) + ")");
			// COPY goes around the archive, which keeps the browsing counts as it stores
			// articles.
			statement.execute("""
					insert into article_count (published_date, source_id, articles)
					select published_date, source_id, count(*) from article group by 1, 2""");
			statement.execute("""
					insert into article_year_count (year, source_id, articles)
					select extract(year from published_date)::int, source_id, count(*) from article group by 1, 2""");
		}
		connection.commit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("vacuum analyze article");
			statement.execute("vacuum analyze source");
		}
		record.put("load.duplicatesSkipped", duplicates);
		log("Loaded %,d articles (%,d duplicate bodies drawn and skipped)", count, duplicates);
	}

	private static long[] insertSources(Connection connection) throws SQLException {
		long[] ids = new long[CorpusGenerator.SOURCES.size()];
		try (PreparedStatement insert = connection
			.prepareStatement("insert into source (name) values (?) returning id")) {
			for (int i = 0; i < ids.length; i++) {
				insert.setString(1, CorpusGenerator.SOURCES.get(i));
				try (ResultSet result = insert.executeQuery()) {
					result.next();
					ids[i] = result.getLong(1);
				}
			}
		}
		return ids;
	}

	/** One row in COPY's text format: tab-separated, backslash escapes. */
	private static void row(StringBuilder rows, CorpusGenerator.SyntheticArticle article, long sourceId, String now) {
		rows.append(article.id()).append('\t');
		escape(rows, article.title()).append('\t');
		rows.append("f\t").append(sourceId).append('\t');
		rows.append(article.publishedDate()).append('\t');
		rows.append(now).append('\t');
		rows.append("en\t");
		escape(rows, article.body()).append('\t');
		rows.append("Reuter\t");
		// The copy "as received" is the body itself: there was no wire copy around it.
		escape(rows, article.body()).append('\t');
		rows.append(article.wordCount()).append('\t');
		rows.append(article.contentHash()).append('\t');
		rows.append("0\tbench\t").append(now).append("\tbench\t").append(now).append('\n');
	}

	private static StringBuilder escape(StringBuilder rows, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> rows.append("\\\\");
				case '\n' -> rows.append("\\n");
				case '\r' -> rows.append("\\r");
				case '\t' -> rows.append("\\t");
				default -> rows.append(c);
			}
		}
		return rows;
	}

	private static void write(CopyIn copy, StringBuilder rows) {
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
		rows.setLength(0);
	}

	static long count(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select count(*) from article")) {
			result.next();
			return result.getLong(1);
		}
	}

	static long databaseSize(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select pg_database_size(current_database())")) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * A benchmark that was killed leaves its PostgreSQL running on the data directory; it
	 * has no clients left and ends quickly on a polite signal.
	 */
	private static void stopServerLeftRunning(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
		try {
			ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive).ifPresent(server -> {
				log("Stopping the PostgreSQL (pid %d) an earlier benchmark left running", server.pid());
				server.destroy();
				server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
		}
		catch (NumberFormatException ex) {
			// PostgreSQL checks a stale lock file itself.
		}
	}

	static void log(String format, Object... arguments) {
		System.out.printf("[bench] " + format + "%n", arguments);
	}

}
