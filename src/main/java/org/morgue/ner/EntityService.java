package org.morgue.ner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the archive knows about entities: analysing a text on request, the entities and
 * mentions of articles, the entity index and entity pages, and finding entities by any of
 * their names.
 */
@Service
public class EntityService {

	/** The longest text {@link #analyze} takes, in UTF-16 code units. */
	public static final int MAX_ANALYZE_CHARS = 1_000_000;

	private final Supplier<EntityExtractor> extractor;

	private final EntityStore store;

	private final EntityAnalysis analysis;

	EntityService(Supplier<EntityExtractor> extractor, EntityStore store, EntityAnalysis analysis) {
		this.extractor = extractor;
		this.store = store;
		this.analysis = analysis;
	}

	/**
	 * Restores the mentions an export gave for an article just imported from it, in the
	 * caller's transaction, so that the article needs no analysis.
	 */
	@Transactional
	public void restore(long articleId, int articleVersion, List<ArchivedMention> mentions) {
		analysis.restore(articleId, articleVersion, mentions);
	}

	/**
	 * An entity found in a posted text; {@code canonical} is the archive's name for it
	 * when it knows one.
	 */
	public record Analyzed(String text, EntityType type, int start, int end, String canonical) {
	}

	/**
	 * Finds the entities of a text without storing anything. Names marked as not an
	 * entity are left out, and a name the archive knows gets the archive's canonical
	 * name.
	 * @throws InvalidCurationException when the text is empty or too long
	 */
	@Transactional(readOnly = true)
	public List<Analyzed> analyze(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidCurationException("text", "The text is empty: post the text to analyse as text/plain.");
		}
		if (text.length() > MAX_ANALYZE_CHARS) {
			throw new InvalidCurationException("text",
					"The text is longer than %,d characters: post it in parts.".formatted(MAX_ANALYZE_CHARS));
		}
		List<ExtractedEntity> found = extractor.get().extract(text);
		var ignored = store.ignoredAmong(found.stream()
			.flatMap(e -> java.util.stream.Stream.of(NameKey.of(e.text()), NameKey.of(e.canonical())))
			.toList());
		return found.stream()
			.filter(e -> !ignored.contains(NameKey.of(e.text())) && !ignored.contains(NameKey.of(e.canonical())))
			.map(e -> {
				String canonical = store.resolve(NameKey.of(e.canonical()), e.type())
					.flatMap(store::entity)
					.map(EntitySummary::name)
					.orElse(e.canonical());
				return new Analyzed(e.text(), e.type(), e.start(), e.end(), canonical);
			})
			.toList();
	}

	/**
	 * The entities of each of these articles, most mentioned first; articles without any
	 * are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<ArticleEntity>> entitiesOf(Collection<Long> articleIds) {
		return store.entitiesOf(articleIds);
	}

	/** The mentions in an article, by field and position. */
	@Transactional(readOnly = true)
	public List<EntityMention> mentionsOf(long articleId) {
		return store.mentionsOf(articleId);
	}

	/** The mentions of each of these articles; articles without any are left out. */
	@Transactional(readOnly = true)
	public Map<Long, List<EntityMention>> mentionsOf(Collection<Long> articleIds) {
		return store.mentionsOf(articleIds);
	}

	/** Whether the article has been analysed at this version by the current extractor. */
	@Transactional(readOnly = true)
	public boolean isAnalysed(long articleId, int articleVersion) {
		Integer analysed = store.analysedVersions(List.of(articleId), EntityAnalysis.EXTRACTOR_VERSION).get(articleId);
		return analysed != null && analysed == articleVersion;
	}

	/**
	 * For each of these articles analysed by the current extractor, the article version
	 * it analysed.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> analysedVersions(Collection<Long> articleIds) {
		return store.analysedVersions(articleIds, EntityAnalysis.EXTRACTOR_VERSION);
	}

	/**
	 * The entities of any of these types whose name contains the given text, most
	 * mentioned first or from A to Z. Only entities that some article mentions are
	 * listed.
	 * @param type the type, or {@code null} for all
	 * @param nameFilter text the name or an alias contains, or {@code null}
	 */
	@Transactional(readOnly = true)
	public List<EntitySummary> list(EntityType type, String nameFilter, EntitySort sort, int offset, int limit) {
		String filter = (nameFilter != null && !nameFilter.isBlank()) ? nameFilter.strip() : null;
		return store.list(type, filter, sort == EntitySort.NAME, offset, limit);
	}

	@Transactional(readOnly = true)
	public long count(EntityType type, String nameFilter) {
		String filter = (nameFilter != null && !nameFilter.isBlank()) ? nameFilter.strip() : null;
		return store.countListed(type, filter);
	}

	/** How the entity index is ordered. */
	public enum EntitySort {

		MENTIONED, NAME

	}

	/**
	 * @throws NamedEntityNotFoundException when there is no such entity
	 */
	@Transactional(readOnly = true)
	public EntityDetails get(long id) {
		EntitySummary entity = store.entity(id).orElseThrow(() -> new NamedEntityNotFoundException(id));
		String ownKey = NameKey.of(entity.name());
		List<String> aliases = store.aliases(id)
			.stream()
			.filter(alias -> !alias.key().equals(ownKey))
			.map(EntityStore.Alias::name)
			.distinct()
			.toList();
		return new EntityDetails(id, entity.name(), entity.type(), aliases, entity.articleCount());
	}

	/**
	 * The entities a name (own name or alias, in any case and with or without accents)
	 * stands for.
	 */
	@Transactional(readOnly = true)
	public List<Long> idsNamed(String name) {
		String key = NameKey.of(name);
		return key.isEmpty() ? List.of() : store.entitiesNamed(key);
	}

	/** Names and types of these entities (article counts are not filled in). */
	@Transactional(readOnly = true)
	public Map<Long, EntitySummary> summaries(Collection<Long> ids) {
		return store.summaries(ids);
	}

	/** The curation decisions on an entity (or all, for {@code null}), newest first. */
	@Transactional(readOnly = true)
	public List<CurationDecision> decisions(Long entityId, int limit) {
		return store.decisions(entityId, limit);
	}

}
