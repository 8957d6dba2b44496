package org.morgue.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The peer Morgue's search is measured against: PostgreSQL's own full-text search on the
 * same articles in the same database, as one would build it without Lucene: a stored
 * generated {@code tsvector} of title and body with a GIN index, the top 20 by
 * {@code ts_rank}, and the exact number of matches. It does less than Morgue's search (no
 * highlights, no facets), which favours it.
 * <p>
 * The column and index are added to the benchmark's database only, once; the archive's
 * schema does not have them.
 */
final class PostgresFullText {

	static final String COLUMN = "bench_tsv";

	static final String INDEX = "article_bench_tsv_idx";

	private PostgresFullText() {
	}

	/**
	 * Adds the tsvector column and its GIN index unless an earlier run did.
	 * @return whether they were built now
	 */
	static boolean prepare(DataSource dataSource, RunRecord record) throws SQLException {
		boolean builtNow = false;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			boolean hasColumn;
			try (ResultSet result = statement.executeQuery("select count(*) from information_schema.columns "
					+ "where table_name = 'article' and column_name = '" + COLUMN + "'")) {
				result.next();
				hasColumn = result.getLong(1) > 0;
			}
			if (!hasColumn) {
				CorpusLoader.log("Adding the tsvector column (PostgreSQL full-text search) ...");
				long started = System.nanoTime();
				statement.execute("alter table article add column " + COLUMN + " tsvector generated always as "
						+ "(to_tsvector('english', title || ' ' || body)) stored");
				record.put("fts.seconds", (System.nanoTime() - started) / 1e9);
				builtNow = true;
			}
			try (ResultSet result = statement.executeQuery("select to_regclass('" + INDEX + "') is not null")) {
				result.next();
				if (!result.getBoolean(1)) {
					CorpusLoader.log("Building the GIN index ...");
					long started = System.nanoTime();
					statement.execute("create index " + INDEX + " on article using gin (" + COLUMN + ")");
					record.put("gin.seconds", (System.nanoTime() - started) / 1e9);
					statement.execute("vacuum analyze article");
					builtNow = true;
				}
			}
		}
		return builtNow;
	}

	/** Bytes of the tsvector column's GIN index. */
	static long indexSize(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select pg_relation_size('" + INDEX + "')")) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Runs one query as a results page would: the top 20 by rank, then the count of all
	 * matches.
	 * @return the number of matches
	 */
	static long search(Connection connection, BenchQueries.BenchQuery query) throws SQLException {
		String tsquery = query.tsqueryFunction() + "('english', ?)";
		String dates = (query.from() != null) ? " and published_date between ? and ?" : "";
		try (PreparedStatement top = connection
			.prepareStatement("select id, ts_rank(" + COLUMN + ", q) as rank from article, " + tsquery + " q where "
					+ COLUMN + " @@ q" + dates + " order by rank desc, id desc limit 20")) {
			bind(top, query);
			try (ResultSet result = top.executeQuery()) {
				while (result.next()) {
					result.getLong(1);
				}
			}
		}
		try (PreparedStatement count = connection
			.prepareStatement("select count(*) from article where " + COLUMN + " @@ " + tsquery + dates)) {
			bind(count, query);
			try (ResultSet result = count.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static void bind(PreparedStatement statement, BenchQueries.BenchQuery query) throws SQLException {
		statement.setString(1, query.tsquery());
		if (query.from() != null) {
			statement.setDate(2, Date.valueOf(query.from()));
			statement.setDate(3, Date.valueOf(query.to()));
		}
	}

	static String version(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show server_version")) {
			result.next();
			return result.getString(1);
		}
	}

	static String setting(DataSource dataSource, String name) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("select current_setting(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}
