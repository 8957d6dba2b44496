package org.morgue.ner;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.morgue.ner.ConllDocuments.Document;
import org.morgue.ner.ConllDocuments.Span;

/**
 * How well and how fast {@link EntityExtractor} works: entity-level F1 on WikiGold and
 * the CoNLL-2003 development set, articles per second on typical news articles with a
 * thread per core, and the heap the loaded model keeps. Not part of the tests (its name
 * does not end in {@code Tests}); run it with the {@code ner-eval} profile, which gives
 * it a 1 GB heap:
 *
 * <pre>
 * ./mvnw -Pner-eval test
 * </pre>
 *
 * It prints the tables and rewrites the figures section of {@code docs/entities.md}.
 * Settings ({@code -D}, paths relative to the project directory): {@code ner.wikigold}
 * ({@code ../shared/data/ner/wikigold/wikigold.conll.txt}), {@code ner.conll}
 * ({@code ../shared/data/ner/conll2003-dev/valid.txt}), {@code ner.reuters}
 * ({@code ../shared/data/news/reuters21578}), {@code ner.report}
 * ({@code docs/entities.md}), {@code ner.ablation} (true: also score the extractor with
 * each step switched off), {@code ner.seconds} (20: how long the speed is measured at
 * least), {@code ner.errors} (a file to list every wrong and missed name in, for study;
 * none by default).
 */
class NerEvaluation {

	static final String FIGURES_START = "<!-- figures: written by NerEvaluation -->";

	static final String FIGURES_END = "<!-- end of figures -->";

	/** The goals from the issue. */
	static final double GOAL_WIKIGOLD_F1 = 80;

	static final double GOAL_CONLL_F1 = 92;

	static final double GOAL_ARTICLES_PER_SECOND = 40;

	@Test
	void accuracyAndSpeed() throws Exception {
		Path wikigoldFile = Path.of(property("ner.wikigold", "../shared/data/ner/wikigold/wikigold.conll.txt"));
		Path conllFile = Path.of(property("ner.conll", "../shared/data/ner/conll2003-dev/valid.txt"));
		Path reuters = Path.of(property("ner.reuters", "../shared/data/news/reuters21578"));
		Path report = Path.of(property("ner.report", "docs/entities.md"));
		boolean ablation = Boolean.parseBoolean(property("ner.ablation", "true"));
		int seconds = Integer.parseInt(property("ner.seconds", "20"));
		String errors = property("ner.errors", "");

		List<Document> wikigold = ConllDocuments.read(wikigoldFile, "ner.wikigold");
		List<Document> conll = ConllDocuments.read(conllFile, "ner.conll");
		List<String> articles = NewsArticles.read(reuters, 300, 500);

		ExtractorSettings standard = ExtractorSettings.standard();
		long heapBefore = usedHeapAfterGc();
		long loadStart = System.nanoTime();
		List<CrfModel> models = standard.models().stream().map(CrfModel::load).toList();
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		long heapAfter = usedHeapAfterGc();
		double modelMegabytes = (heapAfter - heapBefore) / 1e6;
		log("Loaded %s in %.1f s; it keeps %.0f MB of heap", standard.models(), loadSeconds, modelMegabytes);

		Map<String, ExtractorSettings> configurations = new LinkedHashMap<>();
		configurations.put("CRF alone", ExtractorSettings.raw(standard.models()));
		if (ablation) {
			configurations.put("without demonyms", new ExtractorSettings(standard.models(), false, true, true, true));
			configurations.put("without consistency",
					new ExtractorSettings(standard.models(), true, false, true, true));
			configurations.put("without short forms",
					new ExtractorSettings(standard.models(), true, true, false, true));
			configurations.put("without acronyms", new ExtractorSettings(standard.models(), true, true, true, false));
		}
		configurations.put("EntityExtractor", standard);

		Map<String, NerScores[]> scores = new LinkedHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try {
			for (Map.Entry<String, ExtractorSettings> configuration : configurations.entrySet()) {
				EntityExtractor extractor = new EntityExtractor(configuration.getValue(), models);
				boolean last = configuration.getValue().equals(standard);
				StringBuilder mistakes = (last && !errors.isEmpty()) ? new StringBuilder() : null;
				NerScores[] both = { score(extractor, wikigold, threads, mistakes, "WikiGold"),
						score(extractor, conll, threads, mistakes, "CoNLL-2003 dev") };
				scores.put(configuration.getKey(), both);
				log("%-22s WikiGold F1 %.1f, CoNLL-2003 dev F1 %.1f", configuration.getKey(), both[0].f1(),
						both[1].f1());
				if (mistakes != null) {
					Files.writeString(Path.of(errors), mistakes, StandardCharsets.UTF_8);
				}
			}
		}
		finally {
			threads.shutdown();
		}

		EntityExtractor extractor = new EntityExtractor(standard, models);
		Speed speed = speed(extractor, articles, seconds);
		log("%,d articles of 300-500 words: %.1f articles/s on %d threads (%.1f from their CPU time; load average "
				+ "%.1f), %.1f on one", articles.size(), speed.perSecond(), speed.threads(), speed.perCpuSecond(),
				speed.loadAverage(), speed.perSecondOneThread());

		String figures = figures(scores, speed, modelMegabytes, loadSeconds, standard, articles.size(),
				new int[] { wikigold.size(), conll.size() });
		System.out.println(figures);
		writeReport(report, figures);
	}

