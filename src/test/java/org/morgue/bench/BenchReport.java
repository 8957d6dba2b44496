package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.morgue.bench.BenchQueries.QueryClass;

/**
 * Writes the figures of one run as Markdown: the section for its article count in
 * {@code docs/benchmarks.md} is replaced, everything else in the file (the method, notes,
 * the sections of other counts) is kept.
 */
final class BenchReport {

	private static final Pattern SECTION = Pattern
		.compile("<!-- benchmark (\\d+) -->\\n.*?<!-- end of benchmark \\1 -->\\n", Pattern.DOTALL);

	private BenchReport() {
	}

	/** Queries per second and the latencies seen meanwhile. */
	record Throughput(double perSecond, Latencies latencies) {
	}

	/** Everything one run measured. */
	static final class Figures {

		final BenchSettings settings;

		ReutersCorpus corpus;

		BenchQueries queries;

		RunRecord record;

		boolean loadedNow;

		boolean rebuiltNow;

		boolean ftsBuiltNow;

		long indexDocuments;

		int segments;

		long indexBytes;

		long databaseBytesBeforeFts;

		long databaseBytes;

		long ginBytes;

		long heapUsedAfterGc;

		long heapMax;

		String postgresVersion;

		final Map<String, String> postgresSettings = new LinkedHashMap<>();

		String loadAtStart;

		String loadAtEnd;

		Instant startedAt;

		Instant finishedAt;

		final Map<QueryClass, Latencies> single = new EnumMap<>(QueryClass.class);

		final Map<QueryClass, Throughput> concurrent = new EnumMap<>(QueryClass.class);

		final Map<QueryClass, Map<String, Double>> steps = new EnumMap<>(QueryClass.class);

		final Map<QueryClass, Latencies> postgres = new EnumMap<>(QueryClass.class);

		Figures(BenchSettings settings) {
			this.settings = settings;
		}

	}

