package org.morgue.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL that holds an archive writes what it commits to disk before it
 * says so: the library starts it without fsync, for tests, and the archive must not
 * inherit that.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path directory;

	@Test
	void anArchivesDatabaseSyncsEveryCommitToDisk() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(directory.resolve("postgres"), true);
				Connection connection = postgres.getPostgresDatabase().getConnection()) {
			assertThat(setting(connection, "fsync")).isEqualTo("on");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
		}
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show " + name)) {
			result.next();
			return result.getString(1);
		}
	}

}