	private static NerScores score(EntityExtractor extractor, List<Document> documents, ExecutorService threads,
			StringBuilder mistakes, String name) throws Exception {
		List<Future<List<Span>>> results = new ArrayList<>();
		for (Document document : documents) {
			results.add(threads.submit(() -> extractor.extract(document.text()).stream().map(document::span).toList()));
		}
		NerScores scores = new NerScores();
		for (int i = 0; i < documents.size(); i++) {
			Document document = documents.get(i);
			List<Span> predicted = results.get(i).get();
			scores.add(document.names(), predicted);
			if (mistakes != null) {
				listMistakes(mistakes, name + " " + (i + 1), document, predicted);
			}
		}
		return scores;
	}

	private static void listMistakes(StringBuilder out, String name, Document document, List<Span> predicted) {
		List<Span> scored = predicted.stream().filter(span -> ConllDocuments.SCORED.contains(span.type())).toList();
		out.append("## ").append(name).append('\n');
		for (Span span : scored) {
			if (!document.names().contains(span)) {
				out.append("  wrong   ").append(span.type()).append(' ').append(document.tokens(span)).append('\n');
			}
		}
		for (Span span : document.names()) {
			if (!scored.contains(span)) {
				out.append("  missed  ").append(span.type()).append(' ').append(document.tokens(span)).append('\n');
			}
		}
	}

	/**
	 * @param perSecond articles per second, wall clock, with a thread per core
	 * @param perCpuSecond articles per second of the worker threads' own CPU time, times
	 * the cores: what the cores give when nothing else runs on the machine
	 * @param loadAverage the system load average when the measurement ended (other work
	 * on the machine)
	 */
	record Speed(double perSecond, int threads, double perSecondOneThread, double mentionsPerArticle,
			double perCpuSecond, double loadAverage) {
	}

	/**
	 * Articles per second with one extractor shared by a thread per core, and with one
	 * thread.
	 */
	private static Speed speed(EntityExtractor extractor, List<String> articles, int seconds) throws Exception {
		for (int i = 0; i < Math.min(200, articles.size()); i++) {
			extractor.extract(articles.get(i));
		}
		long mentions = 0;
		int one = 0;
		long start = System.nanoTime();
		while (System.nanoTime() - start < seconds * 1_000_000_000L / 4) {
			mentions += extractor.extract(articles.get(one % articles.size())).size();
			one++;
		}
		double perSecondOneThread = one / ((System.nanoTime() - start) / 1e9);

		int threadCount = Runtime.getRuntime().availableProcessors();
		ExecutorService threads = Executors.newFixedThreadPool(threadCount);
		AtomicInteger next = new AtomicInteger();
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		long gcBefore = gcMillis();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		start = System.nanoTime();
		try {
			List<Future<long[]>> done = new ArrayList<>();
			for (int t = 0; t < threadCount; t++) {
				done.add(threads.submit(() -> {
					long cpuStart = cpu.getCurrentThreadCpuTime();
					long count = 0;
					while (System.nanoTime() < deadline) {
						extractor.extract(articles.get(next.getAndIncrement() % articles.size()));
						count++;
					}
					return new long[] { count, cpu.getCurrentThreadCpuTime() - cpuStart };
				}));
			}
			long total = 0;
			long cpuNanos = 0;
			for (Future<long[]> result : done) {
				total += result.get()[0];
				cpuNanos += result.get()[1];
			}
			double perSecond = total / ((System.nanoTime() - start) / 1e9);
			// the collector's pauses are work the articles cost too
			double cpuSeconds = cpuNanos / 1e9 + (gcMillis() - gcBefore) / 1e3;
			double perCpuSecond = total / cpuSeconds * threadCount;
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			return new Speed(perSecond, threadCount, perSecondOneThread, (double) mentions / one, perCpuSecond, load);
		}
		finally {
			threads.shutdown();
		}
	}

