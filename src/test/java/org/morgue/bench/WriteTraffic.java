package org.morgue.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.morgue.bench.CorpusGenerator.SyntheticArticle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writes of a newsroom, as the harnesses send them: bulk imports of NDJSON, single
 * saves, corrections of saved articles, tags and annotations. Texts are the benchmark
 * corpus's ({@link CorpusGenerator}) after the articles already stored, each with a word
 * of its own (its marker) to find it by. Every acknowledged write goes into the
 * {@link WriteLedger}, every request's time into the latencies of its kind, and every
 * refusal into the errors of its kind (a 409 on a correction is counted apart: another
 * client changed the article first).
 */
final class WriteTraffic {

	enum Kind {

		BULK("bulk import (request of " + BULK_LINES + " lines)"), SAVE("single save"), CORRECT("correction"),
		TAG("tag"), ANNOTATE("annotation");

		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

	/** Lines per bulk request. */
	static final int BULK_LINES = 100;

	private final List<SyntheticArticle> texts;

	private final AtomicLong next = new AtomicLong();

	private final String markerPrefix;

	final WriteLedger ledger = new WriteLedger();

	final Map<Kind, Latencies> latencies = new EnumMap<>(Kind.class);

	final Map<Kind, AtomicLong> errors = new EnumMap<>(Kind.class);

	final Map<Kind, List<String>> firstErrors = new ConcurrentHashMap<>();

	final AtomicLong conflicts = new AtomicLong();

	final AtomicLong bulkArticles = new AtomicLong();

	/** Articles stored by bulk imports: annotated, and never corrected. */
	private final List<Long> imported = new CopyOnWriteArrayList<>();

	/** Markers of the articles in {@link #imported}, in the same order. */
	private final List<String> importedMarkers = new CopyOnWriteArrayList<>();

	/**
	 * @param texts the texts to write, one each
	 * @param markerPrefix letters that start every marker of this run
	 */
	WriteTraffic(List<SyntheticArticle> texts, String markerPrefix) {
		this.texts = texts;
		this.markerPrefix = markerPrefix;
		for (Kind kind : Kind.values()) {
			latencies.put(kind, new Latencies());
			errors.put(kind, new AtomicLong());
		}
	}

	/**
	 * Texts of the benchmark corpus after its first {@code skip} articles (those the
	 * archive may hold already).
	 */
	static List<SyntheticArticle> texts(ReutersCorpus corpus, long skip, int count) {
		List<SyntheticArticle> texts = new ArrayList<>(count);
		new CorpusGenerator(corpus).generate(skip + count, article -> {
			if (article.id() > skip) {
				texts.add(article);
			}
		});
		return texts;
	}

	/**
	 * A word of letters only (the analyser keeps it whole) for the {@code n}th text.
	 */
	static String marker(String prefix, long n) {
		StringBuilder letters = new StringBuilder();
		long rest = n;
		do {
			letters.append((char) ('a' + rest % 26));
			rest /= 26;
		}
		while (rest > 0);
		return prefix + letters.reverse();
	}

	/** The client for one writer, with its own articles to correct. */
	final class Writer {

		private final ArchiveClient client;

		private final Random random;

		private final List<Long> saved = new ArrayList<>();

		private final Map<Long, String> savedMarkers = new java.util.HashMap<>();

		Writer(ArchiveClient client, long seed) {
			this.client = client;
			this.random = new Random(seed);
		}

		/**
		 * One editor's write, drawn: a save, or (once it has saved some) a correction of
		 * one of its own, a tag, an annotation of an imported article.
		 */
		void editorWrite() throws InterruptedException {
			int draw = random.nextInt(10);
			if (saved.isEmpty() || draw < 3) {
				timed(Kind.SAVE, this::save);
			}
			else if (draw < 6) {
				timed(Kind.CORRECT, this::correct);
			}
			else if (draw < 8 || imported.isEmpty()) {
				timed(Kind.TAG, this::tag);
			}
			else {
				timed(Kind.ANNOTATE, this::annotate);
			}
		}

		void bulkWrite() throws InterruptedException {
			timed(Kind.BULK, this::bulk);
		}

		private void save() throws IOException, InterruptedException {
			Text text = nextText();
			JsonNode article = client.save(text.title(), text.body(), text.source(), text.publishedAt());
			long id = article.get("id").asLong();
			ledger.created(new WriteLedger.ArticleState(id, article.get("title").asString(),
					article.get("contentHash").asString(), text.marker()));
			synchronized (this) {
				saved.add(id);
				savedMarkers.put(id, text.marker());
			}
		}

