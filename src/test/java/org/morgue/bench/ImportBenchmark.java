package org.morgue.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.morgue.MorgueApplication;
import org.morgue.system.EmbeddedDatabase;
import org.morgue.system.WorkProgress;
import org.morgue.transfer.BulkImport;
import org.morgue.transfer.ImportFiles;
import org.morgue.transfer.ImportSource;
import org.morgue.transfer.ImportSummary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import rate, end to end, and the archive the search benchmark then searches: the
 * benchmark corpus ({@link CorpusGenerator}) written as NDJSON, then imported by the
 * archive's own bulk import into an empty archive on the benchmark's data directory,
 * timed from the first line read until PostgreSQL has every article and the index has
 * taken every batch. Entity extraction is queued, as on the command line. The figures
 * replace the import section for this count in {@code docs/benchmarks.md}. A data
 * directory that holds this corpus imported already is kept, unless
 * {@code -Dbench.reimport=true}: the search benchmark that runs next reuses it.
 *
 * <pre>
 * ./mvnw -Pbench verify -Dbench.articles=100000 -Dtest=ImportBenchmark
 * </pre>
 */
class ImportBenchmark {

	/** The goal from the issue, in articles per second on this machine. */
	static final double GOAL = 1000;

	private static final Pattern SECTION = Pattern.compile("<!-- import (\\d+) -->\\n.*?<!-- end of import \\1 -->\\n",
			Pattern.DOTALL);

	@Test
	void importAtScale() throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		long count = settings.articles();
		Path archive = settings.dir().toAbsolutePath().normalize();
		Files.createDirectories(archive);
		RunRecord record = RunRecord.in(archive);
		if (Long.toString(count).equals(record.get("import.articles")) && !Boolean.getBoolean("bench.reimport")) {
			CorpusLoader.log("%s holds the %,d articles imported already; -Dbench.reimport=true imports them again",
					archive, count);
			return;
		}
		deleteRecursively(archive.resolve("postgres"));
		deleteRecursively(archive.resolve("index"));
		record.remove("import.articles", "load.seconds", "fts.seconds", "gin.seconds", "rebuild.seconds");
		Path dir = archive;
		Path ndjson = dir.resolveSibling("corpus-" + count + ".ndjson");
		ReutersCorpus corpus = ReutersCorpus.read(settings.reuters());
		if (!Files.isRegularFile(ndjson)) {
			write(ndjson, count, corpus);
		}
		String loadBefore = SearchBenchmark.Machine.loadAverage();

