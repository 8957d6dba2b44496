package org.morgue.tag;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tag tables in SQL. Article counts are kept by triggers on {@code article_tag}.
 * Callers hold the transaction.
 */
@Repository
class TagStore {

	/** Ids per statement when many articles are tagged at once. */
	static final int CHUNK = 5_000;

	private final JdbcClient jdbc;

	TagStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredTag(long id, String name, long articleCount) {

		TagSummary summary() {
			return new TagSummary(name, articleCount);
		}

	}

	Optional<StoredTag> find(String name) {
		return jdbc.sql("select id, name, article_count from tag where lower(name) = lower(:name)")
			.param("name", name)
			.query((rs, row) -> new StoredTag(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	/** The tag of this name in any case, created as written if there is none. */
	StoredTag findOrCreate(String name, Instant now, String actor) {
		jdbc.sql("""
				insert into tag (name, created_at, created_by) values (:name, :now, :actor)
				on conflict (lower(name)) do nothing""")
			.param("name", name)
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
		return find(name).orElseThrow();
	}

	/**
	 * @return whether the article did not have the tag before
	 */
	boolean tag(long articleId, long tagId, Instant now, String actor) {
		return jdbc.sql("""
				insert into article_tag (article_id, tag_id, tagged_by, tagged_at) values (:article, :tag, :actor, :now)
				on conflict do nothing""")
			.param("article", articleId)
			.param("tag", tagId)
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/**
	 * Gives the tag to those of these articles (which exist) that do not have it yet, a
	 * chunk of ids per statement.
	 * @return the articles that got it now
	 */
	List<Long> tagAll(List<Long> articleIds, long tagId, Instant now, String actor) {
		List<Long> tagged = new ArrayList<>();
		for (int from = 0; from < articleIds.size(); from += CHUNK) {
			List<Long> chunk = articleIds.subList(from, Math.min(articleIds.size(), from + CHUNK));
			tagged.addAll(jdbc.sql("""
					insert into article_tag (article_id, tag_id, tagged_by, tagged_at)
					select id, :tag, :actor, :now from unnest(:ids) as id
					on conflict do nothing returning article_id""")
				.param("tag", tagId)
				.param("actor", actor)
				.param("now", Timestamp.from(now))
				.param("ids", chunk.toArray(Long[]::new))
				.query(Long.class)
				.list());
		}
		return tagged;
	}

	/**
	 * @return whether the article had the tag
	 */
	boolean untag(long articleId, long tagId) {
		return jdbc.sql("delete from article_tag where article_id = :article and tag_id = :tag")
			.param("article", articleId)
			.param("tag", tagId)
			.update() > 0;
	}

	/** The tags of each of these articles, A to Z; articles without any are left out. */
	Map<Long, List<String>> tagsOf(Collection<Long> articleIds) {
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return tags;
		}
		jdbc.sql("""
				select at.article_id, t.name from article_tag at join tag t on t.id = at.tag_id
				where at.article_id in (:ids) order by at.article_id, lower(t.name)""")
			.param("ids", articleIds)
			.query((rs, row) -> {
				tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
				return null;
			})
			.list();
		return tags;
	}

	/**
	 * Tags whose name starts with the prefix (any case; all for {@code null}), most used
	 * first.
	 */
	List<TagSummary> list(String prefix, int offset, int limit) {
		return jdbc.sql("""
				select name, article_count from tag
				where (cast(:prefix as text) is null or lower(name) like :prefix escape '\\')
				order by article_count desc, lower(name) offset :offset limit :limit""")
			.param("prefix", pattern(prefix))
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> new TagSummary(rs.getString(1), rs.getLong(2)))
			.list();
	}

	long count(String prefix) {
		return jdbc
			.sql("""
					select count(*) from tag where (cast(:prefix as text) is null or lower(name) like :prefix escape '\\')""")
			.param("prefix", pattern(prefix))
			.query(Long.class)
			.single();
	}

	private static String pattern(String prefix) {
		if (prefix == null) {
			return null;
		}
		String escaped = prefix.toLowerCase(java.util.Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return escaped + "%";
	}

	/** Every article with the tag. */
	List<Long> allArticleIds(long tagId) {
		return jdbc.sql("select article_id from article_tag where tag_id = :tag order by article_id")
			.param("tag", tagId)
			.query(Long.class)
			.list();
	}

	void rename(long tagId, String name) {
		jdbc.sql("update tag set name = :name where id = :id").param("name", name).param("id", tagId).update();
	}

	/**
	 * Gives the articles of one tag the other, keeping who tagged them and when, and
	 * deletes the first.
	 * @return the articles that had the first tag
	 */
	List<Long> merge(long fromId, long intoId) {
		List<Long> articles = allArticleIds(fromId);
		jdbc.sql("""
				insert into article_tag (article_id, tag_id, tagged_by, tagged_at)
				select article_id, :into, tagged_by, tagged_at from article_tag where tag_id = :from
				on conflict do nothing""").param("into", intoId).param("from", fromId).update();
		jdbc.sql("delete from article_tag where tag_id = :from").param("from", fromId).update();
		jdbc.sql("delete from tag where id = :from").param("from", fromId).update();
		return articles;
	}

}
