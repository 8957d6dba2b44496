package org.morgue.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.morgue.MorgueApplication;
import org.morgue.bench.CopiesCorpus.Edit;
import org.morgue.bench.CopiesCorpus.Item;
import org.morgue.bench.PairwiseScores.EditRecall;
import org.morgue.copies.CopyBacklog;
import org.morgue.system.EmbeddedDatabase;
import org.morgue.system.WorkProgress;
import org.morgue.transfer.BulkImport;
import org.morgue.transfer.ImportFiles;
import org.morgue.transfer.ImportOutcome;
import org.morgue.transfer.ImportSource;
import org.morgue.transfer.ImportSummary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How well copies are grouped: the copies corpus ({@link CopiesCorpus}: Reuters stories,
 * copies of them as outlets edit them, formulaic stories from one template, the rest of
 * Reuters) imported through the bulk import with grouping on, then the groups scored pair
 * by pair against the truth ({@link PairwiseScores}). Then the same archive grouped again
 * from scratch by the backlog job under other thresholds, to show what chose the
 * defaults.
 * <p>
 * {@code ./mvnw -Pbench test -Dtest=CopiesBenchmark} (options:
 * {@code -Dbench.copies.originals=1500}, {@code -Dbench.copies.sweep=false}); the figures
 * go to the "Copies" section of {@code docs/benchmarks.md}.
 */
class CopiesBenchmark {

	private static final long SEED = 21578L;

	private static final Pattern SECTION = Pattern.compile("<!-- copies -->\\n.*?<!-- end of copies -->\\n",
			Pattern.DOTALL);

	/**
	 * Thresholds tried by the sweep: min-containment, min-facts, min-numbers, min-shared.
	 */
	private static final double[][] SWEEP = { { 0.5, 0.6, 0.5, 20 }, { 0.5, 0.6, 0.0, 20 }, { 0.5, 0.0, 0.5, 20 },
			{ 0.5, 0.0, 0.0, 20 }, { 0.3, 0.6, 0.5, 20 }, { 0.7, 0.6, 0.5, 20 }, { 0.5, 0.8, 0.5, 20 },
			{ 0.5, 0.6, 0.8, 20 }, { 0.5, 0.6, 0.5, 10 }, { 0.5, 0.6, 0.5, 15 }, { 0.5, 0.6, 0.5, 25 },
			{ 0.5, 0.6, 0.5, 40 } };

