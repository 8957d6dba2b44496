package org.morgue.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.morgue.search.IndexInUseException;
import org.morgue.search.IndexMaintenance;
import org.morgue.system.DataDirectoryInUseException;
import org.morgue.system.EmbeddedDatabase;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * The commands {@code backup FILE} and {@code restore FILE}. A backup is taken of the
 * database the archive's settings name: an external PostgreSQL
 * ({@code spring.datasource.url}), or the embedded one under {@code morgue.data-dir},
 * started for the backup when the archive is stopped and reached on its port when the
 * archive runs. A restore goes into an empty database (a new data directory for the
 * embedded one) with the archive stopped, and removes the data directory's search index,
 * so that the archive rebuilds it from the restored database when it starts. Neither
 * starts the archive itself. Exit status 0 when done, 2 when the command could not run.
 */
public final class BackupCommand {

	public static final String BACKUP = "backup";

	public static final String RESTORE = "restore";

	private BackupCommand() {
	}

	public static boolean isCommand(String argument) {
		return BACKUP.equals(argument) || RESTORE.equals(argument);
	}

	/**
	 * Runs the command the arguments name; arguments starting with {@code --} are
	 * settings (such as {@code --morgue.data-dir=/srv/morgue} or
	 * {@code --spring.datasource.url=...}), over the environment's.
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String command = args[0];
		List<String> operands = new ArrayList<>();
		List<String> settings = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			(args[i].startsWith("--") ? settings : operands).add(args[i]);
		}
		if (operands.size() != 1) {
			err.println("""
					Usage: java -jar morgue.jar backup FILE    (the whole database, while the archive runs or not)
					       java -jar morgue.jar restore FILE   (into an empty database, the archive stopped)""");
			return 2;
		}
		quietLogs();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(settings.toArray(String[]::new)));
		Path file = Path.of(operands.get(0)).toAbsolutePath();
		try {
			return command.equals(BACKUP) ? backup(environment, file, out, err) : restore(environment, file, out, err);
		}
		catch (InvalidBackupException | DataDirectoryInUseException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (IOException | RuntimeException ex) {
			err.println("The " + command + " stopped: " + ex.getMessage());
			return 2;
		}
	}

	private static int backup(StandardEnvironment environment, Path file, PrintStream out, PrintStream err)
			throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		long started = System.nanoTime();
		DatabaseBackup.BackupSize size;
		try (Database database = openForBackup(environment, out, err)) {
			if (database == null) {
				return 2;
			}
			try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
				size = new DatabaseBackup(database.dataSource()).write(stream);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(partial);
				throw ex;
			}
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		out.printf("Backed up %,d articles (%,d rows in %d tables) to %s: %s in %s%n", size.articles(), size.rows(),
				size.tables(), file, megabytes(Files.size(file)), seconds(started));
		return 0;
	}

	private static int restore(StandardEnvironment environment, Path file, PrintStream out, PrintStream err)
			throws IOException {
		if (!Files.isRegularFile(file)) {
			err.println("There is no file " + file + ".");
			return 2;
		}
		long started = System.nanoTime();
		Path dataDir = dataDir(environment);
		DatabaseBackup.BackupSize size;
		try (Database database = openForRestore(environment);
				InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			size = new DatabaseRestore(database.dataSource()).restore(stream);
		}
		try {
			IndexMaintenance.discard(dataDir);
		}
		catch (IndexInUseException ex) {
			err.println("The database is restored, but a running Morgue has the search index in " + dataDir
					+ " open. Stop it, then delete " + dataDir.resolve("index") + " so that the index is rebuilt.");
			return 2;
		}
		out.printf("Restored %,d articles (%,d rows in %d tables) from %s in %s%n", size.articles(), size.rows(),
				size.tables(), file, seconds(started));
		out.println("The search index is rebuilt from them when the archive starts (progress under Index, "
				+ "/admin/index, and at GET /api/v1/admin/index).");
		return 0;
	}

	/**
	 * The archive's database for a backup, or {@code null} (with the reason told) when
	 * there is none.
	 */
	private static Database openForBackup(StandardEnvironment environment, PrintStream out, PrintStream err)
			throws IOException {
		Database external = external(environment);
		if (external != null) {
			return external;
		}
		Path dataDir = dataDir(environment);
		if (!EmbeddedDatabase.exists(dataDir)) {
			err.println("There is no archive in " + dataDir + " (no database under " + dataDir.resolve("postgres")
					+ "). Name it with --morgue.data-dir=... or MORGUE_DATA_DIR, or set SPRING_DATASOURCE_URL.");
			return null;
		}
		try {
			return embedded(EmbeddedDatabase.startArchive(dataDir));
		}
		catch (DataDirectoryInUseException ex) {
			OptionalInt port = EmbeddedDatabase.runningPort(dataDir);
			if (port.isEmpty()) {
				throw ex;
			}
			out.println("The archive is running: its database is backed up as it runs.");
			return new Database(
					dataSource("jdbc:postgresql://localhost:" + port.getAsInt() + "/postgres", "postgres", "postgres"),
					() -> {
					});
		}
	}

	private static Database openForRestore(StandardEnvironment environment) throws IOException {
		Database external = external(environment);
		if (external != null) {
			return external;
		}
		Path dataDir = dataDir(environment);
		try {
			return embedded(EmbeddedDatabase.startArchive(dataDir));
		}
		catch (DataDirectoryInUseException ex) {
			throw new InvalidBackupException("A Morgue process is using the data directory " + dataDir
					+ ". A restore goes into a stopped archive's new data directory: name one with "
					+ "--morgue.data-dir=... or MORGUE_DATA_DIR.");
		}
	}

	private static Database external(StandardEnvironment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (!StringUtils.hasText(url)) {
			return null;
		}
		return new Database(dataSource(url, environment.getProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password")), () -> {
				});
	}

	private static Database embedded(EmbeddedPostgres postgres) {
		return new Database(dataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"),
				postgres::close);
	}

	private static PGSimpleDataSource dataSource(String url, String username, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		if (username != null) {
			dataSource.setUser(username);
		}
		if (password != null) {
			dataSource.setPassword(password);
		}
		return dataSource;
	}

	private static Path dataDir(StandardEnvironment environment) {
		return Path.of(environment.getProperty("morgue.data-dir", "./data")).toAbsolutePath().normalize();
	}

	/**
	 * The command prints its own lines; the libraries' start-up chatter stays out of
	 * them.
	 */
	private static void quietLogs() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / 1_000_000.0);
	}

	private static String seconds(long startedNanos) {
		return "%.1f s".formatted(Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0);
	}

	/** A database connection for the command, and how to let it go. */
	private record Database(PGSimpleDataSource dataSource, Closer closer) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			closer.close();
		}

	}

	@FunctionalInterface
	private interface Closer {

		void close() throws IOException;

	}

}