		private void correct() throws IOException, InterruptedException {
			long id = saved.get(random.nextInt(saved.size()));
			JsonNode current = client.article(id);
			String correction = marker(markerPrefix + "c", next.getAndIncrement());
			String title = "Corrected " + correction;
			ledger.correcting(id, title);
			try {
				JsonNode corrected = client.correct(id, current.get("version").asInt(), title,
						current.get("body").asString() + "\n\nCorrected as " + correction + ".");
				ledger.corrected(new WriteLedger.ArticleState(id, corrected.get("title").asString(),
						corrected.get("contentHash").asString(), savedMarkers.get(id)));
			}
			catch (ArchiveClient.Refused ex) {
				if (ex.status != 409) {
					throw ex;
				}
				conflicts.incrementAndGet();
			}
		}

		private void tag() throws IOException, InterruptedException {
			List<Long> candidates = (imported.isEmpty() || random.nextBoolean()) ? saved : imported;
			long id = candidates.get(random.nextInt(candidates.size()));
			String tag = "soak " + (char) ('a' + random.nextInt(26));
			JsonNode tags = client.tag(id, tag);
			boolean listed = false;
			for (JsonNode one : tags.get("tags")) {
				listed |= one.asString().equals(tag);
			}
			if (!listed) {
				throw new IllegalStateException("Tagging " + id + " with " + tag + " answered " + tags);
			}
			ledger.tagged(id, tag);
		}

		private void annotate() throws IOException, InterruptedException {
			int at = random.nextInt(imported.size());
			long articleId = imported.get(at);
			String note = "Checked against the wire, note " + next.getAndIncrement();
			long id = client.annotate(articleId, note, importedMarkers.get(at));
			ledger.annotated(new WriteLedger.AnnotationState(id, articleId, note));
		}

		private void bulk() throws IOException, InterruptedException {
			List<String> lines = new ArrayList<>(BULK_LINES);
			List<Text> sent = new ArrayList<>(BULK_LINES);
			JsonMapper json = JsonMapper.shared();
			for (int i = 0; i < BULK_LINES; i++) {
				Text text = nextText();
				ObjectNode line = json.createObjectNode()
					.put("title", text.title())
					.put("body", text.body())
					.put("source", text.source())
					.put("publishedAt", text.publishedAt());
				lines.add(line.toString());
				sent.add(text);
			}
			for (ArchiveClient.BulkLine line : client.bulk(lines)) {
				Text text = sent.get(line.line() - 1);
				ledger.created(new WriteLedger.ArticleState(line.id(), text.title(), null, text.marker()));
				bulkArticles.incrementAndGet();
				imported.add(line.id());
				importedMarkers.add(text.marker());
			}
		}

		private void timed(Kind kind, Write write) throws InterruptedException {
			long started = System.nanoTime();
			try {
				write.run();
				latencies.get(kind).add(System.nanoTime() - started, 0);
			}
			catch (IOException ex) {
				// No answer: the archive is down (the soak killed it) or the connection
				// broke; the write is not acknowledged, and it is not an error of the
				// archive's unless the harness says so.
				unanswered.incrementAndGet();
			}
			catch (RuntimeException ex) {
				errors.get(kind).incrementAndGet();
				firstErrors.computeIfAbsent(kind, key -> new CopyOnWriteArrayList<>());
				List<String> first = firstErrors.get(kind);
				if (first.size() < 5) {
					first.add(ex.getMessage());
				}
			}
		}

	}

	/** Requests that got no answer. */
	final AtomicLong unanswered = new AtomicLong();

	private interface Write {

		void run() throws IOException, InterruptedException;

	}

	/** A text to write, with its marker in the title and at the end of the body. */
	record Text(String title, String body, String source, String publishedAt, String marker) {
	}

	private Text nextText() {
		long n = next.getAndIncrement();
		SyntheticArticle article = texts.get((int) (n % texts.size()));
		String marker = marker(markerPrefix, n);
		LocalDate day = article.publishedDate();
		return new Text(article.title() + " " + marker, article.body() + "\n\nFiled as " + marker + ".",
				CorpusGenerator.SOURCES.get(article.sourceIndex()), day.toString(), marker);
	}

}
