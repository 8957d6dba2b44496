package org.morgue.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.morgue.annotation.AnnotationService;
import org.morgue.annotation.ArchivedAnnotation;
import org.morgue.article.ArticleService;
import org.morgue.article.BatchSave;
import org.morgue.article.InvalidArticleException;
import org.morgue.article.NewArticle;
import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.intake.IntakeDocument;
import org.morgue.intake.IntakeItem;
import org.morgue.intake.IntakeReport;
import org.morgue.intake.IntakeService;
import org.morgue.ner.ArchivedMention;
import org.morgue.ner.EntityService;
import org.morgue.tag.TagService;
import org.morgue.system.CurrentActor;
import org.morgue.system.WorkProgress;
import org.morgue.system.InvalidInputException;
import org.morgue.system.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.morgue.transfer.ArchiveLine.string;

/**
 * Imports many articles at once, from any {@link ImportSource}. Items are checked and
 * parsed on all cores a batch at a time while the batch before is stored; each batch is
 * stored in one transaction with one event for the index, so an article is either stored
 * whole (with its entities, for an exported one) or not at all, and is searchable once
 * its batch commits. Entity extraction is queued, not waited for. A bad item never stops
 * the others: it is reported with its place and reason.
 */
@Service
public class BulkImport {

	private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

	/** Articles stored per transaction. */
	static final int BATCH = 500;

	/** Errors kept for the summary; all of them go to the outcome consumer. */
	public static final int ERRORS_KEPT = 1000;

	private static final Set<String> FIELDS = Set.of("title", "body", "byline", "source", "dateline", "publishedAt",
			"url", "language");

	private static final Set<String> DOCUMENT_FIELDS = Set.of("document", "mediaType", "url", "source");

	/** Fields by which a line is a ninjs document, which article fields never are. */
	private static final Set<String> NINJS_FIELDS = Set.of("uri", "headline", "headlines", "body_text", "body_html",
			"bodies", "versioncreated", "versionCreated", "firstcreated", "firstCreated", "pubstatus", "pubStatus");

	private static final String NINJS = "application/ninjs+json";

	private static final Set<String> COPY_FIELDS = Set.of("raw", "title", "byline", "source", "dateline", "publishedAt",
			"url", "language");

	private final IngestService ingest;

	private final ArticleService articles;

	private final EntityService entities;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final TagService tags;

	private final AnnotationService annotations;

	private final Workers workers;

	private final IntakeService intake;

