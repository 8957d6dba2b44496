package org.morgue.ner;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.morgue.system.CurrentActor;
import org.morgue.system.EditorialChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' decisions about entities. Each applies at once to every stored article
 * (mentions move in the database, and the articles they are in are re-indexed, without
 * running the tagger again) and to every later article (the extractor's output goes
 * through the same alias tables). Each decision is recorded with who made it and when,
 * and published as an {@link EditorialChange} (kinds {@code entity.renamed},
 * {@code entity.retyped}, {@code entity.merged}, {@code entity.split},
 * {@code entity.alias.added}, {@code entity.ignored}) naming the articles whose mentions
 * it touched.
 */
@Service
public class EntityCuration {

	private final EntityStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EntityCuration(EntityStore store, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Gives the entity a new name; the old one stays an alias, so searches for it still
	 * find it.
	 * @throws InvalidCurationException when the name is blank or belongs to another
	 * entity of the type (merge them instead)
	 */
	@Transactional
	public EntitySummary rename(long id, String name) {
		EntitySummary entity = existing(id);
		String newName = required("name", name);
		String key = NameKey.of(newName);
		store.aliasTarget(key, entity.type()).filter(other -> other != id).ifPresent(other -> {
			throw new InvalidCurationException("name",
					"'%s' is already the name of entity %d: merge the two instead.".formatted(newName, other));
		});
		store.rename(id, newName, clock.instant(), CurrentActor.name());
		store.putCuratedAlias(key, entity.type(), id, newName);
		record("RENAME", id, details("before", entity.name(), "after", newName));
		publish("entity.renamed", subject(entity), store.articlesMentioning(id), details("name", entity.name()),
				details("name", newName));
		return existing(id);
	}

	/**
	 * Changes the entity's type: later mentions of its names get it whatever the tagger
	 * says.
	 */
	@Transactional
	public EntitySummary retype(long id, EntityType type) {
		EntitySummary entity = existing(id);
		if (type == null) {
			throw new InvalidCurationException("type", "Give the type: PERSON, ORGANIZATION, LOCATION or MISC.");
		}
		if (type == entity.type()) {
			return entity;
		}
		store.retype(id, type, clock.instant(), CurrentActor.name());
		for (EntityStore.Alias alias : store.aliases(id)) {
			store.addAliasIfAbsent(alias.key(), type, id, alias.name(), true);
		}
		store.curateAliases(id);
		record("RETYPE", id, details("before", entity.type().name(), "after", type.name()));
		List<Long> touched = store.articlesMentioning(id);
		publish("entity.retyped", subject(entity), touched, details("type", entity.type().name()),
				details("type", type.name()));
		reindex(touched);
		return existing(id);
	}

	/**
	 * Merges one entity into another: its names become the other's aliases, its mentions
	 * the other's.
	 * @return the entity merged into
	 */
	@Transactional
	public EntitySummary merge(long fromId, long intoId) {
		if (fromId == intoId) {
			throw new InvalidCurationException("into", "An entity cannot be merged into itself.");
		}
		EntitySummary from = existing(fromId);
		EntitySummary into = existing(intoId);
		List<Long> touched = store.articlesMentioning(fromId);
		store.merge(fromId, intoId);
		store.recount(List.of(intoId));
		Map<String, Object> details = details("merged", from.name(), "mergedId", fromId, "into", into.name());
		details.put("entityIds", List.of(fromId, intoId));
		details.put("articles", touched.size());
		record("MERGE", intoId, details);
		publish("entity.merged", subject(from) + " into " + subject(into), touched,
				details("entityId", fromId, "name", from.name(), "type", from.type().name()),
				details("entityId", intoId, "name", into.name(), "type", into.type().name()));
		reindex(touched);
		return existing(intoId);
	}

	/**
	 * Splits a name off an entity into an entity of its own, with the mentions written
	 * so.
	 * @return the new entity
	 * @throws InvalidCurationException when the entity has no such alias, or it is the
	 * entity's own name
	 */
	@Transactional
	public EntitySummary splitAlias(long id, String alias) {
		EntitySummary entity = existing(id);
		String name = required("alias", alias);
		String key = NameKey.of(name);
		if (key.equals(NameKey.of(entity.name()))) {
			throw new InvalidCurationException("alias",
					"'%s' is the entity's own name: rename it instead.".formatted(name));
		}
		List<EntityStore.Alias> matching = store.aliases(id).stream().filter(a -> a.key().equals(key)).toList();
		if (matching.isEmpty()) {
			throw new InvalidCurationException("alias", "'%s' is not an alias of %s.".formatted(name, entity.name()));
		}
		long created = store.createEntity(matching.get(0).name(), entity.type(), clock.instant(), CurrentActor.name());
		for (EntityStore.Alias a : matching) {
			store.putCuratedAlias(a.key(), a.type(), created, a.name());
		}
		List<Long> touched = store.moveMentions(key, id, created);
		store.recount(List.of(id, created));
		Map<String, Object> details = details("alias", matching.get(0).name(), "from", entity.name(), "newEntityId",
				created);
		details.put("entityIds", List.of(id, created));
		details.put("articles", touched.size());
		record("SPLIT_ALIAS", id, details);
		publish("entity.split", "alias " + matching.get(0).name() + " of " + subject(entity), touched,
				details("entityId", id, "name", entity.name()),
				details("entityId", created, "name", matching.get(0).name()));
		reindex(touched);
		return existing(created);
	}

	/**
	 * Adds a name the entity is known by: mentions written so, stored and to come, become
	 * its own.
	 */
	@Transactional
	public EntitySummary addAlias(long id, String alias) {
		EntitySummary entity = existing(id);
		String name = required("alias", alias);
		String key = NameKey.of(name);
		if (key.isEmpty()) {
			throw new InvalidCurationException("alias", "An alias needs letters or digits.");
		}
		store.putCuratedAlias(key, entity.type(), id, name);
		List<Long> losing = store.entitiesWritten(key);
		List<Long> touched = store.moveMentions(key, null, id);
		List<Long> counted = new java.util.ArrayList<>(losing);
		counted.add(id);
		Map<String, Object> previous = details("alias", name, "entities", names(losing));
		store.recount(counted);
		Map<String, Object> details = details("alias", name, "articles", touched.size());
		record("ADD_ALIAS", id, details);
		publish("entity.alias.added", subject(entity), touched, previous,
				details("alias", name, "entities", List.of(entity.name())));
		reindex(touched);
		return existing(id);
	}

	/**
	 * Marks a name as not an entity: its mentions go from every article, and it is never
	 * extracted again.
	 * @return how many articles it was taken from
	 */
	@Transactional
	public int ignoreName(String name) {
		String text = required("name", name);
		String key = NameKey.of(text);
		if (key.isEmpty()) {
			throw new InvalidCurationException("name", "A name needs letters or digits.");
		}
		store.ignore(key, text, clock.instant(), CurrentActor.name());
		List<Long> losing = new java.util.ArrayList<>(store.entitiesWritten(key));
		losing.addAll(store.entitiesNamed(key));
		List<String> previous = names(losing);
		List<Long> touched = store.deleteMentionsNamed(key);
		store.recount(losing);
		Long entityId = store.entitiesNamed(key).stream().findFirst().orElse(null);
		record("IGNORE_NAME", entityId, details("name", text, "articles", touched.size()));
		publish("entity.ignored", "name " + text, touched, details("name", text, "entities", previous), null);
		reindex(touched);
		return touched.size();
	}

	private EntitySummary existing(long id) {
		return store.entity(id).orElseThrow(() -> new NamedEntityNotFoundException(id));
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidCurationException(field, "The %s cannot be empty.".formatted(field));
		}
		if (value.strip().length() > 200) {
			throw new InvalidCurationException(field, "The %s is longer than 200 characters.".formatted(field));
		}
		return value.strip();
	}

	private static Map<String, Object> details(Object... pairs) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			details.put((String) pairs[i], pairs[i + 1]);
		}
		return details;
	}

	private void record(String action, Long entityId, Map<String, Object> details) {
		store.record(action, entityId, details, clock.instant(), CurrentActor.name());
	}

	private void publish(String kind, String subject, List<Long> articleIds, Object before, Object after) {
		events.publishEvent(new EditorialChange(kind, subject, articleIds, before, after));
	}

	private static String subject(EntitySummary entity) {
		return "entity %d (%s)".formatted(entity.id(), entity.name());
	}

	private List<String> names(List<Long> entityIds) {
		Map<Long, EntitySummary> found = store.summaries(new java.util.LinkedHashSet<>(entityIds));
		return entityIds.stream().distinct().filter(found::containsKey).map(id -> found.get(id).name()).toList();
	}

	private void reindex(List<Long> articleIds) {
		if (!articleIds.isEmpty()) {
			events.publishEvent(new ArticleEntitiesChanged(articleIds));
		}
	}

}
