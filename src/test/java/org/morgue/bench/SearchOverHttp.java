package org.morgue.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.morgue.bench.BenchQueries.BenchQuery;
import org.morgue.bench.BenchQueries.QueryClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search as a client sees it: the packaged archive ({@code target/morgue.jar}) started as
 * its own process on the benchmark's data directory, and a real HTTP client in this one
 * sending {@code GET /api/v1/articles} and parsing the JSON, signed with HTTP Basic and
 * with a personal token, per query class: p50/p95/p99 for one client, and throughput and
 * p99 for {@code bench.clients} at once. It writes the section "Search over HTTP" for its
 * article count in {@code docs/benchmarks.md}. Not part of {@code ./mvnw verify}; run it
 * after packaging:
 *
 * <pre>
 * ./mvnw -DskipTests package
 * ./mvnw -Pbench test -Dtest=SearchOverHttp -Dbench.articles=1000000
 * </pre>
 *
 * The corpus is the search benchmark's ({@link CorpusLoader}), loaded once per data
 * directory; the archive builds its index on its first start there.
 */
class SearchOverHttp {

	private static final String USER = "bench-http";

	private static final String PASSWORD = "bench-http-password";

	private static final Pattern SECTION = Pattern
		.compile("<!-- http benchmark (\\d+) -->\\n.*?<!-- end of http benchmark \\1 -->\\n", Pattern.DOTALL);

	private final JsonMapper json = JsonMapper.shared();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	record Row(Latencies basic, Latencies token, BenchReport.Throughput basicClients,
			BenchReport.Throughput tokenClients) {
	}

