package org.morgue.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.morgue.system.EmbeddedDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The packaged archive ({@code target/morgue.jar}, or {@code -Dbench.jar}) running as its
 * own process on a data directory, on a free port of 127.0.0.1, with its embedded
 * PostgreSQL: started, waited for, stopped politely, or killed as a power cut kills it.
 */
final class ArchiveProcess implements AutoCloseable {

	private final Process process;

	private final Path dataDir;

	private final Path log;

	private final String base;

	private final long startedAt;

	private ArchiveProcess(Process process, Path dataDir, Path log, String base, long startedAt) {
		this.process = process;
		this.dataDir = dataDir;
		this.log = log;
		this.base = base;
		this.startedAt = startedAt;
	}

	/** The packaged jar, checked to be there. */
	static Path jar() {
		Path jar = Path.of(System.getProperty("bench.jar", "target/morgue.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is not there: run ./mvnw -DskipTests package first");
		}
		return jar;
	}

	/**
	 * Starts the archive on {@code dataDir} with entity extraction and feeds off (the
	 * harnesses measure storing and searching, not the tagger), its output appended to
	 * {@code log}.
	 * @param arguments further settings, as {@code --key=value}
	 */
	static ArchiveProcess start(Path dataDir, Path log, String... arguments) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar().toString(),
				"--morgue.data-dir=" + dataDir.toAbsolutePath(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--morgue.ner.enabled=false", "--morgue.feeds.enabled=false", "--spring.main.banner-mode=off"));
		command.addAll(List.of(arguments));
		long startedAt = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new ArchiveProcess(process, dataDir.toAbsolutePath(), log, "http://127.0.0.1:" + port, startedAt);
	}

	String base() {
		return base;
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Time since the process was started. */
	Duration age() {
		return Duration.ofNanos(System.nanoTime() - startedAt);
	}

	/**
	 * Waits until {@code GET path} answers 200 with {@code authorization}.
	 * @return the time from the start of the process to that answer
	 */
	Duration awaitAnswer(HttpClient http, String path, String authorization, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The archive stopped (exit " + process.exitValue() + "); see " + log);
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
					.header("Authorization", authorization)
					.timeout(Duration.ofSeconds(10))
					.GET()
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return age();
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The archive did not answer " + path + " within " + timeout + "; see " + log);
	}

	/**
	 * Waits for the archive to answer and its index to hold {@code articles} documents
	 * with no rebuild running (the first start on a data directory builds it), for at
	 * most two hours.
	 */
	void awaitIndex(HttpClient http, String authorization, long articles) throws Exception {
		long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
		long lastLogged = -1;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The archive stopped; see " + log);
			}
			try {
				HttpResponse<byte[]> response = http
					.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/index"))
						.header("Authorization", authorization)
						.GET()
						.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() == 200) {
					JsonNode status = JsonMapper.shared().readTree(response.body());
					long documents = status.get("documents").asLong();
					boolean running = "RUNNING".equals(status.get("rebuild").get("state").asString());
					if (documents == articles && !running) {
						return;
					}
					long done = status.get("rebuild").get("done").asLong();
					if (done / 100_000 != lastLogged) {
						lastLogged = done / 100_000;
						CorpusLoader.log("Index: %,d documents, rebuild %,d of %,d", documents, done, articles);
					}
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("The archive's index did not hold every article in time");
	}

	/**
	 * A connection to the archive's embedded PostgreSQL, found by the port its
	 * {@code postmaster.pid} names (local connections only, as the README says).
	 */
	Connection database() throws IOException, SQLException {
		List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + lines.get(3).strip() + "/postgres",
				"postgres", "postgres");
	}

	/**
	 * A power cut: SIGKILL, at once, to the archive's JVM and to its PostgreSQL (the
	 * postmaster and every backend), which otherwise outlives the JVM and would be
	 * stopped politely at the next start. Neither gets to flush or close anything.
	 * @return how many processes were killed
	 */
	int powerCut() throws Exception {
		List<ProcessHandle> victims = new ArrayList<>();
		victims.add(process.toHandle());
		postmaster().ifPresent(postmaster -> {
			victims.add(postmaster);
			postmaster.descendants().forEach(victims::add);
		});
		process.toHandle().descendants().forEach(victims::add);
		for (ProcessHandle victim : victims) {
			// destroyForcibly is SIGKILL on Linux.
			victim.destroyForcibly();
		}
		for (ProcessHandle victim : victims) {
			victim.onExit().get(30, TimeUnit.SECONDS);
		}
		return victims.size();
	}

	private Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
		try {
			return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Stops the archive as its operator would (SIGTERM), forcibly after a minute. */
	@Override
	public void close() throws InterruptedException {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * An administrator of the benchmark's own, with a known password, written into the
	 * data directory's database before the archive starts there.
	 */
	static void ensureUser(Path benchDir, String username, String password) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(benchDir.resolve("postgres"), true);
				Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement upsert = connection.prepareStatement("""
						insert into app_user (username, password_hash, role, enabled, created_at, created_by)
						values (?, ?, 'ADMIN', true, ?, 'benchmark')
						on conflict (lower(username)) do update set password_hash = excluded.password_hash,
						    role = 'ADMIN', enabled = true""")) {
			upsert.setString(1, username);
			upsert.setString(2, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
			upsert.setTimestamp(3, Timestamp.from(Instant.now()));
			upsert.executeUpdate();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