	BulkImport(IngestService ingest, ArticleService articles, EntityService entities, TagService tags,
			AnnotationService annotations, JsonMapper json, PlatformTransactionManager transactionManager,
			Workers workers, IntakeService intake, Optional<Clock> clock) {
		this.workers = workers;
		this.intake = intake;
		this.ingest = ingest;
		this.tags = tags;
		this.annotations = annotations;
		this.articles = articles;
		this.entities = entities;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Imports every item of the source.
	 * @param outcomes told what became of each item, in the order read
	 * @param progress told where the import stands after each batch
	 * @throws IOException when the source cannot be read any further (the batches stored
	 * so far stay)
	 */
	public ImportSummary run(ImportSource source, String reason, Consumer<ImportOutcome> outcomes,
			Consumer<WorkProgress> progress) throws IOException {
		Instant started = clock.instant();
		String actor = CurrentActor.name();
		Tally tally = new Tally(outcomes);
		progress.accept(WorkProgress.running(reason, started, 0, Math.max(0, source.total()), clock));
		Future<List<Prepared>> pending = null;
		Future<List<Prepared>> next = null;
		try {
			List<ImportItem> batch = new ArrayList<>(BATCH);
			for (ImportItem item = source.next(); item != null; item = source.next()) {
				batch.add(item);
				if (batch.size() == BATCH) {
					List<ImportItem> full = batch;
					next = prepare(full, actor);
					store(pending, tally);
					pending = next;
					batch = new ArrayList<>(BATCH);
					progress.accept(WorkProgress.running(reason, started, tally.read,
							Math.max(source.total(), tally.read), clock));
				}
			}
			List<ImportItem> last = batch;
			next = prepare(last, actor);
			store(pending, tally);
			pending = null;
			store(next, tally);
			next = null;
		}
		finally {
			// Stopped early: batches being prepared are not stored.
			for (Future<List<Prepared>> unstored : java.util.Arrays.asList(pending, next)) {
				if (unstored != null) {
					unstored.cancel(true);
				}
			}
		}
		ImportSummary summary = new ImportSummary(tally.read, tally.created, tally.updated, tally.duplicates,
				tally.errors, Duration.between(started, clock.instant()), tally.errorsShown);
		progress
			.accept(WorkProgress.running(reason, started, tally.read, tally.read, clock).finished(tally.read, clock));
		return summary;
	}

	/**
	 * An item checked and parsed: the article to store, a document for the intake, or why
	 * not.
	 */
	private record Prepared(ImportPlace place, NewArticle article, List<ArchivedMention> mentions, List<String> tags,
			List<ArchivedAnnotation> annotations, IntakeDocument document, ImportOutcome error) {

		Prepared(ImportPlace place, NewArticle article, List<ArchivedMention> mentions, ImportOutcome error) {
			this(place, article, mentions, List.of(), List.of(), null, error);
		}

		static Prepared document(ImportPlace place, IntakeDocument document) {
			return new Prepared(place, null, null, List.of(), List.of(), document, null);
		}

	}

	/**
	 * Parses and checks a batch on the bulk threads while the batch before is stored; the
	 * order of the items is kept.
	 */
	private Future<List<Prepared>> prepare(List<ImportItem> batch, String actor) {
		Instant now = clock.instant();
		return workers.map(batch, item -> prepare(item, now, actor));
	}

	private Prepared prepare(ImportItem item, Instant now, String actor) {
		ImportPlace place = item.place();
		try {
			if (item instanceof ImportItem.Copy copy) {
				return new Prepared(place, ingest.prepareCopy(copy.raw(), copy.corrections()), null, null);
			}
			if (item instanceof ImportItem.Fields fields) {
				return new Prepared(place, ingest.prepareFields(fields.fields(), fields.rawText()), null, null);
			}
			if (item instanceof ImportItem.Json line) {
				return fromJson(place, line.line(), now, actor);
			}
			if (item instanceof ImportItem.Document document) {
				return Prepared.document(place,
						new IntakeDocument(document.content(), document.mediaType(), document.fileName(), null, null));
			}
			return failed(place, null, ((ImportItem.Unreadable) item).reason());
		}
		catch (InvalidArticleException ex) {
			return failed(place, ex.field(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Could not import the item at {}", place, ex);
			return failed(place, null, "This item could not be read: " + ex.getMessage());
		}
	}

	private Prepared fromJson(ImportPlace place, String line, Instant now, String actor) {
		JsonNode node;
		try {
			node = json.readTree(line);
		}
		catch (JacksonException ex) {
			return failed(place, null,
					"Not valid JSON: " + ex.getOriginalMessage() + " (column " + ex.getLocation().getColumnNr() + ").");
		}
		if (node == null || !node.isObject()) {
			return failed(place, null, "Each line must be a JSON object: the fields of an article such as "
					+ "{\"title\": \"...\", \"body\": \"...\"}, or {\"raw\": \"...\"} for wire copy.");
		}
		if (node.has(ArchiveLine.MARKER)) {
			ArchiveLine.Restored restored = ArchiveLine.read(node, now, actor);
			return new Prepared(place, restored.article(), restored.mentions(), restored.tags(), restored.annotations(),
					null, null);
		}
		if (node.has("document")) {
			return documentLine(place, node);
		}
		if (!node.has("raw") && !node.has("body") && NINJS_FIELDS.stream().anyMatch(node::has)) {
			// a ninjs document on a line of its own
			return Prepared.document(place,
					new IntakeDocument(line.getBytes(StandardCharsets.UTF_8), NINJS, null, null, null));
		}
		boolean copy = node.has("raw");
		Set<String> allowed = copy ? COPY_FIELDS : FIELDS;
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				return failed(place, name, "Unknown field '" + name + "'. The fields are: "
						+ String.join(", ", new TreeSet<>(allowed)) + (copy ? " (with raw wire copy)." : "."));
			}
		}
		if (copy) {
			return new Prepared(place,
					ingest.prepareCopy(string(node, "raw"),
							new CopyCorrections(string(node, "title"), string(node, "byline"), string(node, "source"),
									string(node, "dateline"), string(node, "publishedAt"), string(node, "url"),
									string(node, "language"))),
					null, null);
		}
		return new Prepared(place,
				ingest.prepareFields(new ArticleInput(string(node, "title"), string(node, "body"),
						string(node, "byline"), string(node, "source"), string(node, "dateline"),
						string(node, "publishedAt"), string(node, "url"), string(node, "language")), line),
				null, null);
	}

	/**
	 * A line carrying a document as text, {@code {"document": "<newsItem ...>",
	 * "mediaType": "...", "url": "...", "source": "..."}}.
	 */
	private static Prepared documentLine(ImportPlace place, JsonNode node) {
		for (String name : node.propertyNames()) {
			if (!DOCUMENT_FIELDS.contains(name)) {
				return failed(place, name, "Unknown field '" + name + "'. The fields are: "
						+ String.join(", ", new TreeSet<>(DOCUMENT_FIELDS)) + " (with a document).");
			}
		}
		String document = string(node, "document");
		if (document == null || document.isBlank()) {
			return failed(place, "document",
					"The document is empty: give the NewsML-G2, NITF, ninjs, page or " + "feed as text in 'document'.");
		}
		return Prepared.document(place, new IntakeDocument(document.getBytes(StandardCharsets.UTF_8),
				string(node, "mediaType"), null, string(node, "url"), string(node, "source")));
	}

	private static Prepared failed(ImportPlace place, String field, String reason) {
		return new Prepared(place, null, null, ImportOutcome.error(place, field, reason));
	}

	private void store(Future<List<Prepared>> pending, Tally tally) throws IOException {
		if (pending == null) {
			return;
		}
		List<Prepared> prepared;
		try {
			prepared = pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("The import was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		List<Prepared> valid = prepared.stream().filter(p -> p.error() == null && p.document() == null).toList();
		List<BatchSave> saves;
		try {
			saves = save(valid);
		}
		catch (DataIntegrityViolationException ex) {
			// The same copy arrived through another door meanwhile: store this batch one
			// by one.
			saves = new ArrayList<>();
			for (Prepared one : valid) {
				saves.addAll(save(List.of(one)));
			}
		}
		int next = 0;
		for (Prepared item : prepared) {
			if (item.error() != null) {
				tally.add(item.error());
			}
			else if (item.document() != null) {
				tally.add(take(item.place(), item.document()));
			}
			else {
				BatchSave save = saves.get(next++);
				tally.add(new ImportOutcome(item.place(),
						save.created() ? ImportOutcome.Status.CREATED : ImportOutcome.Status.DUPLICATE,
						save.articleId(), null, null));
			}
		}
	}

	/**
	 * A document through the intake, which keeps its stories and their versions: created
	 * when any story in it is new, updated when any is a version of one the archive has,
	 * else a duplicate.
	 */
	private ImportOutcome take(ImportPlace place, IntakeDocument document) {
		IntakeReport report;
		try {
			report = intake.take(document);
		}
		catch (InvalidInputException ex) {
			return ImportOutcome.error(place, ex.field(), ex.getMessage());
		}
		Long articleId = report.items()
			.stream()
			.filter(item -> item.article() != null)
			.map(item -> item.article().id())
			.findFirst()
			.orElse(null);
		if (articleId == null) {
			String reason = report.items()
				.stream()
				.map(IntakeItem::error)
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse("The document holds no story.");
			return ImportOutcome.error(place, null, reason);
		}
		ImportOutcome.Status status = (report.created() > 0) ? ImportOutcome.Status.CREATED
				: (report.updated() > 0) ? ImportOutcome.Status.UPDATED : ImportOutcome.Status.DUPLICATE;
		return new ImportOutcome(place, status, articleId, null, null);
	}

	private List<BatchSave> save(List<Prepared> batch) {
		if (batch.isEmpty()) {
			return List.of();
		}
		return transactions.execute(status -> {
			List<BatchSave> saves = articles.createAll(batch.stream().map(Prepared::article).toList());
			Map<String, List<Long>> tagged = new LinkedHashMap<>();
			for (int i = 0; i < batch.size(); i++) {
				List<ArchivedMention> mentions = batch.get(i).mentions();
				if (saves.get(i).created() && mentions != null) {
					entities.restore(saves.get(i).articleId(), 0, mentions);
				}
				if (saves.get(i).created()) {
					long id = saves.get(i).articleId();
					batch.get(i).tags().forEach(tag -> tagged.computeIfAbsent(tag, name -> new ArrayList<>()).add(id));
					annotations.restore(id, batch.get(i).annotations());
				}
			}
			tagged.forEach(tags::tagAll);
			return saves;
		});
	}

	/** Counts outcomes as they come and keeps the first errors. */
	private static final class Tally {

		private final Consumer<ImportOutcome> outcomes;

		private final List<ImportOutcome> errorsShown = new ArrayList<>();

		long read;

		long created;

		long updated;

		long duplicates;

		long errors;

		Tally(Consumer<ImportOutcome> outcomes) {
			this.outcomes = outcomes;
		}

		void add(ImportOutcome outcome) {
			read++;
			switch (outcome.status()) {
				case CREATED -> created++;
				case UPDATED -> updated++;
				case DUPLICATE -> duplicates++;
				case ERROR -> {
					errors++;
					if (errorsShown.size() < ERRORS_KEPT) {
						errorsShown.add(outcome);
					}
				}
			}
			outcomes.accept(outcome);
		}

	}

}
