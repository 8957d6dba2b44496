package org.morgue.annotation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The annotation table in SQL. Callers hold the transaction.
 */
@Repository
class AnnotationStore {

	private static final String COLUMNS = """
			id, article_id, creator, created_at, modified_at, note, exact, prefix, suffix, start_offset, end_offset,
			orphaned, version""";

	private final JdbcClient jdbc;

	AnnotationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long articleId, String creator, Instant now, String note, PassageSelectors at) {
		return passage(jdbc.sql("""
				insert into annotation (article_id, creator, created_at, modified_at, note, exact, prefix, suffix,
				    start_offset, end_offset)
				values (:article, :creator, :now, :now, :note, :exact, :prefix, :suffix, :start, :end) returning id""")
			.param("article", articleId)
			.param("creator", creator)
			.param("now", Timestamp.from(now))
			.param("note", note), at).query(Long.class).single();
	}

	Optional<AnnotationDetails> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from annotation where id = :id")
			.param("id", id)
			.query(AnnotationStore::row)
			.optional();
	}

	/** The annotation, its row locked until the transaction ends. */
	Optional<AnnotationDetails> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from annotation where id = :id for update")
			.param("id", id)
			.query(AnnotationStore::row)
			.optional();
	}

	/** An article's annotations in the order of their passages, the orphaned last. */
	List<AnnotationDetails> ofArticle(long articleId, boolean lock) {
		return jdbc
			.sql("select " + COLUMNS + " from annotation where article_id = :article "
					+ "order by orphaned, start_offset, end_offset, id" + (lock ? " for update" : ""))
			.param("article", articleId)
			.query(AnnotationStore::row)
			.list();
	}

	/**
	 * The annotations of these articles, by article id, each article's in the order of
	 * its passages.
	 */
	Map<Long, List<AnnotationDetails>> ofArticles(Collection<Long> articleIds) {
		Map<Long, List<AnnotationDetails>> byArticle = new HashMap<>();
		if (articleIds.isEmpty()) {
			return byArticle;
		}
		jdbc.sql("select " + COLUMNS + " from annotation where article_id = any(:articles) "
				+ "order by article_id, orphaned, start_offset, end_offset, id")
			.param("articles", articleIds.toArray(Long[]::new))
			.query(AnnotationStore::row)
			.list()
			.forEach(annotation -> byArticle.computeIfAbsent(annotation.articleId(), id -> new ArrayList<>())
				.add(annotation));
		return byArticle;
	}

	/**
	 * Stores an annotation as an export had it: its author, times and orphaned state
	 * kept.
	 */
	void insertArchived(long articleId, ArchivedAnnotation annotation) {
		PassageSelectors at = annotation.selectors();
		passage(jdbc
			.sql("""
					insert into annotation (article_id, creator, created_at, modified_at, note, exact, prefix, suffix,
					    start_offset, end_offset, orphaned)
					values (:article, :creator, :created, :modified, :note, :exact, :prefix, :suffix, :start, :end, :orphaned)""")
			.param("article", articleId)
			.param("creator", annotation.creator())
			.param("created", Timestamp.from(annotation.created()))
			.param("modified", Timestamp.from(annotation.modified()))
			.param("note", annotation.note()), at).param("orphaned", annotation.orphaned()).update();
	}

	List<AnnotationDetails> byCreator(String creator, int offset, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from annotation where creator = :creator "
					+ "order by created_at desc, id desc offset :offset limit :limit")
			.param("creator", creator)
			.param("offset", offset)
			.param("limit", limit)
			.query(AnnotationStore::row)
			.list();
	}

	long countByCreator(String creator) {
		return jdbc.sql("select count(*) from annotation where creator = :creator")
			.param("creator", creator)
			.query(Long.class)
			.single();
	}

	void update(long id, String note, PassageSelectors at, boolean orphaned, Instant modified) {
		passage(jdbc.sql("""
				update annotation set note = :note, exact = :exact, prefix = :prefix, suffix = :suffix,
				    start_offset = :start, end_offset = :end, orphaned = :orphaned, modified_at = :modified,
				    version = version + 1
				where id = :id""").param("id", id).param("note", note), at).param("orphaned", orphaned)
			.param("modified", Timestamp.from(modified))
			.update();
	}

	/**
	 * Moves the passage after a correction of the text; the note and its modification
	 * time stay.
	 */
	void reposition(long id, PassageSelectors at, boolean orphaned) {
		passage(jdbc.sql("""
				update annotation set exact = :exact, prefix = :prefix, suffix = :suffix, start_offset = :start,
				    end_offset = :end, orphaned = :orphaned, version = version + 1
				where id = :id""").param("id", id), at).param("orphaned", orphaned).update();
	}

	void delete(long id) {
		jdbc.sql("delete from annotation where id = :id").param("id", id).update();
	}

	/** The notes of these articles, by article, in the order they were written. */
	Map<Long, List<String>> notesOf(Collection<Long> articleIds) {
		Map<Long, List<String>> notes = new HashMap<>();
		if (articleIds.isEmpty()) {
			return notes;
		}
		jdbc.sql("select article_id, note from annotation where article_id = any(:ids) order by id")
			.param("ids", articleIds.toArray(Long[]::new))
			.query(rs -> {
				notes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		return notes;
	}

	private static AnnotationDetails row(ResultSet rs, int row) throws SQLException {
		return new AnnotationDetails(rs.getLong("id"), rs.getLong("article_id"), rs.getString("creator"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant(),
				rs.getString("note"),
				new PassageSelectors(rs.getString("exact"), rs.getString("prefix"), rs.getString("suffix"),
						rs.getInt("start_offset"), rs.getInt("end_offset")),
				rs.getBoolean("orphaned"), rs.getInt("version"));
	}

	/**
	 * Binds where a passage is: {@code :exact}, {@code :prefix}, {@code :suffix},
	 * {@code :start}, {@code :end}.
	 */
	private static JdbcClient.StatementSpec passage(JdbcClient.StatementSpec statement, PassageSelectors at) {
		return statement.param("exact", at.exact())
			.param("prefix", at.prefix())
			.param("suffix", at.suffix())
			.param("start", at.start())
			.param("end", at.end());
	}

}
