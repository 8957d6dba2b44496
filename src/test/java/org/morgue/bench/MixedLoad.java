package org.morgue.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.morgue.bench.BenchQueries.BenchQuery;
import org.morgue.bench.BenchQueries.QueryClass;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mixed load: the packaged archive over the benchmark corpus ({@link CorpusLoader}, in a
 * copy of the benchmark's data directory, so that the corpus stays as the search
 * benchmarks expect it) answers 8 searching clients (the search benchmark's query
 * classes, drawn in turn), 2 editors (saves, corrections, tags, annotations) and a bulk
 * import running all along, for {@code load.minutes}. Reports errors, p50/p99 per kind of
 * request and throughput in the section "Mixed load" of {@code docs/reliability.md}, and
 * checks afterwards that every acknowledged write is stored. Not part of
 * {@code ./mvnw verify}; run it after packaging:
 *
 * <pre>
 * ./mvnw -DskipTests package
 * ./mvnw -Pbench test -Dtest=MixedLoad -Dload.minutes=10 -Dbench.articles=100000
 * </pre>
 */
class MixedLoad {

	private static final String USER = "bench-load";

	private static final String PASSWORD = "bench-load-password";

	static final int SEARCHERS = 8;

	static final int EDITORS = 2;

	@Test
	void mixedLoad() throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		int minutes = BenchSettings.integer("load.minutes", 10);
		long seed = BenchSettings.integer("load.seed", 17);
		Path report = Path.of(BenchSettings.property("bench.report", "docs/reliability.md"));
		ReutersCorpus corpus = ReutersCorpus.read(settings.reuters());
		BenchQueries queries = BenchQueries.from(corpus);
		Files.createDirectories(settings.dir());
		CorpusLoader.prepare(settings.dir(), settings.articles(), corpus, RunRecord.in(settings.dir()));
		ArchiveProcess.ensureUser(settings.dir(), USER, PASSWORD);
		Path dir = settings.dir().toAbsolutePath().resolveSibling("mixed-load-" + settings.articles());
		ImportBenchmark.deleteRecursively(dir);
		copy(settings.dir().resolve("postgres"), dir.resolve("postgres"));
		copy(settings.dir().resolve("index"), dir.resolve("index"));
		String loadBefore = SearchBenchmark.Machine.loadAverage();
		WriteTraffic traffic = new WriteTraffic(WriteTraffic.texts(corpus, settings.articles(), 20_000), "zqm");
		HttpClient http = ArchiveClient.http();
		Instant startedAt = Instant.now();
		try (ArchiveProcess archive = ArchiveProcess.start(dir, dir.resolve("archive.log"))) {
			String basic = ArchiveClient.basic(USER, PASSWORD);
			archive.awaitIndex(http, basic, settings.articles());
			String token = new ArchiveClient(http, archive.base(), basic).createToken("mixed load " + startedAt);
			ArchiveClient client = new ArchiveClient(http, archive.base(), token);

			Map<QueryClass, Latencies> searches = new EnumMap<>(QueryClass.class);
			Map<QueryClass, AtomicLong> searchErrors = new EnumMap<>(QueryClass.class);
			for (QueryClass kind : QueryClass.values()) {
				searches.put(kind, new Latencies());
				searchErrors.put(kind, new AtomicLong());
			}
			List<String> firstSearchErrors = new CopyOnWriteArrayList<>();
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> clients = new ArrayList<>();
			for (int i = 0; i < SEARCHERS; i++) {
				List<BenchQuery> own = new ArrayList<>();
				for (QueryClass kind : QueryClass.values()) {
					own.addAll(queries.sample(kind, 200, seed + i));
				}
				java.util.Collections.shuffle(own, new java.util.Random(seed + i));
				clients.add(PowerCutSoak.started("load-search-" + i, () -> {
					for (int n = 0; !stop.get(); n++) {
						BenchQuery query = own.get(n % own.size());
						long at = System.nanoTime();
						try {
							long hits = SearchOverHttp.search(http, client.base(), token, query);
							searches.get(query.kind()).add(System.nanoTime() - at, hits);
						}
						catch (IOException | RuntimeException ex) {
							searchErrors.get(query.kind()).incrementAndGet();
							if (firstSearchErrors.size() < 5) {
								firstSearchErrors.add(ex.toString());
							}
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}));
			}
			for (int i = 0; i < EDITORS; i++) {
				WriteTraffic.Writer editor = traffic.new Writer(client, seed * 100 + i);
				clients
					.add(PowerCutSoak.started("load-editor-" + i, () -> PowerCutSoak.loop(stop, editor::editorWrite)));
			}
			WriteTraffic.Writer importer = traffic.new Writer(client, seed * 100 + 99);
			clients.add(PowerCutSoak.started("load-import", () -> PowerCutSoak.loop(stop, importer::bulkWrite)));

			CorpusLoader.log("Mixed load for %d min: %d searching clients, %d editors, a bulk import", minutes,
					SEARCHERS, EDITORS);
			long started = System.nanoTime();
			Thread.sleep(Duration.ofMinutes(minutes).toMillis());
			stop.set(true);
			for (Thread one : clients) {
				one.join(Duration.ofMinutes(5).toMillis());
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			String loadAfter = SearchBenchmark.Machine.loadAverage();

			List<String> lost;
			try (Connection database = archive.database()) {
				lost = traffic.ledger.lost(PowerCutSoak.stored(database, traffic.ledger));
			}
			lost.stream().limit(20).forEach(line -> CorpusLoader.log("  LOST: %s", line));
			long searchErrorCount = searchErrors.values().stream().mapToLong(AtomicLong::get).sum();
			long writeErrors = traffic.errors.values().stream().mapToLong(AtomicLong::get).sum();
			ReliabilityReport.write(report, "mixed load", section(settings, minutes, seconds, searches, searchErrors,
					traffic, startedAt, loadBefore, loadAfter, lost.size()));

			assertThat(firstSearchErrors).as("search errors").isEmpty();
			assertThat(searchErrorCount).isZero();
			assertThat(writeErrors).as("write errors: " + traffic.firstErrors).isZero();
			assertThat(traffic.unanswered.get()).as("requests without an answer").isZero();
			assertThat(lost).as("acknowledged writes not stored").isEmpty();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		Files.createDirectories(to.getParent());
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(path).toString());
				// With their permissions: PostgreSQL refuses a data directory others can
				// read. The lock files of the server that held it stay behind.
				String name = path.getFileName().toString();
				if (!name.equals("postmaster.pid") && !name.equals("epg-lock")) {
					Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private static String section(BenchSettings settings, int minutes, double seconds,
			Map<QueryClass, Latencies> searches, Map<QueryClass, AtomicLong> searchErrors, WriteTraffic traffic,
			Instant startedAt, String loadBefore, String loadAfter, int lost) {
		StringBuilder md = new StringBuilder();
		md.append("## Mixed load\n\n");
		md.append(String.format(Locale.ROOT,
				"Measured %s on %s (load average before: %s, after: %s), JDK %s: %d min at %,d "
						+ "articles. Command: `./mvnw -DskipTests package && ./mvnw -Pbench test -Dtest=MixedLoad "
						+ "-Dload.minutes=%d -Dbench.articles=%d`.%n%n",
				startedAt.toString().substring(0, 10), ReliabilityReport.machine(), loadBefore, loadAfter,
				System.getProperty("java.version"), minutes, settings.articles(), minutes, settings.articles()));
		md.append("Method: the packaged archive (`java -Xmx1g -jar target/morgue.jar`, entity extraction and feeds "
				+ "off) on a copy of the search benchmark's data directory, on 127.0.0.1; the clients run in the "
				+ "benchmark's JVM on the same machine, each request waiting for the one before: " + SEARCHERS
				+ " searching clients (`GET /api/v1/articles?q=...`, top 20 with highlights and facets, the "
				+ "search benchmark's five query classes drawn in turn), " + EDITORS + " editors (single saves, "
				+ "corrections read just before, tags, annotations; 3:3:2:2) and one bulk import of "
				+ WriteTraffic.BULK_LINES + " articles a request, back to back, all signed with a personal "
				+ "token. An error is any answer but 2xx or no answer (a correction answered 409 because another "
				+ "client changed the article first is counted apart). Afterwards every acknowledged write is "
				+ "looked for in PostgreSQL. Latencies in ms, from sending the request to the parsed answer.\n\n");
		md.append("| kind | requests | errors | p50 | p99 | per second |\n|---|---:|---:|---:|---:|---:|\n");
		for (QueryClass kind : QueryClass.values()) {
			row(md, "search: " + kind.label, searches.get(kind), searchErrors.get(kind).get(), seconds);
		}
		for (WriteTraffic.Kind kind : WriteTraffic.Kind.values()) {
			row(md, kind.label, traffic.latencies.get(kind), traffic.errors.get(kind).get(), seconds);
		}
		long searchesDone = searches.values().stream().mapToLong(Latencies::count).sum();
		md.append(String.format(Locale.ROOT, "%nSearches: %,.1f/s in all. Bulk import: %,d articles, %,.0f "
				+ "articles/s. Corrections answered 409: %d. Requests without an answer: %d. Acknowledged writes "
				+ "not stored: %d (goal 0).%n", searchesDone / seconds, traffic.bulkArticles.get(),
				traffic.bulkArticles.get() / seconds, traffic.conflicts.get(), traffic.unanswered.get(), lost));
		return md.toString();
	}

	private static void row(StringBuilder md, String label, Latencies latencies, long errors, double seconds) {
		md.append(String.format(Locale.ROOT, "| %s | %,d | %d | %s | %s | %,.1f |%n", label, latencies.count(), errors,
				BenchReport.ms(latencies.percentileMillis(0.5)), BenchReport.ms(latencies.percentileMillis(0.99)),
				latencies.count() / seconds));
	}

}