	private static String figures(Map<String, NerScores[]> scores, Speed speed, double modelMegabytes,
			double loadSeconds, ExtractorSettings standard, int articleCount, int[] documents) {
		StringBuilder out = new StringBuilder();
		NerScores[] extractor = scores.get("EntityExtractor");
		NerScores[] raw = scores.get("CRF alone");
		out.append(String.format(Locale.ROOT,
				"`./mvnw -Pner-eval test`, %s, on %s, %d cores, JDK %s, heap at most %.0f MB.%n%n",
				LocalDate.now(ZoneOffset.UTC), cpu(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1e6));
		out.append("| Goal | Wanted | Measured | Met |\n|---|---|---|---|\n");
		goal(out, "WikiGold F1 (PER, ORG, LOC)", "≥ " + f(GOAL_WIKIGOLD_F1), f(extractor[0].f1()),
				extractor[0].f1() >= GOAL_WIKIGOLD_F1);
		goal(out, "CoNLL-2003 dev F1 (PER, ORG, LOC)", "≥ " + f(GOAL_CONLL_F1), f(extractor[1].f1()),
				extractor[1].f1() >= GOAL_CONLL_F1);
		goal(out,
				"Articles per second, " + speed.threads() + " cores (wall clock, load average " + f(speed.loadAverage())
						+ ")",
				"≥ " + f(GOAL_ARTICLES_PER_SECOND), f(speed.perSecond()),
				speed.perSecond() >= GOAL_ARTICLES_PER_SECOND);
		goal(out, "Articles per second, " + speed.threads() + " cores (from CPU time: the cores to itself)",
				"≥ " + f(GOAL_ARTICLES_PER_SECOND), f(speed.perCpuSecond()),
				speed.perCpuSecond() >= GOAL_ARTICLES_PER_SECOND);
		goal(out, "Heap kept by the loaded model (of 1 GB, with the application's ~150 MB)", "fits",
				String.format(Locale.ROOT, "%.0f MB", modelMegabytes), modelMegabytes < 1000 - 150);
		out.append(String.format(Locale.ROOT,
				"%nDocuments: %d WikiGold, %d CoNLL-2003 dev. Model: `%s`. Loading takes %.1f s; the loaded model keeps %.0f MB of "
						+ "heap. Speed: %,d Reuters-21578 bodies of 300–500 words, one extractor shared by %d threads: "
						+ "%.1f articles/s by the wall clock while the machine's load average was %.1f (%.1f with one thread), "
						+ "%.1f per second of the threads' own CPU time and the collector's pauses, times %d cores; "
						+ "%.1f mentions an article.%n%n",
				documents[0], documents[1], String.join("`, `", standard.models()), loadSeconds, modelMegabytes,
				articleCount, speed.threads(), speed.perSecond(), speed.loadAverage(), speed.perSecondOneThread(),
				speed.perCpuSecond() / speed.threads(), speed.threads(), speed.mentionsPerArticle()));
		for (int set = 0; set < 2; set++) {
			out.append(set == 0 ? "**WikiGold**" : "**CoNLL-2003 dev (eng.testa)**");
			out.append(String.format(Locale.ROOT, " (%,d names), precision / recall / F1:%n%n",
					extractor[set].gold(null)));
			out.append("| | PER | ORG | LOC | All (micro) |\n|---|---|---|---|---|\n");
			for (Map.Entry<String, NerScores[]> row : scores.entrySet()) {
				NerScores figures = row.getValue()[set];
				out.append("| ").append(row.getKey());
				for (EntityType type : new EntityType[] { EntityType.PERSON, EntityType.ORGANIZATION,
						EntityType.LOCATION, null }) {
					double[] prf = figures.figures(type);
					out.append(String.format(Locale.ROOT, " | %.1f / %.1f / **%.1f**", prf[0], prf[1], prf[2]));
				}
				out.append(" |\n");
			}
			out.append('\n');
		}
		out.append(String.format(Locale.ROOT,
				"The steps after the CRF add %+.1f F1 on WikiGold and %+.1f on CoNLL-2003 dev.%n",
				extractor[0].f1() - raw[0].f1(), extractor[1].f1() - raw[1].f1()));
		return out.toString();
	}

	private static void goal(StringBuilder out, String name, String wanted, String measured, boolean met) {
		out.append("| ")
			.append(name)
			.append(" | ")
			.append(wanted)
			.append(" | ")
			.append(measured)
			.append(" | ")
			.append(met ? "yes" : "**no**")
			.append(" |\n");
	}

	private static String f(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * Replaces the figures section of the report, keeping the rest; appends one if there
	 * is none.
	 */
	static void writeReport(Path report, String figures) throws IOException {
		String text = Files.isRegularFile(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
		int start = text.indexOf(FIGURES_START);
		int end = text.indexOf(FIGURES_END);
		String section = FIGURES_START + "\n" + figures.strip() + "\n" + FIGURES_END;
		if (start >= 0 && end > start) {
			text = text.substring(0, start) + section + text.substring(end + FIGURES_END.length());
		}
		else {
			text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
		}
		Files.writeString(report, text, StandardCharsets.UTF_8);
		log("Figures written to %s", report);
	}

	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, collector.getCollectionTime());
		}
		return total;
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static String cpu() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).strip();
				}
			}
		}
		catch (IOException ex) {
			// not Linux: fall through
		}
		return System.getProperty("os.arch");
	}

	/**
	 * A property; blank counts as unset, since the Maven profile passes unset ones as
	 * empty.
	 */
	private static String property(String name, String fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	private static void log(String format, Object... arguments) {
		System.out.printf(Locale.ROOT, "[ner] " + format + "%n", arguments);
	}

}
