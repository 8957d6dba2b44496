package org.morgue.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 from binaries on the classpath when no
 * {@code spring.datasource.url} is configured, keeping its data under
 * {@code ${morgue.data-dir}/postgres} so that it survives restarts. The connection pool,
 * Flyway and JPA then connect to it like to any other PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(MorgueProperties properties) throws IOException {
		Path dataDirectory = properties.dataDir().resolve("postgres");
		Files.createDirectories(dataDirectory);
		DataDirectoryLock.acquire(properties.dataDir());
		stopOrphanedServer(dataDirectory);
		EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDirectory, true);
		log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), dataDirectory);
		return postgres;
	}

	@Bean
	JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "postgres";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
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
				server.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
			});
		}
		catch (IOException | NumberFormatException ex) {
			// PostgreSQL itself checks a stale lock file and explains if it cannot start.
			log.debug("Could not read {}", pidFile, ex);
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
