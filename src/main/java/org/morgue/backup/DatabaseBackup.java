package org.morgue.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Takes a backup of the whole database while the archive runs: one read-only
 * {@code REPEATABLE READ} transaction, so that every table is copied as it stood at one
 * moment (PostgreSQL's snapshot, as {@code pg_dump} takes it) while writes go on and
 * nothing waits for the backup. The file is a ZIP: {@link BackupManifest} first, then
 * every table in PostgreSQL's {@code COPY} text format, in an order in which each table
 * comes after the tables it refers to, then a summary of the rows written. The search
 * index is not in it: it is rebuilt from the database after a restore.
 */
@Service
public class DatabaseBackup {

	static final String FLYWAY_TABLE = "flyway_schema_history";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	DatabaseBackup(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes a backup to the stream, which is left open.
	 * @return how many rows of how many tables it holds
	 * @throws InvalidBackupException when the database holds no archive
	 */
	public BackupSize write(OutputStream out) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				return write(connection, out);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IOException("The backup could not read the database: " + ex.getMessage(), ex);
		}
	}

	private BackupSize write(Connection connection, OutputStream out) throws SQLException, IOException {
		// The first query fixes the snapshot; everything after reads the database as it
		// was then.
		String version = schemaVersion(connection);
		Instant takenAt = Instant.now();
		List<BackupManifest.Table> tables = tables(connection);
		BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, version, takenAt, tables,
				sequences(connection));
		CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
		ZipOutputStream zip = new ZipOutputStream(out);
		zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
		zip.write(JSON.writeValueAsBytes(manifest));
		zip.closeEntry();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (BackupManifest.Table table : tables) {
			zip.putNextEntry(new ZipEntry(table.entry()));
			rows.put(table.name(), copies
				.copyOut("copy " + quote(table.name()) + " (" + columnList(table.columns()) + ") to stdout", zip));
			zip.closeEntry();
		}
		zip.putNextEntry(new ZipEntry(BackupManifest.SUMMARY_ENTRY));
		zip.write(JSON.writeValueAsBytes(new BackupManifest.Summary(rows, Instant.now())));
		zip.closeEntry();
		zip.finish();
		out.flush();
		return new BackupSize(tables.size(), rows.values().stream().mapToLong(Long::longValue).sum(),
				rows.getOrDefault("article", 0L));
	}

	/**
	 * How much a backup holds.
	 *
	 * @param tables the tables copied
	 * @param rows their rows, together
	 * @param articles the articles among them
	 */
	public record BackupSize(int tables, long rows, long articles) {
	}

	static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (!hasTable(connection, FLYWAY_TABLE)) {
				throw new InvalidBackupException("This database holds no Morgue archive (it has no schema history).");
			}
			try (ResultSet result = statement.executeQuery("select version from " + FLYWAY_TABLE
					+ " where success and version is not null order by installed_rank desc limit 1")) {
				if (!result.next()) {
					throw new InvalidBackupException("This database holds no Morgue archive (no migration applied).");
				}
				return result.getString(1);
			}
		}
	}

	static boolean hasTable(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"select 1 from pg_class where relnamespace = current_schema()::regnamespace and relname = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	/**
	 * The schema's tables but Flyway's history, each after the tables its foreign keys
	 * refer to, with their columns (generated ones left out: PostgreSQL computes them).
	 */
	static List<BackupManifest.Table> tables(Connection connection) throws SQLException {
		Map<String, Set<String>> references = new TreeMap<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select c.relname from pg_class c
				where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
				  and not c.relispartition""")) {
			while (result.next()) {
				if (!result.getString(1).equals(FLYWAY_TABLE)) {
					references.put(result.getString(1), new LinkedHashSet<>());
				}
			}
		}
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select c.relname, r.relname from pg_constraint k
				join pg_class c on c.oid = k.conrelid
				join pg_class r on r.oid = k.confrelid
				where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace""")) {
			while (result.next()) {
				Set<String> referred = references.get(result.getString(1));
				if (referred != null && references.containsKey(result.getString(2))
						&& !result.getString(1).equals(result.getString(2))) {
					referred.add(result.getString(2));
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (ordered.size() < references.size()) {
			List<String> ready = references.entrySet()
				.stream()
				.filter(table -> !placed.contains(table.getKey()) && placed.containsAll(table.getValue()))
				.map(Map.Entry::getKey)
				.toList();
			if (ready.isEmpty()) {
				throw new InvalidBackupException("The tables' foreign keys form a cycle: "
						+ references.keySet().stream().filter(t -> !placed.contains(t)).toList());
			}
			ordered.addAll(ready);
			placed.addAll(ready);
		}
		Map<String, List<String>> columns = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select c.relname, a.attname from pg_attribute a
				join pg_class c on c.oid = a.attrelid
				where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
				  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
				order by c.relname, a.attnum""")) {
			while (result.next()) {
				columns.computeIfAbsent(result.getString(1), table -> new ArrayList<>()).add(result.getString(2));
			}
		}
		return ordered.stream().map(table -> new BackupManifest.Table(table, columns.get(table))).toList();
	}

	private static List<BackupManifest.SequenceValue> sequences(Connection connection) throws SQLException {
		List<BackupManifest.SequenceValue> sequences = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select sequencename, last_value from pg_sequences
				where schemaname = current_schema() order by sequencename""")) {
			while (result.next()) {
				long value = result.getLong(2);
				// a sequence never used has no last value, and needs none after a restore
				if (!result.wasNull()) {
					sequences.add(new BackupManifest.SequenceValue(result.getString(1), value));
				}
			}
		}
		return sequences;
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static String columnList(List<String> columns) {
		return columns.stream().map(DatabaseBackup::quote).collect(Collectors.joining(", "));
	}

}
