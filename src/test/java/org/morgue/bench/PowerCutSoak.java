package org.morgue.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.morgue.bench.WriteLedger.AnnotationState;
import org.morgue.bench.WriteLedger.StoredArticle;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power cuts: the packaged archive in a fresh data directory takes bulk imports, single
 * saves, corrections, tags and annotations from three clients at once, and is killed with
 * SIGKILL, its embedded PostgreSQL with it, at a moment drawn from a fixed seed; then it
 * is started again. After each restart every write the API acknowledged must be there as
 * acknowledged ({@link WriteLedger}), the index must agree with PostgreSQL (the start-up
 * check has run, a second check finds nothing to repair, every acknowledged article of
 * the round is found by its own word) and the event publication log must drain. Writes
 * the section "Power cuts" of {@code docs/reliability.md}. Not part of
 * {@code ./mvnw verify}; run it after packaging:
 *
 * <pre>
 * ./mvnw -DskipTests package
 * ./mvnw -Pbench test -Dtest=PowerCutSoak -Dsoak.kills=20
 * </pre>
 *
 * Settings: {@code soak.kills} (20), {@code soak.seed} (17), {@code soak.minSeconds} and
 * {@code soak.maxSeconds} of traffic before each kill (3, 15), {@code soak.minutes}, the
 * most the run may take (90), {@code soak.dir} ({@code target/soak-data}, emptied first).
 * Traffic stays on 127.0.0.1.
 */
class PowerCutSoak {

	private static final String ADMIN_PASSWORD = "soak-admin-password";

