package org.morgue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.morgue.system.EmbeddedDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The one PostgreSQL all tests run against, started once per test run: a Testcontainers
 * {@code postgres:17} where a Docker engine is available, otherwise the same embedded
 * PostgreSQL 17 binaries the archive itself uses. Either way real PostgreSQL with the
 * real Flyway migrations.
 * <p>
 * Registered for every test application context in {@code META-INF/spring.factories}; it
 * sets {@code spring.datasource.*} (so the application's own embedded database stays off)
 * unless the context names a database itself, points {@code morgue.data-dir} at a fresh
 * temporary directory per context unless it names one, and gives the first administrator
 * a known password, lets the server fetch from 127.0.0.1, where tests serve their pages
 * and feeds, and leaves feeds to be polled when a test asks (unless it sets
 * {@code morgue.test.feeds-on-schedule}).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static Connection connection;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new HashMap<>();
		// A context that names its own database (a benchmark, say) keeps it.
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			Connection database = connection();
			properties.put("spring.datasource.url", database.url());
			properties.put("spring.datasource.username", database.username());
			properties.put("spring.datasource.password", database.password());
		}
		// Each context has its own files (the search index takes a lock on its
		// directory).
		if (!StringUtils.hasText(environment.getProperty("morgue.data-dir"))) {
			properties.put("morgue.data-dir", temporaryDirectory("morgue-test-data").toString());
		}
		properties.put("morgue.admin-password", TestUsers.FIRST_ADMIN_PASSWORD);
		// the tests serve pages and feeds on 127.0.0.1; every other private address stays
		// refused
		if (!StringUtils.hasText(environment.getProperty("morgue.intake.allowed-hosts"))) {
			properties.put("morgue.intake.allowed-hosts", "127.0.0.1");
		}
		// every test of a shared context signs in from 127.0.0.1, and some with wrong
		// passwords on purpose: the address's limit is not theirs to reach (the
		// throttle's own tests set their limits)
		if (!StringUtils.hasText(environment.getProperty("morgue.security.sign-in.address-max-failures"))) {
			properties.put("morgue.security.sign-in.address-max-failures", "1000");
		}
		// contexts share the database: one does not deliver the events another context
		// stopped with (a restart test's) while it runs, only as it starts, unless the
		// test sets it
		if (!StringUtils.hasText(environment.getProperty("morgue.node.takeover-every"))) {
			properties.put("morgue.node.takeover-every", "0");
		}
		// feeds are polled when a test asks, unless it turns the schedule on
		if (!"true".equals(environment.getProperty("morgue.test.feeds-on-schedule"))) {
			properties.put("morgue.feeds.enabled", "false");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
	}

	public static synchronized Connection connection() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	private static Connection start() {
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedDatabase.start(temporaryDirectory("morgue-test-postgres"), false);
			// Spring Boot runs its shutdown handlers after closing the application
			// contexts, so the
			// database outlives every context that uses it.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", ex);
		}
	}

	/**
	 * A new, empty database on the tests' PostgreSQL, for an archive of its own.
	 * @return its JDBC URL (same user and password as {@link #connection()})
	 */
	public static String newDatabase(String prefix) {
		Connection server = connection();
		String name = prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(server.url(), server.username(),
				server.password()); java.sql.Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server.url().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Connection(String url, String username, String password) {
	}

}
