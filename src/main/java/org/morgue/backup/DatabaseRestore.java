package org.morgue.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.core.JacksonException;

/**
 * Restores a backup of {@link DatabaseBackup} into an empty database: builds the schema
 * of the backup's version with the archive's own migrations, then loads every table in
 * one transaction (the archive's triggers off, since the counts they keep are in the
 * backup too) and sets the sequences. A file that is not a whole backup, or a database
 * that is not empty, is refused; a restore that fails leaves the database empty again. A
 * newer Morgue migrates the restored schema on its first start.
 */
final class DatabaseRestore {

	private static final int BUFFER = 1 << 16;

	private final DataSource dataSource;

	DatabaseRestore(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * @return what was restored
	 * @throws InvalidBackupException when the file is no complete backup, was made by a
	 * newer Morgue, or the database is not empty
	 */
	DatabaseBackup.BackupSize restore(InputStream in) throws IOException {
		ZipInputStream zip = new ZipInputStream(in);
		BackupManifest manifest = manifest(zip);
		Flyway flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.target(MigrationVersion.fromVersion(manifest.schemaVersion()))
			.cleanDisabled(false)
			.load();
		checkVersion(flyway, manifest.schemaVersion());
		try (Connection connection = dataSource.getConnection()) {
			int tables = tableCount(connection);
			if (tables > 0) {
				throw new InvalidBackupException("The database is not empty (it has " + tables
						+ " tables): restore into a new database, or for the embedded one a new data directory.");
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not read the database: " + ex.getMessage(), ex);
		}
		flyway.migrate();
		try {
			return load(zip, manifest);
		}
		catch (IOException | RuntimeException ex) {
			// The database was empty before: it is left so, ready for another try.
			flyway.clean();
			throw ex;
		}
	}

	private static BackupManifest manifest(ZipInputStream zip) throws IOException {
		ZipEntry first = nextEntry(zip);
		if (first == null || !first.getName().equals(BackupManifest.ENTRY)) {
			throw new InvalidBackupException("This is not a Morgue backup: it does not start with its manifest.");
		}
		BackupManifest manifest;
		try {
			manifest = DatabaseBackup.JSON.readValue(zip.readAllBytes(), BackupManifest.class);
		}
		catch (JacksonException ex) {
			throw new InvalidBackupException("This backup's manifest cannot be read: " + ex.getOriginalMessage());
		}
		if (manifest.format() != BackupManifest.FORMAT || manifest.schemaVersion() == null
				|| manifest.tables() == null) {
			throw new InvalidBackupException("This backup is of format " + manifest.format()
					+ ", which this Morgue does not know (it reads format " + BackupManifest.FORMAT + ").");
		}
		return manifest;
	}

	private static void checkVersion(Flyway flyway, String version) {
		MigrationVersion wanted = MigrationVersion.fromVersion(version);
		MigrationVersion known = MigrationVersion.EMPTY;
		for (MigrationInfo migration : flyway.info().all()) {
			if (migration.getVersion() != null && migration.getVersion().isNewerThan(known.getVersion())) {
				known = migration.getVersion();
			}
		}
		if (wanted.isNewerThan(known.getVersion())) {
			throw new InvalidBackupException("This backup was made by a newer Morgue (schema version " + version
					+ "; this one knows up to " + known.getVersion() + "). Restore it with that version or later.");
		}
	}

	private DatabaseBackup.BackupSize load(ZipInputStream zip, BackupManifest manifest) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				DatabaseBackup.BackupSize size = load(connection, zip, manifest);
				connection.commit();
				return size;
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new InvalidBackupException("The backup could not be loaded: " + ex.getMessage(), ex);
		}
	}

	private DatabaseBackup.BackupSize load(Connection connection, ZipInputStream zip, BackupManifest manifest)
			throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			// Rows a migration may have put in; the backup has the tables' whole content.
			statement.execute("truncate " + manifest.tables()
				.stream()
				.map(t -> DatabaseBackup.quote(t.name()))
				.collect(Collectors.joining(", ")));
		}
		CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
		Map<String, Long> rows = new HashMap<>();
		Iterator<BackupManifest.Table> expected = manifest.tables().iterator();
		ZipEntry entry = nextEntry(zip);
		while (entry != null && !entry.getName().equals(BackupManifest.SUMMARY_ENTRY)) {
			BackupManifest.Table table = expected.hasNext() ? expected.next() : null;
			if (table == null || !entry.getName().equals(table.entry())) {
				throw new InvalidBackupException("The backup holds " + entry.getName() + " where its manifest has "
						+ ((table != null) ? table.entry() : "no more tables") + ".");
			}
			String name = DatabaseBackup.quote(table.name());
			try (Statement statement = connection.createStatement()) {
				statement.execute("alter table " + name + " disable trigger user");
			}
			rows.put(table.name(), copies.copyIn(
					"copy " + name + " (" + DatabaseBackup.columnList(table.columns()) + ") from stdin", zip, BUFFER));
			try (Statement statement = connection.createStatement()) {
				statement.execute("alter table " + name + " enable trigger user");
			}
			entry = nextEntry(zip);
		}
		if (entry == null || expected.hasNext()) {
			throw new InvalidBackupException("The backup is cut short: it ends before "
					+ ((expected.hasNext()) ? "all its tables" : "its summary") + ". Nothing was restored.");
		}
		BackupManifest.Summary summary;
		try {
			summary = DatabaseBackup.JSON.readValue(zip.readAllBytes(), BackupManifest.Summary.class);
		}
		catch (JacksonException ex) {
			throw new InvalidBackupException("The backup's summary cannot be read: " + ex.getOriginalMessage());
		}
		if (!rows.equals(summary.rows())) {
			throw new InvalidBackupException(
					"The backup's tables do not hold the rows its summary counts. Nothing " + "was restored.");
		}
		for (BackupManifest.SequenceValue sequence : manifest.sequences()) {
			try (PreparedStatement statement = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
				statement.setString(1, DatabaseBackup.quote(sequence.name()));
				statement.setLong(2, sequence.lastValue());
				statement.execute();
			}
		}
		return new DatabaseBackup.BackupSize(manifest.tables().size(),
				rows.values().stream().mapToLong(Long::longValue).sum(), rows.getOrDefault("article", 0L));
	}

	private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
		try {
			return zip.getNextEntry();
		}
		catch (java.util.zip.ZipException ex) {
			throw new InvalidBackupException("This is not a Morgue backup, or it is damaged: " + ex.getMessage());
		}
	}

	private static int tableCount(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select count(*) from pg_class
				where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p')""")) {
			result.next();
			return result.getInt(1);
		}
	}

}
