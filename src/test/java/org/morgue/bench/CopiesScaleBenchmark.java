package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.morgue.MorgueApplication;
import org.morgue.copies.CopyBacklog;
import org.morgue.system.EmbeddedDatabase;
import org.morgue.system.WorkProgress;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grouping an archive from scratch: the archive the import benchmark made
 * ({@code bench.dir}, a million articles with {@code -Dbench.articles=1000000}) loses
 * every signature and group, and the backlog job groups it again, as it would an archive
 * from before grouping. Reports the time, the rate, and the groups found.
 * <p>
 * {@code ./mvnw -Pbench test -Dtest=CopiesScaleBenchmark -Dbench.articles=1000000} (after
 * {@code ImportBenchmark}); the figures go to the "Copies at scale" section of
 * {@code docs/benchmarks.md}.
 */
class CopiesScaleBenchmark {

	private static final Pattern SECTION = Pattern
		.compile("<!-- copies at scale -->\\n.*?<!-- end of copies at scale -->\\n", Pattern.DOTALL);

	/** The goal: a million articles grouped within 30 minutes. */
	static final Duration GOAL = Duration.ofMinutes(30);

	@Test
	void groupsTheArchiveFromScratch() throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		Path archive = settings.dir().toAbsolutePath().normalize();
		if (!Files.isDirectory(archive.resolve("postgres"))) {
			throw new IllegalStateException("No archive at " + archive + ": run ImportBenchmark first");
		}
		String loadBefore = SearchBenchmark.Machine.loadAverage();
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(archive.resolve("postgres"), true);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(MorgueApplication.class)
					.web(WebApplicationType.NONE)
					.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
							"--morgue.data-dir=" + archive, "--morgue.ner.enabled=false",
							"--morgue.search.check-on-start=false", "--morgue.copies.backlog-on-start=false",
							"--spring.main.banner-mode=off")) {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			long articles = jdbc.sql("select count(*) from article").query(Long.class).single();
			GroupCounts before = GroupCounts.of(jdbc);
			jdbc.sql("truncate article_copy, copy_band").update();
			CopyBacklog backlog = context.getBean(CopyBacklog.class);
			Instant started = Instant.now();
			if (!backlog.start("benchmark")) {
				throw new IllegalStateException("The backlog did not start");
			}
			WorkProgress progress;
			long lastLog = 0;
			while ((progress = backlog.progress()).running()) {
				if (System.nanoTime() - lastLog > 30_000_000_000L) {
					lastLog = System.nanoTime();
					CorpusLoader.log("  %,d of %,d (%d%%), %,.0f articles/s, %s left", progress.done(),
							progress.total(), progress.percent(), progress.perSecond(), progress.remaining());
				}
				Thread.sleep(200);
			}
			Duration took = Duration.between(started, Instant.now());
			if (progress.state() != WorkProgress.State.DONE) {
				throw new IllegalStateException("The backlog failed: " + progress.error());
			}
			GroupCounts after = GroupCounts.of(jdbc);
			long bands = jdbc.sql("select count(*) from copy_band").query(Long.class).single();
			long bytes = jdbc.sql("select pg_total_relation_size('article_copy') + pg_total_relation_size('copy_band')")
				.query(Long.class)
				.single();
			double rate = progress.done() / Math.max(0.001, took.toMillis() / 1000.0);
			CorpusLoader.log("Grouped %,d of %,d articles in %s (%,.0f/s): %s; on import it was %s", progress.done(),
					articles, took, rate, after, before);
			String section = String.format(Locale.ROOT,
					"""
							<!-- copies at scale -->
							### Copies at scale: grouping an archive from scratch

							Measured %s on %s, load average before %s. Command: `./mvnw -Pbench test -Dtest=CopiesScaleBenchmark -Dbench.articles=%d` (after the import benchmark of that count).

							Every signature and group of the import benchmark's archive (%,d articles recombined from Reuters-21578 paragraphs, dated 2006 to 2025) was dropped, and the backlog job grouped the archive again, in id order, 500 articles per transaction, as it does for an archive from before grouping.

							| articles grouped | time | articles/s | goal | groups of copies | articles in them | on import: groups, articles | tables and indexes |
							|---:|---:|---:|---|---:|---:|---:|---:|
							| %,d | %s | %,.0f | within %d min: %s | %,d | %,d | %,d, %,d | %,.0f MB |

							<!-- end of copies at scale -->
							""",
					java.time.LocalDate.now(),
					String.format(Locale.ROOT, "%s, %d cores, %d GiB, Java %s", SearchBenchmark.Machine.cpuModel(),
							Runtime.getRuntime().availableProcessors(), SearchBenchmark.Machine.memoryBytes() >> 30,
							System.getProperty("java.version")),
					loadBefore, settings.articles(), articles, progress.done(), BenchReport.duration(took.toSeconds()),
					rate, GOAL.toMinutes(), took.compareTo(GOAL) <= 0 ? "met" : "not met", after.groups(),
					after.members(), before.groups(), before.members(), bytes / 1e6);
			report(settings.report(), section);
		}
	}

	private record GroupCounts(long groups, long members) {

		static GroupCounts of(JdbcClient jdbc) {
			return jdbc.sql("""
					select count(*), coalesce(sum(n), 0) from (
					    select count(*) as n from article_copy group by group_id having count(*) > 1) g""")
				.query((rs, row) -> new GroupCounts(rs.getLong(1), rs.getLong(2)))
				.single();
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%,d groups of copies with %,d articles", groups, members);
		}

	}

	private static void report(Path file, String section) throws IOException {
		String text = Files.isRegularFile(file) ? Files.readString(file) : "";
		Matcher existing = SECTION.matcher(text);
		String updated = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(section))
				: text + "\n" + section;
		Files.writeString(file, updated);
	}

}
