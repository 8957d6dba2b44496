package org.morgue.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;
import org.morgue.system.Workers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Stores articles and their sources. Every change publishes {@link ArticleSaved} or
 * {@link ArticleDeleted} in its transaction, so the modules that follow articles (the
 * index, entity extraction) catch up after commit, and again after a crash.
 */
@Service
public class ArticleService {

	private final ArticleRepository articles;

	private final SourceRepository sources;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ArticleCounts counts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Workers workers;

	ArticleService(ArticleRepository articles, SourceRepository sources, ArticleCounts counts, JdbcClient jdbc,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Workers workers,
			Optional<Clock> clock) {
		this.articles = articles;
		this.workers = workers;
		this.sources = sources;
		this.counts = counts;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Stores the article unless the same copy (the same normalised body) is already in
	 * the archive, in which case that article is returned and nothing is stored.
	 * @throws InvalidArticleException when the title or body is blank
	 */
	public SavedArticle create(NewArticle article) {
		check(article);
		String hash = ArticleText.contentHash(ArticleText.join(article.paragraphs()));
		Optional<SavedArticle> existing = findExisting(hash);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			return transactions.execute(status -> {
				Article stored = articles
					.saveAndFlush(new Article(article, source(article.metadata().source()), Instant.now(clock)));
				counts.add(stored.countKey());
				events.publishEvent(new ArticleSaved(stored.getId()));
				return new SavedArticle(stored.toDetails(), true);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// The same copy was saved concurrently and won the unique content hash.
			return findExisting(hash).orElseThrow(() -> ex);
		}
	}

	/**
	 * Checks what {@link #create} and {@link #createAll} check, without storing anything.
	 * @throws InvalidArticleException when the title or body is blank, or a field is
	 * longer than {@link ArticleLimits} allows
	 */
	public static void check(NewArticle article) {
		requireText("title", article.metadata().title(), "A title is required.");
		ArticleLimits.check(article.metadata());
		ArticleLimits.check("signOff", article.signOff(), ArticleLimits.SIGN_OFF);
		ArticleLimits.noNul("body", article.rawText());
		article.paragraphs().forEach(paragraph -> ArticleLimits.noNul("body", paragraph.text()));
		if (article.paragraphs().stream().noneMatch(p -> StringUtils.hasText(p.text()))) {
			throw new InvalidArticleException("body", "The body is empty: there is no text to store.");
		}
	}

	/**
	 * Stores a batch of articles in one transaction (or in the caller's), each unless the
	 * same copy is already in the archive or earlier in the batch, and publishes one
	 * {@link ArticlesImported} for those stored. Articles restored from an export keep
	 * their provenance.
	 * @return for each article, in order, its id and whether it was stored now
	 * @throws InvalidArticleException when an article is invalid (check them first with
	 * {@link #check})
	 * @throws DataIntegrityViolationException when the same copy was stored concurrently:
	 * nothing of the batch is stored then, and the caller may store its articles one by
	 * one
	 */
	public List<BatchSave> createAll(List<NewArticle> batch) {
		batch.forEach(ArticleService::check);
		return transactions.execute(status -> {
			// The costly part of each article, on the bulk threads: its body, hash and
			// word count.
			List<BodyFacts> facts = workers.map(batch, BodyFacts::of).join();
			List<String> hashes = facts.stream().map(BodyFacts::hash).toList();
			Map<String, Long> stored = new HashMap<>();
			articles.findIdsByContentHashIn(Set.copyOf(hashes)).forEach(row -> stored.put(row.hash(), row.id()));
			Map<String, Source> sourcesByName = new HashMap<>();
			Instant now = Instant.now(clock);
			List<Article> created = new ArrayList<>();
			Article[] createdHere = new Article[batch.size()];
			Map<String, Article> inBatch = new HashMap<>();
			for (int i = 0; i < batch.size(); i++) {
				NewArticle article = batch.get(i);
				String hash = hashes.get(i);
				if (stored.containsKey(hash) || inBatch.containsKey(hash)) {
					continue;
				}
				String sourceName = article.metadata().source();
				Source source = StringUtils.hasText(sourceName) ? sourcesByName
					.computeIfAbsent(sourceName.strip().toLowerCase(Locale.ROOT), key -> source(sourceName)) : null;
				ArticleProvenance provenance = article.provenance();
				BodyFacts body = facts.get(i);
				Article entity = new Article(article, source, (provenance != null) ? provenance.ingestedAt() : now,
						body.body(), body.hash(), body.wordCount());
				inBatch.put(hash, entity);
				created.add(entity);
				createdHere[i] = entity;
			}
			articles.saveAll(created);
			articles.flush();
			Map<ArticleCounts.Key, Integer> added = new HashMap<>();
			created.forEach(entity -> added.merge(entity.countKey(), 1, Integer::sum));
			counts.change(added);
			for (int i = 0; i < batch.size(); i++) {
				ArticleProvenance provenance = batch.get(i).provenance();
				if (createdHere[i] != null && provenance != null) {
					articles.restoreProvenance(createdHere[i].getId(), provenance.createdBy(), provenance.createdAt(),
							provenance.updatedBy(), provenance.updatedAt());
				}
			}
			if (!created.isEmpty()) {
				events.publishEvent(new ArticlesImported(created.stream().map(Article::getId).toList()));
			}
			List<BatchSave> outcomes = new ArrayList<>(batch.size());
			for (int i = 0; i < batch.size(); i++) {
				String hash = hashes.get(i);
				outcomes.add(stored.containsKey(hash) ? new BatchSave(stored.get(hash), false)
						: new BatchSave(inBatch.get(hash).getId(), createdHere[i] != null));
			}
			return outcomes;
		});
	}

	private record BodyFacts(String body, String hash, int wordCount) {

		static BodyFacts of(NewArticle article) {
			String body = ArticleText.join(article.paragraphs());
			return new BodyFacts(body, ArticleText.contentHash(body), ArticleText.wordCount(body));
		}

	}

	/**
	 * The article, unless the caller only reads and readers do not see it (withheld,
	 * withdrawn or under embargo): to a reader it is not there.
	 */
	@Transactional(readOnly = true)
	public Optional<ArticleDetails> find(long id) {
		return articles.findById(id).map(Article::toDetails).filter(this::shownToCaller);
	}

	/**
	 * @throws ArticleNotFoundException when there is no such article, or the caller only
	 * reads and readers do not see it
	 */
	@Transactional(readOnly = true)
	public ArticleDetails get(long id) {
		return find(id).orElseThrow(() -> new ArticleNotFoundException(id));
	}

	/**
	 * The copy exactly as it was received.
	 * @throws ArticleNotFoundException when there is no such article
	 */
	@Transactional(readOnly = true)
	public String rawText(long id) {
		if (CurrentActor.readsOnly()) {
			get(id);
		}
		return articles.findRawTextById(id).orElseThrow(() -> new ArticleNotFoundException(id));
	}

	/**
	 * The content of these articles, in the order of the ids; ids of articles that no
	 * longer exist are left out.
	 */
	public List<ArticleContent> contents(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		// One statement, outside a transaction of its own: a search reads a page's texts
		// on every request, and a read-only transaction around one select costs round
		// trips (read-only on, begin, commit, read-only off) longer than the select.
		List<ArticleContent> found = jdbc.sql("""
				select a.id, a.version, a.title, a.body, a.byline, s.name, a.dateline_place_display, a.dateline_text,
				    a.published_date, a.published_time, a.ingested_at, a.visibility, a.embargoed_until
				from article a left join source s on s.id = a.source_id
				where a.id = any(:ids)""").param("ids", ids.toArray(Long[]::new)).query((rs, row) -> {
			return new ArticleContent(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
					rs.getObject(10, LocalTime.class), instant(rs, 11),
					ArticleVisibility.State.valueOf(rs.getString(12)), instant(rs, 13));
		}).list();
		return inOrder(ids, found, ArticleContent::id);
	}

	/**
	 * Several articles in full, in the order of the ids; ids of articles that no longer
	 * exist are left out.
	 */
	@Transactional(readOnly = true)
	public List<ArticleDetails> details(List<Long> ids) {
		return ids.isEmpty() ? List.of()
				: inOrder(ids, articles.findAllById(ids).stream().map(Article::toDetails).toList(), ArticleDetails::id);
	}

	/** The copy as received of each of these articles. */
	@Transactional(readOnly = true)
	public Map<Long, String> rawTexts(Collection<Long> ids) {
		Map<Long, String> texts = new HashMap<>();
		if (!ids.isEmpty()) {
			articles.findRawTextsByIdIn(ids).forEach(row -> texts.put((Long) row[0], (String) row[1]));
		}
		return texts;
	}

	/**
	 * The content of up to {@code limit} articles with ids above {@code afterId}, in id
	 * order.
	 */
	@Transactional(readOnly = true)
	public List<ArticleContent> contentsAfter(long afterId, int limit) {
		return articles.findContentAfter(afterId, Limit.of(limit));
	}

	/** Whether there is an article with this id. */
	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return articles.existsById(id);
	}

	/**
	 * Those of these ids that are articles', each once, in the order given: ids of
	 * articles that no longer exist (or never did) are left out. In the caller's
	 * transaction, if there is one.
	 */
	@Transactional(readOnly = true)
	public List<Long> existing(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Set<Long> found = Set.copyOf(jdbc.sql("select id from article where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
		return ids.stream().distinct().filter(found::contains).toList();
	}

	/**
	 * A page of these articles, newest first: by publication date and time (unknown dates
	 * last), then by id, highest first. Ids of articles that no longer exist are left
	 * out. For other modules' lists of articles (a tag's), however many ids they hold.
	 */
	@Transactional(readOnly = true)
	public List<Long> newestFirst(Collection<Long> ids, int offset, int limit) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id from article where id = any(:ids)
				order by published_date desc nulls last, published_time desc nulls last, id desc
				offset :offset limit :limit""")
			.param("ids", ids.toArray(Long[]::new))
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Ids and versions of up to {@code limit} articles with ids above {@code afterId}, in
	 * id order.
	 */
	@Transactional(readOnly = true)
	public List<ArticleVersion> versionsAfter(long afterId, int limit) {
		return articles.findVersionsAfter(afterId, Limit.of(limit));
	}

	/** How many articles the archive holds. */
	@Transactional(readOnly = true)
	public long count() {
		return articles.count();
	}

	/**
	 * Summaries of these articles, in the order of the ids (a ranking from elsewhere);
	 * ids of articles that no longer exist, and for a caller who only reads those readers
	 * do not see, are left out.
	 */
	public List<ArticleSummary> summaries(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		// One statement without a transaction of its own, as for contents: every page of
		// search results reads these.
		boolean readerOnly = CurrentActor.readsOnly();
		List<ArticleSummary> rows = jdbc.sql("""
				select a.id, a.title, a.title_derived, a.byline, s.name, a.dateline_place_display, a.published_date,
				    a.ingested_at, a.word_count
				from article a left join source s on s.id = a.source_id
				where a.id = any(:ids)""" + (readerOnly ? ArticleCalendar.SEEN_BY_READERS : ""))
			.param("ids", ids.toArray(Long[]::new))
			.params(readerOnly ? Map.of("now", Timestamp.from(Instant.now(clock))) : Map.of())
			.query((rs, row) -> new ArticleSummary(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), instant(rs, 8), rs.getInt(9)))
			.list();
		return inOrder(ids, rows, ArticleSummary::id);
	}

	/**
	 * Changes who sees the article (a story withheld, withdrawn or embargoed by its
	 * provider, or usable again): a new version of the article, so that the index
	 * follows, recorded in the history.
	 * @throws ArticleNotFoundException when there is no such article
	 */
	public ArticleDetails changeVisibility(long id, ArticleVisibility visibility) {
		return transactions.execute(status -> {
			Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
			ArticleVisibility before = article.visibility();
			if (before.equals(visibility)) {
				return article.toDetails();
			}
			article.changeVisibility(visibility);
			articles.flush();
			if (hidden(before) != hidden(visibility)) {
				counts.hide(article.countKey(), hidden(visibility));
			}
			events.publishEvent(EditorialChange.ofArticle("article.visibility", "visibility", id, before, visibility));
			events.publishEvent(new ArticleSaved(id));
			return article.toDetails();
		});
	}

	/**
	 * Whether the counts for browsing hold the article as hidden from readers: withheld
	 * or withdrawn. An embargo is left to the readers' counts, as it ends by itself.
	 */
	private static boolean hidden(ArticleVisibility visibility) {
		return visibility.state() != ArticleVisibility.State.VISIBLE;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private boolean shownToCaller(ArticleDetails article) {
		return !CurrentActor.readsOnly() || article.visibility().visibleAt(Instant.now(clock));
	}

	/**
	 * Replaces the article's metadata, provided nobody changed the article since the
	 * version the editor worked on.
	 * @throws ArticleNotFoundException when there is no such article
	 * @throws ArticleVersionConflictException when the article is no longer at that
	 * version
	 * @throws InvalidArticleException when the title is blank
	 */
	public ArticleDetails correct(long id, int expectedVersion, ArticleMetadata metadata) {
		return correct(id, expectedVersion, metadata, null);
	}

	/**
	 * Replaces the article's text (its cleaned body: paragraphs and subheads), provided
	 * nobody changed the article since the version the editor worked on.
	 * @see #correct(long, int, ArticleMetadata, List)
	 */
	public ArticleDetails correctText(long id, int expectedVersion, List<ArticleParagraph> paragraphs) {
		return correct(id, expectedVersion, null, paragraphs);
	}

	/**
	 * Corrects the article's metadata, its text, or both in one transaction, provided
	 * nobody changed the article since the version the editor worked on. The copy as
	 * received is kept as it was. A text correction publishes
	 * {@link ArticleTextCorrected} in the transaction, so what points into the text
	 * (notes) moves with it; every change publishes {@link ArticleSaved}, so the index
	 * and the entities follow after commit, and an {@link EditorialChange} for the
	 * history.
	 * @param metadata the new metadata, or {@code null} to keep it
	 * @param paragraphs the new text, or {@code null} to keep it
	 * @throws ArticleNotFoundException when there is no such article
	 * @throws ArticleVersionConflictException when the article is no longer at that
	 * version
	 * @throws InvalidArticleException when the title or the text is blank
	 * @throws DuplicateArticleTextException when another article has exactly this text
	 */
	public ArticleDetails correct(long id, int expectedVersion, ArticleMetadata metadata,
			List<ArticleParagraph> paragraphs) {
		if (metadata != null) {
			requireText("title", metadata.title(), "The title cannot be empty.");
			ArticleLimits.check(metadata);
		}
		String newBody = null;
		if (paragraphs != null) {
			if (paragraphs.stream().noneMatch(p -> StringUtils.hasText(p.text()))) {
				throw new InvalidArticleException("body", "The text cannot be empty.");
			}
			paragraphs.forEach(paragraph -> ArticleLimits.noNul("body", paragraph.text()));
			newBody = ArticleText.join(paragraphs);
			String hash = ArticleText.contentHash(newBody);
			Optional<Long> twin = transactions
				.execute(status -> articles.findByContentHash(hash).map(Article::getId).filter(other -> other != id));
			if (twin.isPresent()) {
				throw new DuplicateArticleTextException(id, twin.get());
			}
		}
		String body = newBody;
		try {
			return transactions.execute(status -> {
				Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
				if (article.getVersion() != expectedVersion) {
					throw new ArticleVersionConflictException(id, expectedVersion, article.getVersion());
				}
				ArticleDetails before = article.toDetails();
				ArticleCounts.Key countedUnder = article.countKey();
				if (metadata != null) {
					article.correct(metadata, source(metadata.source()));
				}
				boolean textChanged = paragraphs != null && !before.paragraphs().equals(paragraphs);
				if (textChanged) {
					article.correctText(paragraphs);
				}
				articles.flush();
				counts.move(countedUnder, article.countKey(), hidden(article.visibility()));
				ArticleDetails after = article.toDetails();
				if (!after.metadata().equals(before.metadata())) {
					events.publishEvent(EditorialChange.ofArticle("article.metadata", "metadata", id, before.metadata(),
							after.metadata()));
				}
				if (textChanged) {
					if (!before.body().equals(body)) {
						events.publishEvent(new ArticleTextCorrected(id, before.body(), body));
					}
					events.publishEvent(EditorialChange.ofArticle("article.text", "text", id,
							ArticleText.editable(before.paragraphs()), ArticleText.editable(paragraphs)));
				}
				events.publishEvent(new ArticleSaved(id));
				return after;
			});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			int current = find(id).map(ArticleDetails::version).orElseThrow(() -> new ArticleNotFoundException(id));
			throw new ArticleVersionConflictException(id, expectedVersion, current);
		}
		catch (DataIntegrityViolationException ex) {
			if (body == null) {
				throw ex;
			}
			// The same text was stored concurrently as another article.
			String hash = ArticleText.contentHash(body);
			Long other = transactions
				.execute(status -> articles.findByContentHash(hash).map(Article::getId).orElse(null));
			if (other == null) {
				throw ex;
			}
			throw new DuplicateArticleTextException(id, other);
		}
	}

	/**
	 * Deletes the article, and with it (on delete cascade) what other modules keep about
	 * it. Publishes {@link ArticleDeleted} in the transaction before the article's row
	 * goes, so a module that keeps figures about its rows (entity counts) can adjust them
	 * in the same transaction.
	 * @throws ArticleNotFoundException when there is no such article
	 */
	@Transactional
	public void delete(long id) {
		Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
		ArticleDetails before = article.toDetails();
		events.publishEvent(new ArticleDeleted(id));
		// The counts for browsing go down in the database (a trigger), however an article
		// is deleted.
		articles.delete(article);
		articles.flush();
		events.publishEvent(EditorialChange.ofArticle("article.deleted", before.title(), id, before.metadata(), null));
	}

	private static <T> List<T> inOrder(List<Long> ids, List<T> rows, ToLongFunction<T> id) {
		Map<Long, T> byId = new HashMap<>();
		rows.forEach(row -> byId.put(id.applyAsLong(row), row));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private Optional<SavedArticle> findExisting(String contentHash) {
		return transactions.execute(
				status -> articles.findByContentHash(contentHash).map(a -> new SavedArticle(a.toDetails(), false)));
	}

	private Source source(String name) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		String trimmed = name.strip();
		sources.insertIfAbsent(trimmed);
		return sources.findByName(trimmed).orElseThrow();
	}

	private static void requireText(String field, String value, String message) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidArticleException(field, message);
		}
	}

}