	@Test
	void groupsCopiesAndNotTemplates() throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		int originals = Integer.getInteger("bench.copies.originals", 1500);
		boolean sweep = !"false".equals(System.getProperty("bench.copies.sweep"));
		CopiesCorpus corpus = CopiesCorpus.generate(settings.reuters(), originals, SEED);
		List<Item> items = corpus.items();
		Path dir = Path.of("target", "bench-copies").toAbsolutePath();
		ImportBenchmark.deleteRecursively(dir);
		Files.createDirectories(dir);
		Path ndjson = dir.resolve("copies.ndjson");
		write(ndjson, items);
		String loadBefore = SearchBenchmark.Machine.loadAverage();
		List<String> lines = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dir.resolve("postgres"), true)) {
			// The defaults, on the way in.
			Map<Long, String> keys = new ConcurrentHashMap<>();
			Run imported;
			try (ConfigurableApplicationContext context = start(postgres, dir, List.of())) {
				BulkImport imports = context.getBean(BulkImport.class);
				Instant started = Instant.now();
				ImportSummary summary;
				try (ImportSource source = ImportFiles.open(List.of(ndjson), 1 << 20)) {
					summary = imports.run(source, "benchmark", outcome -> {
						if (outcome.status() == ImportOutcome.Status.CREATED) {
							keys.put(outcome.articleId(), items.get((int) outcome.place().line() - 1).key());
						}
					}, progress -> {
					});
				}
				Duration took = Duration.between(started, Instant.now());
				if (summary.created() != items.size()) {
					throw new IllegalStateException("The corpus did not import whole: " + summary);
				}
				imported = score("defaults, on import", corpus, groups(context, keys), took, summary.created());
				examples(corpus, groups(context, keys), Integer.getInteger("bench.copies.examples", 0));
				CorpusLoader.log("%s", imported.line());
				lines.add("Grouped as the bulk import stores them, with the default settings:");
				lines.add("");
				lines.add(Run.HEADER);
				lines.add(Run.RULE);
				lines.add(imported.row());
				Map<Edit, EditRecall> recall = PairwiseScores.editRecall(corpus, groups(context, keys));
				lines.add("");
				lines.add("Copies grouped with their original, by the edits they got (a copy gets several):");
				lines.add("");
				lines.add("| edit | copies | grouped with the original | recall |");
				lines.add("|---|---:|---:|---:|");
				recall.forEach((edit,
						r) -> lines.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f |",
								edit.name().toLowerCase(Locale.ROOT).replace('_', ' '), r.copies(), r.withOriginal(),
								r.copies() > 0 ? (double) r.withOriginal() / r.copies() : 0)));
				lines.add("");
			}
			if (sweep) {
				lines.add("The same archive grouped again from scratch by the backlog job, under other settings:");
				lines.add("");
				lines.add(Run.HEADER);
				lines.add(Run.RULE);
				lines.add(imported.row());
				for (double[] setting : SWEEP) {
					List<String> arguments = List.of("--morgue.copies.min-containment=" + setting[0],
							"--morgue.copies.min-facts=" + setting[1], "--morgue.copies.min-numbers=" + setting[2],
							"--morgue.copies.min-shared=" + (int) setting[3]);
					try (ConfigurableApplicationContext context = start(postgres, dir, arguments)) {
						Run run = regroup(context, corpus, keys,
								String.format(Locale.ROOT, "containment %.1f, facts %.1f, numbers %.1f, shared %d",
										setting[0], setting[1], setting[2], (int) setting[3]));
						CorpusLoader.log("%s", run.line());
						lines.add(run.row());
					}
				}
				lines.add("");
			}
		}
		report(settings.report(), corpus, originals, lines, loadBefore);
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path dir, List<String> extra) {
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--morgue.data-dir=" + dir, "--morgue.ner.enabled=false", "--morgue.search.check-on-start=false",
				"--morgue.copies.backlog-on-start=false", "--spring.main.banner-mode=off"));
		arguments.addAll(extra);
		return new SpringApplicationBuilder(MorgueApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * Forgets every group and signature, and has the backlog job group the archive again.
	 */
	private static Run regroup(ConfigurableApplicationContext context, CopiesCorpus corpus, Map<Long, String> keys,
			String name) throws InterruptedException {
		JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
		jdbc.sql("truncate article_copy, copy_band").update();
		CopyBacklog backlog = context.getBean(CopyBacklog.class);
		Instant started = Instant.now();
		if (!backlog.start("benchmark")) {
			throw new IllegalStateException("The backlog did not start");
		}
		WorkProgress progress;
		while ((progress = backlog.progress()).running()) {
			Thread.sleep(100);
		}
		if (progress.state() != WorkProgress.State.DONE) {
			throw new IllegalStateException("The backlog failed: " + progress.error());
		}
		return score(name, corpus, groups(context, keys), Duration.between(started, Instant.now()), progress.done());
	}

	/**
	 * Prints some false links among formulaic stories and some copies missed, to study.
	 */
	private static void examples(CopiesCorpus corpus, Map<String, Long> groups, int count) {
		if (count <= 0) {
			return;
		}
		Map<Long, List<Item>> byGroup = new HashMap<>();
		Map<String, Item> originals = new HashMap<>();
		for (Item item : corpus.items()) {
			Long group = groups.get(item.key());
			if (group != null) {
				byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(item);
			}
			if (item.kind() == CopiesCorpus.Kind.ORIGINAL) {
				originals.put(item.story(), item);
			}
		}
		int shown = 0;
		for (List<Item> members : byGroup.values()) {
			List<Item> formulaic = members.stream().filter(i -> i.kind() == CopiesCorpus.Kind.FORMULAIC).toList();
			if (formulaic.size() >= 2 && formulaic.stream().anyMatch(i -> !PairwiseScores.wireFormulaic(i))
					&& shown < count) {
				shown++;
				CorpusLoader.log("FALSE LINK (%d formulaic in a group of %d):%n  A %s %s %s: %s%n  B %s %s %s: %s",
						formulaic.size(), members.size(), formulaic.get(0).key(), formulaic.get(0).publishedDate(),
						formulaic.get(0).title(), formulaic.get(0).body().replace('\n', ' '), formulaic.get(1).key(),
						formulaic.get(1).publishedDate(), formulaic.get(1).title(),
						formulaic.get(1).body().replace('\n', ' '));
			}
		}
		shown = 0;
		for (Item item : corpus.items()) {
			if (item.kind() != CopiesCorpus.Kind.COPY || shown >= count) {
				continue;
			}
			Item original = originals.get(item.story());
			Long group = groups.get(item.key());
			if (original != null && (group == null || !group.equals(groups.get(original.key())))) {
				shown++;
				CorpusLoader.log("MISSED %s %s (edits %s):%n  ORIGINAL %s%n  COPY     %s", item.key(),
						item.publishedDate(), corpus.edits(item.key()), original.body().replace('\n', ' '),
						item.body().replace('\n', ' '));
			}
		}
	}

	private static Map<String, Long> groups(ConfigurableApplicationContext context, Map<Long, String> keys) {
		JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
		Map<String, Long> groups = new HashMap<>();
		jdbc.sql("select article_id, group_id from article_copy").query(rs -> {
			String key = keys.get(rs.getLong(1));
			if (key != null) {
				groups.put(key, rs.getLong(2));
			}
		});
		return groups;
	}

	private static Run score(String name, CopiesCorpus corpus, Map<String, Long> groups, Duration took, long articles) {
		return new Run(name, PairwiseScores.of(corpus.items(), groups), took, articles);
	}

	/** One grouping of the corpus and its scores. */
	private record Run(String name, PairwiseScores scores, Duration took, long articles) {

		static final String HEADER = "| settings | precision | recall | F1 | false links among formulaic stories | links between Reuters' own formulaic items | links to other Reuters stories | time | articles/s |";

		static final String RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|";

		double rate() {
			return articles / Math.max(0.001, took.toMillis() / 1000.0);
		}

		String row() {
			return String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %,d | %,d | %,d | %s | %,.0f |", name,
					scores.precision(), scores.recall(), scores.f1(), scores.falseFormulaicLinks(),
					scores.wireFormulaicLinks(), scores.backgroundLinks(), BenchReport.duration(took.toSeconds()),
					rate());
		}

		String line() {
			return String.format(Locale.ROOT,
					"%s: precision %.4f, recall %.4f, F1 %.4f, %,d false links among formulaic stories, %,d between Reuters' own, %,d links to background stories; %,d articles in %s (%,.0f/s)",
					name, scores.precision(), scores.recall(), scores.f1(), scores.falseFormulaicLinks(),
					scores.wireFormulaicLinks(), scores.backgroundLinks(), articles,
					BenchReport.duration(took.toSeconds()), rate());
		}

	}

	private static void write(Path ndjson, List<Item> items) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		try (BufferedWriter out = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8)) {
			for (Item item : items) {
				ObjectNode line = json.createObjectNode();
				line.put("title", item.title());
				line.put("body", item.body());
				line.put("source", item.source());
				line.put("publishedAt", item.publishedDate().toString());
				out.write(json.writeValueAsString(line));
				out.write('\n');
			}
		}
	}

	private static void report(Path file, CopiesCorpus corpus, int originals, List<String> lines, String loadBefore)
			throws IOException {
		StringBuilder section = new StringBuilder();
		section.append("<!-- copies -->\n");
		section.append("### Copies: grouping republished copy\n\n");
		section.append(String.format(Locale.ROOT,
				"Measured %s on %s, load average before %s. Command: `./mvnw -Pbench test -Dtest=CopiesBenchmark` "
						+ "(`-Dbench.copies.originals=%d`).%n%n",
				java.time.LocalDate.now(),
				String.format(Locale.ROOT, "%s, %d cores, %d GiB, Java %s", SearchBenchmark.Machine.cpuModel(),
						Runtime.getRuntime().availableProcessors(), SearchBenchmark.Machine.memoryBytes() >> 30,
						System.getProperty("java.version")),
				loadBefore, originals));
		Map<CopiesCorpus.Kind, Long> counts = corpus.counts();
		section.append(String.format(Locale.ROOT,
				"Corpus: %,d articles from Reuters-21578 (1987): %,d Reuters stories with %,d copies made as outlets "
						+ "republish them (own headline; a cut ending, an added local paragraph, house style, typos), "
						+ "%,d formulaic stories (earnings tables, dividend notices, payouts: real ones and new ones "
						+ "from their templates with other companies and figures, each its own story) and %,d other "
						+ "Reuters stories. Scores count pairs of articles in one group against pairs of one story, "
						+ "over the originals, copies and formulaic stories; links to the other Reuters stories "
						+ "(whose truth is unknown: the wire itself re-sent stories) are counted apart.%n%n",
				corpus.items().size(), counts.getOrDefault(CopiesCorpus.Kind.ORIGINAL, 0L),
				counts.getOrDefault(CopiesCorpus.Kind.COPY, 0L), counts.getOrDefault(CopiesCorpus.Kind.FORMULAIC, 0L),
				counts.getOrDefault(CopiesCorpus.Kind.BACKGROUND, 0L)));
		lines.forEach(line -> section.append(line).append('\n'));
		section.append("<!-- end of copies -->\n");
		String text = Files.isRegularFile(file) ? Files.readString(file) : "";
		Matcher existing = SECTION.matcher(text);
		String updated = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(section.toString()))
				: text + "\n" + section;
		Files.writeString(file, updated);
	}

}