		// Kept when closed (the directory was emptied above): the search benchmark
		// searches it next.
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(archive.resolve("postgres"), true);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(MorgueApplication.class)
					.web(WebApplicationType.NONE)
					// Arguments, as on the command line, so that they outrank
					// application.yml.
					.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
							"--morgue.data-dir=" + archive, "--morgue.ner.enabled=false",
							"--morgue.search.check-on-start=false", "--spring.main.banner-mode=off")) {
			BulkImport imports = context.getBean(BulkImport.class);
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			CorpusLoader.log("Importing %s", ndjson);
			Instant started = Instant.now();
			ImportSummary summary;
			long[] lastLog = { 0 };
			try (ImportSource source = ImportFiles.open(List.of(ndjson), 1 << 20)) {
				summary = imports.run(source, "benchmark", outcome -> {
				}, progress -> log(progress, lastLog));
			}
			Duration stored = Duration.between(started, Instant.now());
			while (jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
				Thread.sleep(50);
			}
			Duration took = Duration.between(started, Instant.now());
			long articles = jdbc.sql("select count(*) from article").query(Long.class).single();
			long databaseBytes = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
			long heap = SearchBenchmark.Machine.heapUsedAfterGc();
			CorpusLoader.log(
					"Imported %,d articles (%,d created, %,d duplicates, %,d errors): stored in %s, indexed in %s: %,.0f articles/s",
					summary.read(), summary.created(), summary.duplicates(), summary.errors(), stored, took,
					summary.created() / (took.toMillis() / 1000.0));
			if (summary.errors() > 0 || articles != count) {
				throw new IllegalStateException("The import did not store the corpus: " + summary + ", " + articles
						+ " articles in the database");
			}
			record.put("import.seconds", took.toMillis() / 1000.0);
			record.put("load.databaseBytes", databaseBytes);
			record.put("import.date", java.time.LocalDate.now());
			record.put("import.articles", count);
			report(settings.report(), count, summary, stored, took, databaseBytes, heap, loadBefore, ndjson);
		}
	}

	private static void log(WorkProgress progress, long[] last) {
		if (System.nanoTime() - last[0] > 10_000_000_000L) {
			last[0] = System.nanoTime();
			CorpusLoader.log("  %,d of %,d (%d%%), %,.0f articles/s, %s left", progress.done(), progress.total(),
					progress.percent(), progress.perSecond(), progress.remaining());
		}
	}

	/**
	 * The corpus as the NDJSON of the bulk import: title, body, source and date per line.
	 */
	private static void write(Path ndjson, long count, ReutersCorpus corpus) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Path partial = ndjson.resolveSibling(ndjson.getFileName() + ".partial");
		CorpusLoader.log("Writing %,d articles to %s", count, ndjson);
		try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
			new CorpusGenerator(corpus).generate(count, article -> {
				ObjectNode line = json.createObjectNode();
				line.put("title", article.title());
				line.put("body", article.body());
				line.put("source", CorpusGenerator.SOURCES.get(article.sourceIndex()));
				line.put("publishedAt", article.publishedDate().toString());
				try {
					out.write(json.writeValueAsString(line));
					out.write('\n');
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		Files.move(partial, ndjson);
	}

	private static void report(Path file, long count, ImportSummary summary, Duration stored, Duration took,
			long databaseBytes, long heap, String loadBefore, Path ndjson) throws IOException {
		double rate = summary.created() / (took.toMillis() / 1000.0);
		StringBuilder md = new StringBuilder();
		md.append("<!-- import ").append(count).append(" -->\n");
		md.append("### Import of %,d articles\n\n".formatted(count));
		md.append("Measured %s on %s, %d cores, JDK %s, max heap %s; load average before: %s.\n\n".formatted(
				java.time.LocalDate.now(), SearchBenchmark.Machine.cpuModel(),
				Runtime.getRuntime().availableProcessors(), Runtime.version().feature(),
				BenchReport.bytes(Runtime.getRuntime().maxMemory()), loadBefore));
		md.append("| | |\n|---|---|\n");
		md.append(
				"| corpus | the search benchmark's %,d articles as NDJSON (%s), title, body, source and date per line |\n"
					.formatted(count, BenchReport.bytes(Files.size(ndjson))));
		md.append("| stored in PostgreSQL | %s |\n".formatted(BenchReport.duration(stored.toSeconds())));
		md.append("| stored and indexed (end to end) | %s |\n".formatted(BenchReport.duration(took.toSeconds())));
		md.append("| **rate, end to end** | **%,.0f articles/s** (goal %,.0f: %s) |\n".formatted(rate, GOAL,
				(rate >= GOAL) ? "met" : "NOT met"));
		md.append("| database afterwards | %s |\n".formatted(BenchReport.bytes(databaseBytes)));
		md.append("| heap in use after a full GC | %s |\n".formatted(BenchReport.bytes(heap)));
		md.append("\n<!-- end of import ").append(count).append(" -->\n");
		String text = Files.isRegularFile(file) ? Files.readString(file) : "";
		Matcher matcher = SECTION.matcher(text);
		String section = md.toString();
		boolean found = false;
		while (matcher.find()) {
			if (Long.parseLong(matcher.group(1)) == count) {
				text = text.substring(0, matcher.start()) + section + text.substring(matcher.end());
				found = true;
				break;
			}
		}
		if (!found) {
			text = text + "\n" + section;
		}
		Files.writeString(file, text);
		CorpusLoader.log("Import figures written to %s", file);
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
