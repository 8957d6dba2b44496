package org.morgue.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Morgue starts its embedded PostgreSQL 17: UTF-8 with Unicode case mapping for
 * {@code lower()} that does not depend on the host's locales, durable (fsync, synchronous
 * commits) when it holds an archive, and stopped by its owner, not by a JVM hook racing
 * the connection pool.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabase() {
	}

	/**
	 * Starts the archive's own database in {@code dataDir/postgres}, created when
	 * missing, for this process alone: it takes the data directory's lock first, and
	 * stops a server a killed process left running there.
	 * @throws DataDirectoryInUseException when another Morgue process uses the data
	 * directory
	 */
	public static EmbeddedPostgres startArchive(Path dataDir) throws IOException {
		Path dataDirectory = dataDir.resolve("postgres");
		Files.createDirectories(dataDirectory);
		DataDirectoryLock.acquire(dataDir);
		stopOrphanedServer(dataDirectory);
		return start(dataDirectory, true);
	}

	/**
	 * Whether the data directory holds an archive's database (one that was created
	 * there), without starting it.
	 */
	public static boolean exists(Path dataDir) {
		return Files.isRegularFile(dataDir.resolve("postgres").resolve("PG_VERSION"));
	}

	/**
	 * The port of the embedded server another process runs on this data directory, read
	 * from PostgreSQL's {@code postmaster.pid} (its fourth line), if it runs.
	 */
	public static OptionalInt runningPort(Path dataDir) {
		Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.get(0).trim());
			if (lines.size() < 4 || ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
				return OptionalInt.empty();
			}
			return OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
		}
		catch (IOException | RuntimeException ex) {
			return OptionalInt.empty();
		}
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

	/**
	 * A server left running by a process that was killed holds the data directory's lock.
	 * It has no clients left, so a smart shutdown ends it quickly; then ours can start.
	 */
	private static void stopOrphanedServer(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
			long pid = Long.parseLong(firstLine);
			ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(server -> {
				log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier start", pid,
						dataDirectory);
				server.destroy();
				server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
		}
		catch (IOException | NumberFormatException ex) {
			// PostgreSQL itself checks a stale lock file and explains if it cannot start.
			log.debug("Could not read {}", pidFile, ex);
		}
	}

}
