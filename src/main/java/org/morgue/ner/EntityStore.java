package org.morgue.ner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entity tables in SQL: entities, their aliases, ignored names, mentions, the record
 * of which article versions were analysed, and curation decisions. Callers hold the
 * transaction.
 */
@Repository
class EntityStore {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	EntityStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = JsonMapper.builder().build();
	}

	// aliases and entities

	/**
	 * The entity a name key leads to: a curated alias of any type first, else the
	 * tagger's type.
	 */
	Optional<Long> resolve(String key, EntityType type) {
		return jdbc.sql("""
				select entity_id from entity_alias where name_key = :key and (curated or type = :type)
				order by curated desc, (type = :type) desc limit 1""")
			.param("key", key)
			.param("type", type.name())
			.query(Long.class)
			.optional();
	}

	/** Serialises creating the entity of this key and type among concurrent analyses. */
	void lock(String key, EntityType type) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", "entity:" + type.name() + ":" + key)
			.query((rs, row) -> 1)
			.list();
	}

	long createEntity(String name, EntityType type, Instant now, String actor) {
		return jdbc.sql("""
				insert into entity (name, type, created_at, updated_at, updated_by)
				values (:name, :type, :now, :now, :actor) returning id""")
			.param("name", name)
			.param("type", type.name())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	/** Adds the alias unless the key and type already lead somewhere. */
	void addAliasIfAbsent(String key, EntityType type, long entityId, String name, boolean curated) {
		jdbc.sql("""
				insert into entity_alias (name_key, type, entity_id, name, curated)
				values (:key, :type, :entity, :name, :curated) on conflict do nothing""")
			.param("key", key)
			.param("type", type.name())
			.param("entity", entityId)
			.param("name", name)
			.param("curated", curated)
			.update();
	}

	/**
	 * Points the alias at the entity (a curated decision), whichever entity it led to
	 * before.
	 */
	void putCuratedAlias(String key, EntityType type, long entityId, String name) {
		jdbc.sql("""
				insert into entity_alias (name_key, type, entity_id, name, curated)
				values (:key, :type, :entity, :name, true)
				on conflict (name_key, type) do update set entity_id = excluded.entity_id, curated = true""")
			.param("key", key)
			.param("type", type.name())
			.param("entity", entityId)
			.param("name", name)
			.update();
	}

	Optional<EntitySummary> entity(long id) {
		return jdbc.sql("""
				select e.id, e.name, e.type, e.article_count from entity e where e.id = :id""")
			.param("id", id)
			.query((rs, row) -> new EntitySummary(rs.getLong(1), rs.getString(2), EntityType.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.optional();
	}

	/** The entity with this key and type by its alias, if any. */
	Optional<Long> aliasTarget(String key, EntityType type) {
		return jdbc.sql("select entity_id from entity_alias where name_key = :key and type = :type")
			.param("key", key)
			.param("type", type.name())
			.query(Long.class)
			.optional();
	}

	/**
	 * Entities any of whose names (own or alias) has this key, curated or not, of any
	 * type.
	 */
	List<Long> entitiesNamed(String key) {
		return jdbc.sql("select distinct entity_id from entity_alias where name_key = :key order by entity_id")
			.param("key", key)
			.query(Long.class)
			.list();
	}

	/** The aliases of an entity: key, type and name as first written. */
	List<Alias> aliases(long entityId) {
		return jdbc.sql("select name_key, type, name, curated from entity_alias where entity_id = :id order by name")
			.param("id", entityId)
			.query((rs, row) -> new Alias(rs.getString(1), EntityType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getBoolean(4)))
			.list();
	}

	record Alias(String key, EntityType type, String name, boolean curated) {
	}

	void rename(long id, String name, Instant now, String actor) {
		jdbc.sql("update entity set name = :name, updated_at = :now, updated_by = :actor where id = :id")
			.param("name", name)
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("id", id)
			.update();
	}

	void retype(long id, EntityType type, Instant now, String actor) {
		jdbc.sql("update entity set type = :type, updated_at = :now, updated_by = :actor where id = :id")
			.param("type", type.name())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("id", id)
			.update();
	}

	/**
	 * Marks every alias of the entity as an editor's decision, so it wins over the
	 * tagger's type.
	 */
	void curateAliases(long entityId) {
		jdbc.sql("update entity_alias set curated = true where entity_id = :id").param("id", entityId).update();
	}

	/** Moves aliases and mentions of one entity to another and deletes the first. */
	void merge(long fromId, long intoId) {
		jdbc.sql("update entity_alias set entity_id = :into, curated = true where entity_id = :from")
			.param("into", intoId)
			.param("from", fromId)
			.update();
		jdbc.sql("update mention set entity_id = :into where entity_id = :from")
			.param("into", intoId)
			.param("from", fromId)
			.update();
		jdbc.sql("delete from entity where id = :from").param("from", fromId).update();
	}

	/**
	 * Moves the mentions written with this key to the entity; answers the articles they
	 * are in.
	 */
	List<Long> moveMentions(String surfaceKey, Long fromEntity, long toEntity) {
		return jdbc.sql("""
				update mention set entity_id = :to where surface_key = :key and entity_id <> :to
				and (cast(:from as bigint) is null or entity_id = :from)
				returning article_id""")
			.param("to", toEntity)
			.param("key", surfaceKey)
			.param("from", fromEntity)
			.query(Long.class)
			.list()
			.stream()
			.distinct()
			.toList();
	}

	// ignored names

	Set<String> ignoredAmong(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select name_key from ignored_name where name_key in (:keys)")
			.param("keys", keys)
			.query(String.class)
			.list());
	}

	void ignore(String key, String name, Instant now, String actor) {
		jdbc.sql("""
				insert into ignored_name (name_key, name, decided_at, decided_by) values (:key, :name, :now, :actor)
				on conflict do nothing""")
			.param("key", key)
			.param("name", name)
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
	}

	/**
	 * Deletes the mentions written with this key or standing for an entity named so;
	 * answers their articles.
	 */
	List<Long> deleteMentionsNamed(String key) {
		return jdbc.sql("""
				delete from mention where surface_key = :key
				or entity_id in (select entity_id from entity_alias where name_key = :key)
				returning article_id""").param("key", key).query(Long.class).list().stream().distinct().toList();
	}

	// mentions and analyses

	void lockArticle(long articleId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", "article:" + articleId)
			.query((rs, row) -> 1)
			.list();
	}

	record NewMention(long entityId, String field, int start, int end, String surface, String surfaceKey) {
	}

	/**
	 * Replaces the article's mentions and keeps the article counts of the entities
	 * concerned.
	 */
	void replaceMentions(long articleId, List<NewMention> mentions) {
		Set<Long> before = new HashSet<>(jdbc.sql("select distinct entity_id from mention where article_id = :id")
			.param("id", articleId)
			.query(Long.class)
			.list());
		Set<Long> after = new HashSet<>();
		mentions.forEach(mention -> after.add(mention.entityId()));
		Set<Long> gone = new HashSet<>(before);
		gone.removeAll(after);
		Set<Long> added = new HashSet<>(after);
		added.removeAll(before);
		adjustCounts(gone, -1);
		adjustCounts(added, 1);
		jdbc.sql("delete from mention where article_id = :id").param("id", articleId).update();
		template.batchUpdate("""
				insert into mention (article_id, entity_id, field, start_offset, end_offset, surface, surface_key)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", mentions, 500, (ps, mention) -> {
			ps.setLong(1, articleId);
			ps.setLong(2, mention.entityId());
			ps.setString(3, mention.field());
			ps.setInt(4, mention.start());
			ps.setInt(5, mention.end());
			ps.setString(6, mention.surface());
			ps.setString(7, mention.surfaceKey());
		});
	}

	private void adjustCounts(Collection<Long> entityIds, int by) {
		if (!entityIds.isEmpty()) {
			jdbc.sql("update entity set article_count = article_count + :by where id in (:ids)")
				.param("by", by)
				.param("ids", entityIds)
				.update();
		}
	}

	/**
	 * Counts one article fewer for each entity the article mentions: for an article about
	 * to be deleted, whose mentions go with it.
	 */
	void uncountArticle(long articleId) {
		jdbc.sql("""
				update entity set article_count = article_count - 1
				where id in (select distinct entity_id from mention where article_id = :id)""")
			.param("id", articleId)
			.update();
	}

	/**
	 * Counts again the articles that mention these entities, after curation moved
	 * mentions.
	 */
	void recount(Collection<Long> entityIds) {
		if (!entityIds.isEmpty()) {
			jdbc.sql("""
					update entity e set article_count =
					(select count(distinct m.article_id) from mention m where m.entity_id = e.id)
					where e.id in (:ids)""").param("ids", entityIds).update();
		}
	}

	/** The entities whose mentions are written with this key. */
	List<Long> entitiesWritten(String surfaceKey) {
		return jdbc.sql("select distinct entity_id from mention where surface_key = :key")
			.param("key", surfaceKey)
			.query(Long.class)
			.list();
	}

	void markAnalysed(long articleId, int articleVersion, int extractorVersion, Instant now) {
		jdbc.sql("""
				insert into article_analysis (article_id, article_version, extractor_version, analysed_at)
				values (:id, :version, :extractor, :now)
				on conflict (article_id) do update set article_version = excluded.article_version,
				extractor_version = excluded.extractor_version, analysed_at = excluded.analysed_at""")
			.param("id", articleId)
			.param("version", articleVersion)
			.param("extractor", extractorVersion)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The article versions analysed by this extractor version, among these articles. */
	Map<Long, Integer> analysedVersions(Collection<Long> articleIds, int extractorVersion) {
		if (articleIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Integer> versions = new HashMap<>();
		jdbc.sql("""
				select article_id, article_version from article_analysis
				where article_id in (:ids) and extractor_version = :extractor""")
			.param("ids", articleIds)
			.param("extractor", extractorVersion)
			.query((rs, row) -> versions.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return versions;
	}

	/** The entities of each article with their mention counts, most mentioned first. */
	Map<Long, List<ArticleEntity>> entitiesOf(Collection<Long> articleIds) {
		Map<Long, List<ArticleEntity>> entities = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return entities;
		}
		jdbc.sql("""
				select m.article_id, e.id, e.name, e.type, count(*) as mentions
				from mention m join entity e on e.id = m.entity_id
				where m.article_id in (:ids)
				group by m.article_id, e.id, e.name, e.type
				order by m.article_id, mentions desc, e.name""")
			.param("ids", articleIds)
			.query((rs, row) -> entities.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new ArticleEntity(rs.getLong(2), rs.getString(3), EntityType.valueOf(rs.getString(4)),
						rs.getInt(5))))
			.list();
		return entities;
	}

	List<EntityMention> mentionsOf(long articleId) {
		return jdbc.sql("""
				select m.entity_id, e.name, e.type, m.field, m.start_offset, m.end_offset, m.surface
				from mention m join entity e on e.id = m.entity_id
				where m.article_id = :id order by m.field, m.start_offset""")
			.param("id", articleId)
			.query((rs, row) -> new EntityMention(rs.getLong(1), rs.getString(2), EntityType.valueOf(rs.getString(3)),
					rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7)))
			.list();
	}

	/**
	 * The mentions of each of these articles, for an export; articles without any are
	 * left out.
	 */
	Map<Long, List<EntityMention>> mentionsOf(Collection<Long> articleIds) {
		Map<Long, List<EntityMention>> mentions = new HashMap<>();
		if (articleIds.isEmpty()) {
			return mentions;
		}
		jdbc.sql("""
				select m.article_id, m.entity_id, e.name, e.type, m.field, m.start_offset, m.end_offset, m.surface
				from mention m join entity e on e.id = m.entity_id
				where m.article_id = any(:ids) order by m.article_id, m.field, m.start_offset""")
			.param("ids", articleIds.toArray(Long[]::new))
			.query(rs -> {
				mentions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(new EntityMention(rs.getLong(2), rs.getString(3), EntityType.valueOf(rs.getString(4)),
							rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8)));
			});
		return mentions;
	}

	List<Long> articlesMentioning(long entityId) {
		return jdbc.sql("select distinct article_id from mention where entity_id = :id")
			.param("id", entityId)
			.query(Long.class)
			.list();
	}

	/**
	 * Entities that some article mentions, filtered by type and name, sorted by article
	 * count ({@code mentioned}) or name ({@code name}).
	 */
	List<EntitySummary> list(EntityType type, String nameFilter, boolean byName, int offset, int limit) {
		String order = byName ? "lower(e.name), e.id" : "e.article_count desc, e.id";
		return jdbc.sql("""
				select e.id, e.name, e.type, e.article_count from entity e
				where e.article_count > 0
				and (cast(:type as text) is null or e.type = :type)
				and (cast(:filter as text) is null or e.name ilike :filter
				     or exists (select 1 from entity_alias x where x.entity_id = e.id and x.name ilike :filter))
				order by %s offset :offset limit :limit""".formatted(order))
			.param("type", (type != null) ? type.name() : null)
			.param("filter", (nameFilter != null) ? "%" + escapeLike(nameFilter) + "%" : null)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> new EntitySummary(rs.getLong(1), rs.getString(2), EntityType.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.list();
	}

	long countListed(EntityType type, String nameFilter) {
		return jdbc.sql("""
				select count(*) from entity e
				where e.article_count > 0
				and (cast(:type as text) is null or e.type = :type)
				and (cast(:filter as text) is null or e.name ilike :filter
				     or exists (select 1 from entity_alias x where x.entity_id = e.id and x.name ilike :filter))""")
			.param("type", (type != null) ? type.name() : null)
			.param("filter", (nameFilter != null) ? "%" + escapeLike(nameFilter) + "%" : null)
			.query(Long.class)
			.single();
	}

	Map<Long, EntitySummary> summaries(Collection<Long> ids) {
		Map<Long, EntitySummary> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, name, type from entity where id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> found.put(rs.getLong(1),
					new EntitySummary(rs.getLong(1), rs.getString(2), EntityType.valueOf(rs.getString(3)), 0)))
			.list();
		return found;
	}

	// decisions

	long record(String action, Long entityId, Map<String, Object> details, Instant now, String actor) {
		return jdbc.sql("""
				insert into curation_decision (action, entity_id, details, decided_at, decided_by)
				values (:action, :entity, cast(:details as jsonb), :now, :actor) returning id""")
			.param("action", action)
			.param("entity", entityId)
			.param("details", json.writeValueAsString(details))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	List<CurationDecision> decisions(Long entityId, int limit) {
		return jdbc.sql("""
				select id, action, entity_id, details::text, decided_at, decided_by from curation_decision
				where cast(:entity as bigint) is null or entity_id = :entity
				or (details -> 'entityIds') @> to_jsonb(cast(:entity as bigint))
				order by decided_at desc, id desc limit :limit""")
			.param("entity", entityId)
			.param("limit", limit)
			.query((rs, row) -> new CurationDecision(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
					json.readValue(rs.getString(4), DETAILS), rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
