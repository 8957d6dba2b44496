package org.morgue.ner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.system.CurrentActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses an article: runs the extractor over its title and body, adds its dateline
 * place, and stores the mentions against the archive's entities, where curated names win
 * and names marked as not an entity are dropped. The tagger runs outside any transaction;
 * storing is one transaction that also publishes {@link ArticleEntitiesChanged}, so the
 * index follows.
 */
@Component
class EntityAnalysis {

	/**
	 * Raise when the extractor changes what it finds: every article is then analysed
	 * again.
	 */
	static final int EXTRACTOR_VERSION = 1;

	static final String TITLE = "TITLE";

	static final String BODY = "BODY";

	static final String DATELINE = "DATELINE";

	/**
	 * Between title and body in the text the extractor sees, so that a name never spans
	 * both.
	 */
	private static final String TITLE_BREAK = "\n\n";

	private final Supplier<EntityExtractor> extractor;

	private final EntityStore store;

	private final ArticleService articles;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EntityAnalysis(Supplier<EntityExtractor> extractor, EntityStore store, ArticleService articles,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Optional<Clock> clock) {
		this.extractor = extractor;
		this.store = store;
		this.articles = articles;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Loads the extractor's models, if that has not happened yet. */
	void warmUp() {
		extractor.get();
	}

	/**
	 * Analyses the article as it is now.
	 * @return whether it was analysed (false when it no longer exists)
	 */
	boolean analyse(long articleId) {
		List<ArticleContent> content = articles.contents(List.of(articleId));
		if (content.isEmpty()) {
			return false;
		}
		ArticleContent article = content.get(0);
		List<Found> found = find(article);
		transactions.executeWithoutResult(status -> {
			store.lockArticle(articleId);
			store.replaceMentions(articleId, resolve(found));
			store.markAnalysed(articleId, article.version(), EXTRACTOR_VERSION, clock.instant());
			events.publishEvent(new ArticleEntitiesChanged(List.of(articleId)));
		});
		return true;
	}

	/**
	 * Puts back the mentions an export of the archive gave for a restored article, tying
	 * them to entities by name as an analysis would, and marks the article analysed. Runs
	 * in the caller's transaction: the article and its entities are stored together or
	 * not at all.
	 */
	void restore(long articleId, int articleVersion, List<ArchivedMention> mentions) {
		List<Found> found = mentions.stream()
			.map(m -> new Found(m.field(), m.start(), m.end(), m.surface(), m.type(), m.name()))
			.toList();
		store.replaceMentions(articleId, resolve(found));
		store.markAnalysed(articleId, articleVersion, EXTRACTOR_VERSION, clock.instant());
	}

	/** A mention as found, before it is tied to an entity. */
	record Found(String field, int start, int end, String surface, EntityType type, String canonical) {

		String surfaceKey() {
			return NameKey.of(surface);
		}

		String canonicalKey() {
			String key = NameKey.of(canonical);
			return key.isEmpty() ? surfaceKey() : key;
		}

	}

	private List<Found> find(ArticleContent article) {
		List<Found> found = new ArrayList<>();
		String title = article.title();
		String text = title + TITLE_BREAK + article.body();
		int bodyStart = title.length() + TITLE_BREAK.length();
		for (ExtractedEntity entity : extractor.get().extract(text)) {
			if (entity.end() <= title.length()) {
				found.add(new Found(TITLE, entity.start(), entity.end(), entity.text(), entity.type(),
						entity.canonical()));
			}
			else if (entity.start() >= bodyStart) {
				found.add(new Found(BODY, entity.start() - bodyStart, entity.end() - bodyStart, entity.text(),
						entity.type(), entity.canonical()));
			}
		}
		String place = article.datelinePlace();
		if (place != null && !place.isBlank()) {
			String trimmed = place.strip();
			int start = place.indexOf(trimmed);
			found.add(new Found(DATELINE, start, start + trimmed.length(), trimmed, EntityType.LOCATION,
					canonicalPlace(found, trimmed)));
		}
		return found;
	}

	/**
	 * The dateline place as the story itself names it in full, if it does (not in
	 * capitals: a dateline repeated in the body is written {@code YANGON}, and the place
	 * is Yangon).
	 */
	private static String canonicalPlace(List<Found> found, String place) {
		String key = NameKey.of(place);
		return found.stream()
			.filter(f -> f.type() == EntityType.LOCATION && f.surfaceKey().equals(key))
			.map(Found::canonical)
			.filter(name -> !allCapitals(name))
			.findFirst()
			.orElse(place);
	}

	/**
	 * Written in capitals only, as datelines and shouted headlines are (and acronyms).
	 */
	static boolean allCapitals(String name) {
		return name.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
	}

	/**
	 * Ties each mention to an entity, creating the entities the archive does not know
	 * yet.
	 */
	private List<EntityStore.NewMention> resolve(List<Found> found) {
		Set<String> keys = new HashSet<>();
		found.forEach(f -> {
			keys.add(f.surfaceKey());
			keys.add(f.canonicalKey());
		});
		Set<String> ignored = store.ignoredAmong(keys);
		List<Found> kept = found.stream()
			.filter(f -> !f.surfaceKey().isEmpty())
			.filter(f -> !ignored.contains(f.surfaceKey()) && !ignored.contains(f.canonicalKey()))
			.toList();

		Map<NameAndType, Long> entities = new HashMap<>();
		// Known names first; new ones are created in key order, so concurrent analyses
		// lock alike.
		TreeSet<NameAndType> unknown = new TreeSet<>(
				Comparator.comparing(NameAndType::key).thenComparing(NameAndType::type));
		Map<NameAndType, List<Found>> groups = new java.util.LinkedHashMap<>();
		kept.forEach(f -> groups.computeIfAbsent(new NameAndType(f.canonicalKey(), f.type()), n -> new ArrayList<>())
			.add(f));
		groups.forEach((name, group) -> {
			Optional<Long> known = store.resolve(name.key(), name.type());
			if (known.isEmpty()) {
				// The archive may know the name by another way of writing it here: an
				// acronym the
				// story spells out (ASEAN), known from stories that did not.
				known = group.stream()
					.filter(f -> isName(f.surface()) && !f.surfaceKey().equals(name.key()))
					.map(f -> store.resolve(f.surfaceKey(), name.type()))
					.flatMap(Optional::stream)
					.findFirst();
				known.ifPresent(
						id -> store.addAliasIfAbsent(name.key(), name.type(), id, group.get(0).canonical(), false));
			}
			known.ifPresentOrElse(id -> entities.put(name, id), () -> unknown.add(name));
		});
		String actor = CurrentActor.name();
		for (NameAndType name : unknown) {
			store.lock(name.key(), name.type());
			long id = store.resolve(name.key(), name.type()).orElseGet(() -> {
				// A new entity is named as the story writes it in ordinary case where it
				// does: the
				// Yangon of the dateline rather than the YANGON of copy pasted with its
				// dateline.
				List<String> names = kept.stream()
					.filter(f -> f.canonicalKey().equals(name.key()) && f.type() == name.type())
					.map(Found::canonical)
					.toList();
				String canonical = names.stream().filter(n -> !allCapitals(n)).findFirst().orElse(names.get(0));
				long created = store.createEntity(canonical, name.type(), clock.instant(), actor);
				store.addAliasIfAbsent(name.key(), name.type(), created, canonical, false);
				return created;
			});
			entities.put(name, id);
		}

		List<EntityStore.NewMention> mentions = new ArrayList<>();
		for (Found f : kept) {
			long entityId = entities.get(new NameAndType(f.canonicalKey(), f.type()));
			if (isName(f.surface()) && !f.surfaceKey().equals(f.canonicalKey())) {
				store.addAliasIfAbsent(f.surfaceKey(), f.type(), entityId, f.surface(), false);
			}
			mentions
				.add(new EntityStore.NewMention(entityId, f.field(), f.start(), f.end(), f.surface(), f.surfaceKey()));
		}
		return mentions;
	}

	/**
	 * Whether a way of writing a name stands for the same entity anywhere in the archive:
	 * an acronym ({@code NLD}) or a name of several words. A single word that shortens a
	 * name within one story ({@code Lavrov}) may mean someone else in another.
	 */
	static boolean isName(String surface) {
		String trimmed = surface.strip();
		if (trimmed.codePoints().filter(Character::isLetter).count() >= 2
				&& trimmed.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
			return true;
		}
		return trimmed.split("\\s+").length > 1;
	}

	private record NameAndType(String key, EntityType type) {
	}

}
