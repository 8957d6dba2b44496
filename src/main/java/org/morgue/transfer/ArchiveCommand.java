package org.morgue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.morgue.ingest.IngestService;
import org.morgue.search.IndexBacklog;
import org.morgue.search.IndexInUseException;
import org.morgue.system.DataDirectoryInUseException;
import org.morgue.system.WorkProgress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The archive's commands, for the command line: {@code import PATH...} and
 * {@code export FILE}. Each starts the archive without its web server or entity
 * extraction, does its work with progress on the terminal, prints a summary and exits: 0
 * when all went well, 1 when some items could not be imported, 2 when the command could
 * not run.
 */
public final class ArchiveCommand {

	public static final String IMPORT = "import";

	public static final String EXPORT = "export";

	private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

	private ArchiveCommand() {
	}

	public static boolean isCommand(String argument) {
		return IMPORT.equals(argument) || EXPORT.equals(argument);
	}

	/**
	 * Runs the command the arguments name; arguments starting with {@code --} are
	 * settings for the archive (such as {@code --morgue.data-dir=/srv/morgue}).
	 * @return the exit status
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String command = args[0];
		List<String> operands = new ArrayList<>();
		List<String> settings = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			(args[i].startsWith("--") ? settings : operands).add(args[i]);
		}
		if (command.equals(IMPORT) && operands.isEmpty() || command.equals(EXPORT) && operands.size() != 1) {
			err.println("""
					Usage: java -jar morgue.jar import PATH...   (NDJSON .ndjson/.jsonl, CSV .csv, wire copy .txt,
					                                              Reuters-21578 .sgm, or folders of them)
					       java -jar morgue.jar export FILE      (the whole archive as NDJSON)""");
			return 2;
		}
		List<Path> paths = operands.stream().map(Path::of).toList();
		if (command.equals(IMPORT)) {
			for (Path path : paths) {
				if (!Files.exists(path)) {
					err.println("There is no file or folder " + path + ".");
					return 2;
				}
			}
		}
		ConfigurableApplicationContext context;
		try {
			context = start(application, settings);
		}
		catch (RuntimeException ex) {
			err.println("The archive could not start: " + reason(ex));
			return 2;
		}
		try (context) {
			return command.equals(IMPORT) ? importFiles(context, paths, out, err)
					: export(context, paths.get(0), out, err);
		}
		catch (IOException | RuntimeException ex) {
			err.println("The " + command + " stopped: " + reason(ex));
			return 2;
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, List<String> settings) {
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		spring.setLogStartupInfo(false);
		List<String> arguments = new ArrayList<>(settings);
		// Over application.yml, unless given: the tagger runs in the archive, on its
		// backlog, at its
		// next start; the index is checked there too; feeds are polled there alone.
		// A start that fails is explained in one line by this command, without the
		// framework's trace.
		Map.of("morgue.ner.enabled", "false", "morgue.search.check-on-start", "false", "morgue.feeds.enabled", "false",
				"logging.level.root", "WARN", "logging.level.org.springframework.boot.SpringApplication", "OFF",
				"logging.level.org.springframework.context", "ERROR",
				"logging.level.org.springframework.boot.autoconfigure.logging", "OFF")
			.forEach((key, value) -> {
				if (settings.stream().noneMatch(setting -> setting.startsWith("--" + key + "="))) {
					arguments.add("--" + key + "=" + value);
				}
			});
		return spring.run(arguments.toArray(String[]::new));
	}

	private static int importFiles(ConfigurableApplicationContext context, List<Path> paths, PrintStream out,
			PrintStream err) throws IOException {
		BulkImport imports = context.getBean(BulkImport.class);
		long maxBodyBytes = context.getBean(IngestService.class).maxBodyBytes();
		ImportSummary summary;
		try (ImportSource source = ImportFiles.open(paths, maxBodyBytes)) {
			out.printf("Importing %s (%,d items)%n", String.join(" ", paths.stream().map(Path::toString).toList()),
					source.total());
			summary = imports.run(source, "import", outcome -> {
			}, reporter(out, "imported"));
		}
		catch (NoSuchFileException ex) {
			err.println("There is no file or folder " + ex.getFile() + ".");
			return 2;
		}
		awaitIndex(context, out, err);
		out.printf("Done: %,d read, %,d created, %,d updated, %,d duplicates, %,d errors in %s (%,.0f articles/s)%n",
				summary.read(), summary.created(), summary.updated(), summary.duplicates(), summary.errors(),
				format(summary.took()), summary.perSecond());
		for (ImportOutcome error : summary.errorsShown()) {
			err.printf("  %s: %s%s%n", error.place(), (error.field() != null) ? error.field() + ": " : "",
					error.reason());
		}
		if (summary.errors() > summary.errorsShown().size()) {
			err.printf("  ... and %,d more errors%n", summary.errors() - summary.errorsShown().size());
		}
		out.println("The articles are searchable; people, organisations and places are extracted when the archive "
				+ "next starts.");
		return (summary.errors() > 0) ? 1 : 0;
	}

	/**
	 * Waits until the index has taken every imported batch, so that nothing is left for
	 * the next start.
	 */
	private static void awaitIndex(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		try {
			IndexBacklog.Count left = context.getBean(IndexBacklog.class)
				.await(REPORT_EVERY, waiting -> out.printf("Indexing: %,d batches to go%n", waiting));
			if (left.failed() > 0) {
				err.printf("The index could not take %,d batches; the archive indexes them when it next starts.%n",
						left.failed());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int export(ConfigurableApplicationContext context, Path file, PrintStream out, PrintStream err)
			throws IOException {
		Path absolute = file.toAbsolutePath();
		Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
		long written;
		try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
			written = context.getBean(ArchiveExport.class).write(stream, reporter(out, "exported"));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		out.printf("Exported %,d articles to %s%n", written, file);
		return 0;
	}

	/** Prints progress every few seconds: done out of total, rate and time left. */
	private static Consumer<WorkProgress> reporter(PrintStream out, String verb) {
		long[] last = { System.nanoTime() };
		return progress -> {
			if (progress.running() && System.nanoTime() - last[0] >= REPORT_EVERY.toNanos()) {
				last[0] = System.nanoTime();
				out.printf("  %,d of %,d %s (%d%%), %,.0f articles/s, %s left%n", progress.done(), progress.total(),
						verb, progress.percent(), progress.perSecond(),
						(progress.remaining() != null) ? format(progress.remaining()) : "time");
			}
		};
	}

	private static String format(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return (duration.toMillis() < 10_000 && seconds < 10) ? "%.1f s".formatted(duration.toMillis() / 1000.0)
					: seconds + " s";
		}
		return (seconds < 3600) ? "%d min %02d s".formatted(seconds / 60, seconds % 60)
				: "%d h %02d min".formatted(seconds / 3600, seconds % 3600 / 60);
	}

	/**
	 * The cause a user can act on: another process on the data directory, or the
	 * innermost message.
	 */
	private static String reason(Throwable ex) {
		Throwable innermost = ex;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataDirectoryInUseException) {
				return cause.getMessage();
			}
			if (cause instanceof IndexInUseException) {
				return "The search index is in use by another Morgue process. Stop it first, or bring articles into "
						+ "the running archive through its import page or POST /api/v1/articles/bulk.";
			}
			innermost = cause;
		}
		return innermost.getMessage();
	}

}