	static void write(Path file, Figures figures) throws IOException {
		String existing = Files.isRegularFile(file) ? Files.readString(file) : header();
		Map<Long, String> sections = new TreeMap<>();
		Matcher section = SECTION.matcher(existing);
		int firstSection = -1;
		StringBuilder rest = new StringBuilder();
		int last = 0;
		while (section.find()) {
			if (firstSection < 0) {
				firstSection = section.start();
			}
			rest.append(existing, last, section.start());
			last = section.end();
			sections.put(Long.parseLong(section.group(1)), section.group());
		}
		rest.append(existing.substring(last));
		sections.put(figures.settings.articles(), section(figures));
		// The sections stay together, smallest count first, where they were (or at the
		// end).
		String text = rest.toString();
		int at = (firstSection >= 0) ? Math.min(firstSection, text.length()) : text.length();
		String before = text.substring(0, at);
		if (!before.isEmpty() && !before.endsWith("\n\n")) {
			before = before.endsWith("\n") ? before + "\n" : before + "\n\n";
		}
		String joined = String.join("\n", sections.values());
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, before + joined + text.substring(at));
	}

	private static String header() {
		return """
				# Search benchmark

				How fast Morgue's search answers at 100,000 and 1,000,000 articles, next to PostgreSQL's own
				full-text search on the same articles in the same run. Produced by
				`src/test/java/org/morgue/bench/SearchBenchmark.java`; each section below is rewritten by a run
				with that many articles.

				""";
	}

	static String section(Figures f) {
		long n = f.settings.articles();
		StringBuilder md = new StringBuilder();
		md.append("<!-- benchmark ").append(n).append(" -->\n");
		md.append("## ").append(String.format(Locale.ROOT, "%,d", n)).append(" articles\n\n");
		md.append("Command: `./mvnw -Pbench verify -Dbench.articles=").append(n).append("`");
		if (!f.settings.dir().equals(Path.of("target/bench-data/" + n))) {
			md.append(" (run with `-Dbench.dir=` pointing outside `target/`, so that a `clean` could not delete it)");
		}
		md.append(".\n\n");
		md.append("Measured ")
			.append(f.startedAt.atZone(ZoneOffset.UTC).toLocalDate())
			.append(" (the run took ")
			.append(duration(Duration.between(f.startedAt, f.finishedAt).toSeconds()))
			.append(")");
		String commit = gitCommit();
		if (commit != null) {
			md.append(" on commit `")
				.append(commit)
				.append("`")
				.append(dirty() ? " plus uncommitted work in the tree" : "");
		}
		md.append(". Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores (")
			.append(SearchBenchmark.Machine.cpuModel())
			.append("), ")
			.append(gib(SearchBenchmark.Machine.memoryBytes()))
			.append(" RAM, ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(", heap `")
			.append(maxHeapFlag())
			.append("` for the whole application, PostgreSQL ")
			.append(f.postgresVersion)
			.append(" (embedded, ");
		List<String> settings = new ArrayList<>();
		f.postgresSettings.forEach((name, value) -> settings.add("`" + name + "` " + value));
		md.append(String.join(", ", settings))
			.append("). Load average (1, 5, 15 min) ")
			.append(f.loadAtStart)
			.append(" at the start and ")
			.append(f.loadAtEnd)
			.append(" at the end");
		md.append(loaded(f.loadAtStart) || loaded(f.loadAtEnd)
				? ": the machine was not idle (other work ran on the same two cores).\n\n" : ".\n\n");

		md.append("**Corpus.** ")
			.append(String.format(Locale.ROOT, "%,d", n))
			.append(" articles recombined from real Reuters-21578 paragraphs under new dates and sources: each is the ")
			.append("lead paragraph of a random Reuters story under that story's real title, followed by 2 to 7 ")
			.append("paragraphs drawn from random stories (")
			.append(String.format(Locale.ROOT, "%,d stories, %,d paragraphs", f.corpus.storyCount(),
					f.corpus.paragraphCount()))
			.append("), dated uniformly over ")
			.append(CorpusGenerator.FIRST_DAY.getYear())
			.append("–")
			.append(CorpusGenerator.LAST_DAY.getYear())
			.append(" and credited uniformly to one of ")
			.append(CorpusGenerator.SOURCES.size())
			.append(" invented source names (fixed seed; the same articles every time). ")
			.append((f.record.get("import.articles") != null)
					? "Imported through the archive's own bulk import (figures under *Import* below), which also built the index.\n\n"
					: "Loaded with `COPY`; the index was built by the archive's own rebuild from PostgreSQL.\n\n");

		md.append("| | |\n|---|---|\n");
		Double imported = f.record.number("import.seconds");
		if (imported != null) {
			md.append("| bulk import, stored and indexed | ")
				.append(duration(Math.round(imported)))
				.append(String.format(Locale.ROOT, ", %,.0f articles/s (run of %s)", n / imported,
						f.record.get("import.date")))
				.append(" |\n");
		}
		else {
			md.append("| generate + `COPY` into PostgreSQL | ")
				.append(timed(f.record.number("load.seconds"), f.loadedNow))
				.append(" |\n");
		}
		Double rebuild = f.record.number("rebuild.seconds");
		md.append("| index rebuild (`IndexMaintenance`, ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" threads) | ")
			.append(timed(rebuild, f.rebuiltNow));
		if (rebuild != null) {
			md.append(String.format(Locale.ROOT, ", %,.0f articles/s", n / rebuild));
		}
		md.append(" |\n");
		md.append("| index on disk | ")
			.append(bytes(f.indexBytes))
			.append(", ")
			.append(f.segments)
			.append(" segments, ")
			.append(String.format(Locale.ROOT, "%,d", f.indexDocuments))
			.append(" documents |\n");
		md.append("| database (`pg_database_size`) | ").append(bytes(f.databaseBytesBeforeFts));
		if (f.databaseBytes > 0) {
			md.append("; ")
				.append(bytes(f.databaseBytes))
				.append(" with PostgreSQL's FTS column and GIN index (GIN ")
				.append(bytes(f.ginBytes))
				.append(")");
		}
		md.append(" |\n");
		if (f.settings.postgres()) {
			md.append("| tsvector column / GIN index built in | ")
				.append(timed(f.record.number("fts.seconds"), f.ftsBuiltNow))
				.append(" / ")
				.append(timed(f.record.number("gin.seconds"), f.ftsBuiltNow))
				.append(" |\n");
		}
		md.append("| heap used after GC, application running | ")
			.append(bytes(f.heapUsedAfterGc))
			.append(" of ")
			.append(bytes(f.heapMax))
			.append(" |\n\n");

		md.append("### Morgue's search, one client\n\n");
		md.append("`ArticleSearch.search` called in process (no HTTP): exact total, top 20 by relevance with ")
			.append("highlighted title and two snippets (texts read from PostgreSQL), source/year/month facets over all ")
			.append("matches. ")
			.append(f.settings.warmup())
			.append(" warm-up queries per class, then ")
			.append(f.settings.queries())
			.append(" measured per class. Times in ms.\n\n");
		md.append("| class | examples | mean hits | p50 | p95 | p99 | mean | p99 ≤ ")
			.append((int) SearchBenchmark.GOAL_P99_MILLIS)
			.append(" ms |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
		for (QueryClass kind : QueryClass.values()) {
			Latencies l = f.single.get(kind);
			md.append("| ")
				.append(kind.label)
				.append(" | ")
				.append(BenchQueries.examples(kind, f.queries))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%,.0f", l.meanHits()))
				.append(" | ")
				.append(ms(l.percentileMillis(0.5)))
				.append(" | ")
				.append(ms(l.percentileMillis(0.95)))
				.append(" | ")
				.append(ms(l.percentileMillis(0.99)))
				.append(" | ")
				.append(ms(l.meanMillis()))
				.append(" | ")
				.append(l.percentileMillis(0.99) <= SearchBenchmark.GOAL_P99_MILLIS ? "yes" : "**no**")
				.append(" |\n");
		}
		md.append("\n### Morgue's search, ").append(f.settings.clients()).append(" clients at once\n\n");
		md.append(f.settings.clients())
			.append(" threads, each running ")
			.append(f.settings.clientQueries())
			.append(" queries of the class back to back.\n\n");
		md.append("| class | queries/s | p50 | p99 |\n|---|---:|---:|---:|\n");
		for (QueryClass kind : QueryClass.values()) {
			Throughput t = f.concurrent.get(kind);
			md.append("| ")
				.append(kind.label)
				.append(" | ")
				.append(String.format(Locale.ROOT, "%,.1f", t.perSecond()))
				.append(" | ")
				.append(ms(t.latencies().percentileMillis(0.5)))
				.append(" | ")
				.append(ms(t.latencies().percentileMillis(0.99)))
				.append(" |\n");
		}

		if (!f.postgres.isEmpty()) {
			md.append("\n### PostgreSQL full-text search, same database, same run\n\n");
			md.append("A stored generated column `to_tsvector('english', title || ' ' || body)` with a GIN index; per ")
				.append("query the top 20 by `ts_rank` and `count(*)` of all matches (two statements, one ")
				.append("connection), the same queries as above written as `plainto_tsquery`, `phraseto_tsquery` or ")
				.append("`to_tsquery` (`(oil | gas) & prices & !opec`), the date filter as `published_date between`. ")
				.append("No highlights and no facets: less work than Morgue's search does. At most ")
				.append(f.settings.pgQueries())
				.append(" queries per class, fewer when a class had used up ")
				.append(f.settings.pgSeconds())
				.append(" s (but at least ")
				.append(f.settings.pgMinQueries())
				.append("); with few queries p99 is close to the maximum. Times in ms; \"faster\" is PostgreSQL's ")
				.append("time divided by Morgue's.\n\n");
			md.append("| class | queries | mean hits | p50 | p95 | p99 | mean | faster at p50 | faster at p99 | ≥ ")
				.append((int) SearchBenchmark.GOAL_RATIO)
				.append("× |\n");
			md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
			for (QueryClass kind : QueryClass.values()) {
				Latencies pg = f.postgres.get(kind);
				Latencies lucene = f.single.get(kind);
				double p50 = pg.percentileMillis(0.5) / lucene.percentileMillis(0.5);
				double p99 = pg.percentileMillis(0.99) / lucene.percentileMillis(0.99);
				md.append("| ")
					.append(kind.label)
					.append(" | ")
					.append(pg.count())
					.append(" | ")
					.append(String.format(Locale.ROOT, "%,.0f", pg.meanHits()))
					.append(" | ")
					.append(ms(pg.percentileMillis(0.5)))
					.append(" | ")
					.append(ms(pg.percentileMillis(0.95)))
					.append(" | ")
					.append(ms(pg.percentileMillis(0.99)))
					.append(" | ")
					.append(ms(pg.meanMillis()))
					.append(" | ")
					.append(ratio(p50))
					.append(" | ")
					.append(ratio(p99))
					.append(" | ")
					.append(Math.min(p50, p99) >= SearchBenchmark.GOAL_RATIO ? "yes" : "**no**")
					.append(" |\n");
			}
			md.append(
					"\nHits differ a little between the two: Morgue matches the title and body with its own stemmer and ")
				.append("phrases by their exact words; PostgreSQL's `english` configuration stems phrase words and drops ")
				.append("stop words.\n");
		}

		md.append("\n### Where the time of a search goes\n\n");
		md.append("Mean ms per step over the measured one-client queries of each class, as `ArticleSearch` times ")
			.append("its own steps (`SearchTimings`); the index has ")
			.append(f.segments)
			.append(" segments, searched in slices on one thread per core.\n\n");
		md.append("| step |");
		for (QueryClass kind : QueryClass.values()) {
			md.append(' ').append(kind.label).append(" |");
		}
		md.append("\n|---|");
		md.append("---:|".repeat(QueryClass.values().length)).append('\n');
		for (String step : SearchBenchmark.STEPS) {
			md.append("| ").append(step).append(" |");
			for (QueryClass kind : QueryClass.values()) {
				md.append(' ').append(ms(f.steps.get(kind).get(step))).append(" |");
			}
			md.append('\n');
		}

		md.append("\n### Against the goals\n\n");
		md.append(verdict(f));
		md.append("<!-- end of benchmark ").append(n).append(" -->\n");
		return md.toString();
	}

	private static String verdict(Figures f) {
		StringBuilder md = new StringBuilder();
		List<String> missed = new ArrayList<>();
		for (QueryClass kind : QueryClass.values()) {
			double p99 = f.single.get(kind).percentileMillis(0.99);
			if (p99 > SearchBenchmark.GOAL_P99_MILLIS) {
				Map<String, Double> steps = f.steps.get(kind);
				String largest = SearchBenchmark.STEPS.subList(0, SearchBenchmark.STEPS.size() - 1)
					.stream()
					.max((a, b) -> Double.compare(steps.get(a), steps.get(b)))
					.orElseThrow();
				missed.add(kind.label + " (p99 " + ms(p99) + " ms; largest step: " + largest + ", "
						+ ms(steps.get(largest)) + " ms of "
						+ ms(steps.get(SearchBenchmark.STEPS.get(SearchBenchmark.STEPS.size() - 1))) + " ms)");
			}
		}
		md.append("- p99 at most ").append((int) SearchBenchmark.GOAL_P99_MILLIS).append(" ms: ");
		md.append(missed.isEmpty() ? "met in every class" : "**missed** for " + String.join("; ", missed));
		md.append(".\n");
		if (!f.postgres.isEmpty()) {
			List<String> slower = new ArrayList<>();
			for (QueryClass kind : QueryClass.values()) {
				double p50 = f.postgres.get(kind).percentileMillis(0.5) / f.single.get(kind).percentileMillis(0.5);
				double p99 = f.postgres.get(kind).percentileMillis(0.99) / f.single.get(kind).percentileMillis(0.99);
				if (Math.min(p50, p99) < SearchBenchmark.GOAL_RATIO) {
					slower.add(kind.label + " (" + ratio(p50) + " at p50, " + ratio(p99) + " at p99)");
				}
			}
			md.append("- At least ")
				.append((int) SearchBenchmark.GOAL_RATIO)
				.append("× faster than PostgreSQL's full-text search: ");
			md.append(slower.isEmpty() ? "met in every class" : "**missed** for " + String.join("; ", slower));
			md.append(".\n");
		}
		return md.toString();
	}

	private static boolean loaded(String loadAverage) {
		try {
			return Double.parseDouble(loadAverage.split(" ")[0]) > 0.5;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String timed(Double seconds, boolean now) {
		if (seconds == null) {
			return "not measured";
		}
		return duration(Math.round(seconds)) + (now ? "" : " (in the earlier run that did it; reused here)");
	}

	static String duration(long seconds) {
		return (seconds < 120) ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	static String ms(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		return (millis < 10) ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%,.0f", millis);
	}

	private static String ratio(double ratio) {
		String format = (ratio < 1) ? "%.2f×" : (ratio < 10) ? "%.1f×" : "%,.0f×";
		return String.format(Locale.ROOT, format, ratio);
	}

	static String bytes(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
		}
		return String.format(Locale.ROOT, "%,.0f MB", bytes / (double) (1L << 20));
	}

	private static String gib(long bytes) {
		return String.format(Locale.ROOT, "%.0f GiB", bytes / (double) (1L << 30));
	}

	private static String maxHeapFlag() {
		return java.lang.management.ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(argument -> argument.startsWith("-Xmx"))
			.reduce((first, second) -> second)
			.orElse("max " + bytes(Runtime.getRuntime().maxMemory()));
	}

	private static boolean dirty() {
		String status = git("status", "--porcelain", "--untracked-files=no");
		return status != null && !status.isEmpty();
	}

	private static String gitCommit() {
		return git("rev-parse", "--short", "HEAD");
	}

	private static String git(String... arguments) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(arguments));
		try {
			Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes()).strip();
			return (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) ? out : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