	@Test
	void searchOverHttp() throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		ReutersCorpus corpus = ReutersCorpus.read(settings.reuters());
		BenchQueries queries = BenchQueries.from(corpus);
		Files.createDirectories(settings.dir());
		RunRecord record = RunRecord.in(settings.dir());
		CorpusLoader.prepare(settings.dir(), settings.articles(), corpus, record);
		ArchiveProcess.ensureUser(settings.dir(), USER, PASSWORD);
		Path log = settings.dir().resolve("archive-http.log");
		Files.deleteIfExists(log);
		try (ArchiveProcess archive = ArchiveProcess.start(settings.dir(), log)) {
			String base = archive.base();
			String basic = "Basic "
					+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			archive.awaitIndex(http, basic, settings.articles());
			String token = "Bearer " + json
				.readTree(send(base + "/api/v1/tokens", basic, "{\"name\": \"http benchmark " + Instant.now() + "\"}"))
				.get("secret")
				.asString();
			CorpusLoader.log("Warming up over HTTP");
			for (QueryClass kind : QueryClass.values()) {
				for (BenchQuery query : queries.sample(kind, settings.warmup(), 7)) {
					search(http, base, basic, query);
					search(http, base, token, query);
				}
			}
			Map<QueryClass, Row> rows = new EnumMap<>(QueryClass.class);
			for (QueryClass kind : QueryClass.values()) {
				List<BenchQuery> sample = queries.sample(kind, settings.queries(), 1);
				Latencies byBasic = oneClient(base, basic, sample);
				Latencies byToken = oneClient(base, token, sample);
				CorpusLoader.log("%s, one client: Basic p50 %.1f p99 %.1f ms; token p50 %.1f p99 %.1f ms", kind.label,
						byBasic.percentileMillis(0.5), byBasic.percentileMillis(0.99), byToken.percentileMillis(0.5),
						byToken.percentileMillis(0.99));
				rows.put(kind, new Row(byBasic, byToken, null, null));
			}
			for (QueryClass kind : QueryClass.values()) {
				BenchReport.Throughput byBasic = clients(base, basic, queries, kind, settings.clients(),
						settings.clientQueries());
				BenchReport.Throughput byToken = clients(base, token, queries, kind, settings.clients(),
						settings.clientQueries());
				CorpusLoader.log("%s, %d clients: Basic %.0f/s p99 %.1f ms; token %.0f/s p99 %.1f ms", kind.label,
						settings.clients(), byBasic.perSecond(), byBasic.latencies().percentileMillis(0.99),
						byToken.perSecond(), byToken.latencies().percentileMillis(0.99));
				Row row = rows.get(kind);
				rows.put(kind, new Row(row.basic(), row.token(), byBasic, byToken));
			}
			write(settings, rows);
		}
	}

	private Latencies oneClient(String base, String authorization, List<BenchQuery> sample) throws Exception {
		Latencies latencies = new Latencies();
		for (BenchQuery query : sample) {
			long started = System.nanoTime();
			long hits = search(http, base, authorization, query);
			latencies.add(System.nanoTime() - started, hits);
		}
		return latencies;
	}

	private BenchReport.Throughput clients(String base, String authorization, BenchQueries queries, QueryClass kind,
			int clients, int perClient) throws Exception {
		return Clients.run(queries, kind, clients, perClient, 100, (query) -> search(http, base, authorization, query));
	}

	/**
	 * One search as a results page asks it: the JSON read through to its hits.
	 * @return the number of matching articles
	 * @throws IllegalStateException when the archive answers anything but 200 with hits
	 */
	static long search(HttpClient http, String base, String authorization, BenchQuery query)
			throws IOException, InterruptedException {
		StringBuilder uri = new StringBuilder(base).append("/api/v1/articles?q=")
			.append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
		if (query.from() != null) {
			uri.append("&from=").append(query.from()).append("&to=").append(query.to());
		}
		if (System.getProperty("bench.copies") != null) {
			// grouped (the default) or all: what grouping copies costs.
			uri.append("&copies=").append(System.getProperty("bench.copies"));
		}
		HttpResponse<byte[]> response = http.send(
				HttpRequest.newBuilder(URI.create(uri.toString())).header("Authorization", authorization).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(query + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		JsonNode result = JsonMapper.shared().readTree(response.body());
		long total = result.get("total").asLong();
		if (total > 0 && result.get("hits").isEmpty()) {
			throw new IllegalStateException(query + " found " + total + " but listed none");
		}
		return total;
	}

	private byte[] send(String uri, String authorization, String body) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(uri + " answered " + response.statusCode());
		}
		return response.body();
	}

	private void write(BenchSettings settings, Map<QueryClass, Row> rows) throws IOException {
		long articles = settings.articles();
		StringBuilder s = new StringBuilder();
		s.append("<!-- http benchmark ").append(articles).append(" -->\n");
		s.append(String.format(Locale.ROOT, "## Search over HTTP, %,d articles%n%n", articles));
		s.append(String.format(Locale.ROOT,
				"Measured %s on %s (%d cores, %s RAM), JDK %s, corpus as in the search benchmark of this count. "
						+ "The packaged archive (`java -Xmx1g -jar target/morgue.jar`, entity extraction and feeds off) "
						+ "ran as its own process; the client, in the benchmark's JVM on the same machine, sent "
						+ "`GET /api/v1/articles?q=...` (top 20 with highlights and facets, as the in-process "
						+ "benchmark times) over HTTP/1.1 with keep-alive and parsed each JSON answer. "
						+ "%d queries per class for one client, after %d of warm-up; %d clients at once, %d queries each. "
						+ "Command: `./mvnw -DskipTests package && ./mvnw -Pbench test -Dtest=SearchOverHttp "
						+ "-Dbench.articles=%d`.%n%n",
				Instant.now().toString().substring(0, 10), SearchBenchmark.Machine.cpuModel(),
				Runtime.getRuntime().availableProcessors(), BenchReport.bytes(SearchBenchmark.Machine.memoryBytes()),
				System.getProperty("java.version"), settings.queries(), settings.warmup(), settings.clients(),
				settings.clientQueries(), articles));
		s.append("Latencies in milliseconds, from sending the request to the parsed JSON.\n\n");
		s.append("| query class | Basic p50 | Basic p95 | Basic p99 | token p50 | token p95 | token p99 | ")
			.append(settings.clients())
			.append(" clients, Basic: queries/s, p99 | ")
			.append(settings.clients())
			.append(" clients, token: queries/s, p99 |\n");
		s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Map.Entry<QueryClass, Row> entry : rows.entrySet()) {
			Row row = entry.getValue();
			s.append("| ")
				.append(entry.getKey().label)
				.append(" | ")
				.append(BenchReport.ms(row.basic().percentileMillis(0.5)))
				.append(" | ")
				.append(BenchReport.ms(row.basic().percentileMillis(0.95)))
				.append(" | ")
				.append(BenchReport.ms(row.basic().percentileMillis(0.99)))
				.append(" | ")
				.append(BenchReport.ms(row.token().percentileMillis(0.5)))
				.append(" | ")
				.append(BenchReport.ms(row.token().percentileMillis(0.95)))
				.append(" | ")
				.append(BenchReport.ms(row.token().percentileMillis(0.99)))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f, %s", row.basicClients().perSecond(),
						BenchReport.ms(row.basicClients().latencies().percentileMillis(0.99))))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f, %s", row.tokenClients().perSecond(),
						BenchReport.ms(row.tokenClients().latencies().percentileMillis(0.99))))
				.append(" |\n");
		}
		s.append("\nThe in-process figures and PostgreSQL's full-text search on the same corpus are in the section "
				+ "of the same article count above.\n");
		s.append("<!-- end of http benchmark ").append(articles).append(" -->\n");

		Path file = settings.report();
		String existing = Files.isRegularFile(file) ? Files.readString(file) : "";
		Matcher matcher = SECTION.matcher(existing);
		String section = s.toString();
		boolean replaced = false;
		while (matcher.find()) {
			if (Long.parseLong(matcher.group(1)) == articles) {
				existing = existing.substring(0, matcher.start()) + section + existing.substring(matcher.end());
				replaced = true;
				break;
			}
		}
		if (!replaced) {
			existing = existing + (existing.endsWith("\n\n") || existing.isEmpty() ? "" : "\n") + section;
		}
		Files.writeString(file, existing);
		CorpusLoader.log("Wrote the HTTP figures for %,d articles to %s", articles, file);
	}

}
