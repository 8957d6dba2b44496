package org.morgue.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How Morgue starts its embedded PostgreSQL 17: UTF-8 with Unicode case mapping for {@code lower()}
 * that does not depend on the host's locales, and stopped by its owner, not by a JVM hook racing the
 * connection pool.
 */
public final class EmbeddedDatabase {

	private EmbeddedDatabase() {
	}

	/**
	 * @param dataDirectory where the database lives
	 * @param keepData whether existing data is kept (the archive) or wiped first (a test run)
	 */
	public static EmbeddedPostgres start(Path dataDirectory, boolean keepData) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
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
