package org.morgue.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How Morgue starts its embedded PostgreSQL 17: UTF-8 with Unicode case mapping for
 * {@code lower()} that does not depend on the host's locales, durable (fsync, synchronous
 * commits) when it holds an archive, and stopped by its owner, not by a JVM hook racing
 * the connection pool.
 */
public final class EmbeddedDatabase {

	private EmbeddedDatabase() {
	}

	/**
	 * @param dataDirectory where the database lives
	 * @param keepData whether existing data is kept (the archive) or wiped first (a test
	 * run)
	 */
	public static EmbeddedPostgres start(Path dataDirectory, boolean keepData) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (keepData) {
			// The embedded server is started for tests by default: no fsync, commits not
			// waited for.
			// An archive's data must survive a power cut, so both are put back (-c comes
			// after -F).
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
			// Room for an archive's hot pages, and checkpoints far enough apart that a
			// bulk
			// import does not write every index page it touches twice (full-page images).
			builder.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min");
		}
		return builder.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(!keepData)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.start();
	}

}