	/** The longest a restart may take to answer and to have its index agree. */
	private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);

	/** Articles of each round looked for by their own word. */
	private static final int SEARCHED_PER_ROUND = 100;

	/** One power cut and the restart after it. */
	record Round(int number, long trafficMillis, long acknowledged, long unanswered, Duration toAnswer,
			Duration toAgree, long repairedAtStart, int lost, boolean consistent, long missedBySearch) {
	}

	@Test
	void powerCuts() throws Exception {
		int kills = BenchSettings.integer("soak.kills", 20);
		long seed = BenchSettings.integer("soak.seed", 17);
		int minSeconds = BenchSettings.integer("soak.minSeconds", 3);
		int maxSeconds = BenchSettings.integer("soak.maxSeconds", 15);
		Duration budget = Duration.ofMinutes(BenchSettings.integer("soak.minutes", 90));
		Path dir = Path.of(BenchSettings.property("soak.dir", "target/soak-data")).toAbsolutePath();
		Path report = Path.of(BenchSettings.property("bench.report", "docs/reliability.md"));
		ImportBenchmark.deleteRecursively(dir);
		Files.createDirectories(dir);
		Path log = dir.resolve("archive.log");
		long runStarted = System.nanoTime();
		Instant startedAt = Instant.now();
		String loadBefore = SearchBenchmark.Machine.loadAverage();

		ReutersCorpus corpus = ReutersCorpus
			.read(Path.of(BenchSettings.property("bench.reuters", "../shared/data/news/reuters21578")));
		WriteTraffic traffic = new WriteTraffic(WriteTraffic.texts(corpus, 0, 5_000), "zqs");
		HttpClient http = ArchiveClient.http();
		Random random = new Random(seed);
		List<Round> rounds = new ArrayList<>();
		List<String> allLost = new ArrayList<>();

		ArchiveProcess archive = ArchiveProcess.start(dir, log, "--morgue.admin-password=" + ADMIN_PASSWORD);
		try {
			String basic = ArchiveClient.basic("admin", ADMIN_PASSWORD);
			archive.awaitAnswer(http, "/api/v1/admin/index", basic, RECOVERY_LIMIT);
			String token = new ArchiveClient(http, archive.base(), basic).createToken("power-cut soak");
			awaitAgreement(new ArchiveClient(http, archive.base(), token), archive, archive.age());
			for (int kill = 1; kill <= kills; kill++) {
				if (System.nanoTime() - runStarted > budget.toNanos()) {
					CorpusLoader.log("The run's %s are up after %d power cuts", budget, kill - 1);
					break;
				}
				ArchiveClient client = new ArchiveClient(http, archive.base(), token);
				long acknowledgedBefore = traffic.ledger.acknowledged();
				long unansweredBefore = traffic.unanswered.get();
				List<Long> articlesBefore = traffic.ledger.articleIds();
				long trafficMillis = minSeconds * 1000L + random.nextLong((maxSeconds - minSeconds) * 1000L + 1);
				AtomicBoolean stop = new AtomicBoolean();
				List<Thread> writers = writers(traffic, client, stop, seed * 1000 + kill);
				Thread.sleep(trafficMillis);
				// No request starts after this; those under way are cut off by the kill.
				stop.set(true);
				int killed = archive.powerCut();
				for (Thread writer : writers) {
					writer.join(Duration.ofMinutes(2).toMillis());
				}
				long acknowledged = traffic.ledger.acknowledged() - acknowledgedBefore;
				long unanswered = traffic.unanswered.get() - unansweredBefore;
				CorpusLoader.log(
						"Power cut %d after %,d ms (%d processes killed): %,d writes acknowledged, %d unanswered", kill,
						trafficMillis, killed, acknowledged, unanswered);

				archive = ArchiveProcess.start(dir, log);
				client = new ArchiveClient(http, archive.base(), token);
				Duration toAnswer = archive.awaitAnswer(http, "/api/v1/admin/index", token, RECOVERY_LIMIT);
				JsonNode startCheck = awaitAgreement(client, archive, RECOVERY_LIMIT);
				Duration toAgree = archive.age();
				long repaired = startCheck.get("missing").asLong() + startCheck.get("stale").asLong()
						+ startCheck.get("extra").asLong();

				List<String> lost;
				long articles;
				try (Connection database = archive.database()) {
					lost = traffic.ledger.lost(stored(database, traffic.ledger));
					articles = count(database, "select count(*) from article");
				}
				JsonNode check = checkAgain(client);
				boolean consistent = check.get("missing").asLong() == 0 && check.get("stale").asLong() == 0
						&& check.get("extra").asLong() == 0 && check.get("articles").asLong() == articles
						&& client.indexStatus().get("documents").asLong() == articles;
				long missedBySearch = missedBySearch(client, traffic.ledger, new HashSet<>(articlesBefore));
				lost.forEach(line -> CorpusLoader.log("  LOST: %s", line));
				allLost.addAll(lost);
				Round round = new Round(kill, trafficMillis, acknowledged, unanswered, toAnswer, toAgree, repaired,
						lost.size(), consistent, missedBySearch);
				rounds.add(round);
				CorpusLoader.log(
						"  restarted: answered after %,d ms, index agreed after %,d ms (%d repaired at start); lost %d, "
								+ "consistent %s, missed by search %d",
						toAnswer.toMillis(), toAgree.toMillis(), repaired, lost.size(), consistent, missedBySearch);
			}
		}
		finally {
			archive.close();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - runStarted);
		ReliabilityReport.write(report, "power cuts",
				section(rounds, kills, seed, minSeconds, maxSeconds, traffic, startedAt, took, loadBefore, allLost));

		assertThat(allLost).as("acknowledged writes lost").isEmpty();
		assertThat(rounds).as("rounds").hasSize(kills);
		assertThat(rounds).allSatisfy(round -> {
			assertThat(round.consistent()).as("index agrees after power cut " + round.number()).isTrue();
			assertThat(round.missedBySearch()).as("acknowledged articles not found after " + round.number()).isZero();
		});
		assertThat(traffic.errors.values().stream().mapToLong(java.util.concurrent.atomic.AtomicLong::get).sum())
			.as("refused writes: " + traffic.firstErrors)
			.isZero();
	}

	/** Three clients: one importing in bulk, two editors. */
	private static List<Thread> writers(WriteTraffic traffic, ArchiveClient client, AtomicBoolean stop, long seed) {
		List<Thread> threads = new ArrayList<>();
		WriteTraffic.Writer importer = traffic.new Writer(client, seed);
		threads.add(started("soak-bulk", () -> loop(stop, importer::bulkWrite)));
		for (int i = 1; i <= 2; i++) {
			WriteTraffic.Writer editor = traffic.new Writer(client, seed + i);
			threads.add(started("soak-editor-" + i, () -> loop(stop, editor::editorWrite)));
		}
		return threads;
	}

	/** A client thread, started. */
	static Thread started(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.start();
		return thread;
	}

	interface Step {

		void run() throws InterruptedException;

	}

	/** Runs {@code step} again and again until {@code stop}. */
	static void loop(AtomicBoolean stop, Step step) {
		try {
			while (!stop.get()) {
				step.run();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until the archive's start-up consistency check (or rebuild) has finished and
	 * the event publication log is empty.
	 * @return the start-up check's report
	 */
	private static JsonNode awaitAgreement(ArchiveClient client, ArchiveProcess archive, Duration limit)
			throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode status = client.indexStatus();
			JsonNode check = status.get("lastCheck");
			boolean rebuilding = "RUNNING".equals(status.get("rebuild").get("state").asString());
			if (check != null && !check.isNull() && !rebuilding) {
				try (Connection database = archive.database()) {
					if (count(database, "select count(*) from event_publication") == 0) {
						return check;
					}
				}
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The index did not agree with PostgreSQL within " + limit);
	}

	/** Asks for another consistency check and waits for its report. */
	private static JsonNode checkAgain(ArchiveClient client) throws Exception {
		String before = client.indexStatus().get("lastCheck").get("checkedAt").asString();
		while (!client.startIndexCheck()) {
			Thread.sleep(200);
		}
		long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode check = client.indexStatus().get("lastCheck");
			if (!check.get("checkedAt").asString().equals(before)) {
				return check;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The consistency check did not finish within " + RECOVERY_LIMIT);
	}

	/**
	 * Searches for acknowledged articles of the round just ended (up to
	 * {@link #SEARCHED_PER_ROUND}) by their own words.
	 * @return how many were not found
	 */
	private static long missedBySearch(ArchiveClient client, WriteLedger ledger, java.util.Set<Long> before)
			throws Exception {
		long missed = 0;
		int searched = 0;
		for (WriteLedger.ArticleState article : ledger.articles()) {
			if (before.contains(article.id()) || searched++ >= SEARCHED_PER_ROUND) {
				continue;
			}
			if (client.searchTotal(article.marker()) < 1) {
				CorpusLoader.log("  NOT FOUND by search: article %d (%s)", article.id(), article.marker());
				missed++;
			}
		}
		return missed;
	}

	/** What PostgreSQL holds of the articles and annotations in the ledger. */
	static WriteLedger.Stored stored(Connection database, WriteLedger ledger) throws SQLException {
		Map<Long, StoredArticle> articles = new HashMap<>();
		Map<Long, java.util.Set<String>> tags = new HashMap<>();
		Array ids = database.createArrayOf("bigint", ledger.articleIds().toArray());
		try (PreparedStatement select = database.prepareStatement(
				"select a.article_id, t.name from article_tag a join tag t on t.id = a.tag_id where a.article_id = any(?)")) {
			select.setArray(1, ids);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					tags.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getString(2));
				}
			}
		}
		try (PreparedStatement select = database
			.prepareStatement("select id, title, content_hash, body from article where id = any(?)")) {
			select.setArray(1, ids);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					long id = rows.getLong(1);
					articles.put(id, new StoredArticle(id, rows.getString(2), rows.getString(3), rows.getString(4),
							tags.getOrDefault(id, java.util.Set.of())));
				}
			}
		}
		Map<Long, AnnotationState> annotations = new HashMap<>();
		try (PreparedStatement select = database
			.prepareStatement("select id, article_id, note from annotation where id = any(?)")) {
			select.setArray(1, database.createArrayOf("bigint", ledger.annotationIds().toArray()));
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					annotations.put(rows.getLong(1),
							new AnnotationState(rows.getLong(1), rows.getLong(2), rows.getString(3)));
				}
			}
		}
		return new WriteLedger.Stored(articles, annotations);
	}

	private static long count(Connection database, String sql) throws SQLException {
		try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static String section(List<Round> rounds, int kills, long seed, int minSeconds, int maxSeconds,
			WriteTraffic traffic, Instant startedAt, Duration took, String loadBefore, List<String> lost) {
		Latencies toAnswer = new Latencies();
		Latencies toAgree = new Latencies();
		long repaired = 0;
		long acknowledged = 0;
		long unanswered = 0;
		long inconsistent = 0;
		long missed = 0;
		for (Round round : rounds) {
			toAnswer.add(round.toAnswer().toNanos(), 0);
			toAgree.add(round.toAgree().toNanos(), 0);
			repaired += round.repairedAtStart();
			acknowledged += round.acknowledged();
			unanswered += round.unanswered();
			inconsistent += round.consistent() ? 0 : 1;
			missed += round.missedBySearch();
		}
		long errors = traffic.errors.values().stream().mapToLong(java.util.concurrent.atomic.AtomicLong::get).sum();
		StringBuilder md = new StringBuilder();
		md.append("## Power cuts\n\n");
		md.append(String.format(Locale.ROOT,
				"Measured %s on %s (load average before: %s), JDK %s, in %s. "
						+ "Command: `./mvnw -DskipTests package && ./mvnw -Pbench test -Dtest=PowerCutSoak "
						+ "-Dsoak.kills=%d` (seed %d).%n%n",
				startedAt.toString().substring(0, 10), ReliabilityReport.machine(), loadBefore,
				System.getProperty("java.version"), BenchReport.duration(took.toSeconds()), kills, seed));
		md.append("Method: the packaged archive (`java -Xmx1g -jar target/morgue.jar`, embedded PostgreSQL 17 with "
				+ "`fsync` and `synchronous_commit` on, a fresh data directory, entity extraction and feeds off) "
				+ "on 127.0.0.1. Three clients write at once with a personal token: one imports NDJSON in "
				+ "requests of " + WriteTraffic.BULK_LINES + " articles, two editors save single articles "
				+ "(JSON), correct their own (`PATCH` of title and text with the version read just before), tag "
				+ "articles and annotate imported ones. After " + minSeconds + " to " + maxSeconds
				+ " s of traffic (drawn from the seed) the archive's JVM and its PostgreSQL (postmaster and "
				+ "backends) get SIGKILL at the same moment, and the archive is started again. A write counts "
				+ "as acknowledged when the API answered it 2xx (a bulk request: each line answered with an "
				+ "article, however far the answer got); a correction sent and not answered may be kept or not. "
				+ "After each restart: the start-up consistency check has run and the event publication log is "
				+ "empty (*index agreed*); every acknowledged article is in PostgreSQL with its acknowledged "
				+ "title and text (content hash), every acknowledged tag and annotation is there; a second "
				+ "consistency check through `POST /api/v1/admin/index/check` repairs nothing and the index "
				+ "holds as many documents as PostgreSQL has articles; up to " + SEARCHED_PER_ROUND
				+ " acknowledged articles of the round are found by search, each by a word only it has.\n\n");
		md.append("| | |\n|---|---|\n");
		md.append(String.format(Locale.ROOT, "| power cuts | %d of %d |%n", rounds.size(), kills));
		md.append(String.format(Locale.ROOT, "| writes acknowledged | %,d (%,d bulk lines; the rest single saves, "
				+ "corrections, tags, annotations) |%n", acknowledged, traffic.bulkArticles.get()));
		md.append(String.format(Locale.ROOT, "| **acknowledged writes lost** | **%d** (goal 0) |%n", lost.size()));
		md.append(String.format(Locale.ROOT, "| requests cut off unanswered by a power cut | %,d |%n", unanswered));
		md.append(String.format(Locale.ROOT, "| writes refused (4xx/5xx) | %d; corrections answered 409 (another "
				+ "client changed the article first) %d |%n", errors, traffic.conflicts.get()));
		md.append(String.format(Locale.ROOT, "| start to first answer, p50 / max | %s / %s s |%n",
				seconds(toAnswer.percentileMillis(0.5)), seconds(toAnswer.maxMillis())));
		md.append(String.format(Locale.ROOT,
				"| start to index agreed and publication log empty, p50 / max | %s / %s s |%n",
				seconds(toAgree.percentileMillis(0.5)), seconds(toAgree.maxMillis())));
		md.append(String.format(Locale.ROOT, "| index documents repaired by the start-up check, all rounds | %,d |%n",
				repaired));
		md.append(String.format(Locale.ROOT, "| rounds where a second check found differences | %d |%n", inconsistent));
		md.append(String.format(Locale.ROOT, "| acknowledged articles not found by search | %d |%n", missed));
		md.append("\n<details><summary>Each round</summary>\n\n");
		md.append(
				"| cut | traffic ms | acknowledged | unanswered | to answer s | to agree s | repaired at start | lost |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Round round : rounds) {
			md.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %d | %s | %s | %d | %d |%n", round.number(),
					round.trafficMillis(), round.acknowledged(), round.unanswered(),
					seconds(round.toAnswer().toMillis()), seconds(round.toAgree().toMillis()), round.repairedAtStart(),
					round.lost()));
		}
		md.append("\n</details>\n");
		if (!lost.isEmpty()) {
			md.append("\nLost:\n\n");
			lost.stream().limit(20).forEach(line -> md.append("- ").append(line).append('\n'));
		}
		return md.toString();
	}

	private static String seconds(double millis) {
		return String.format(Locale.ROOT, "%.1f", millis / 1000);
	}

}
