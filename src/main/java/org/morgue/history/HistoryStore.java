package org.morgue.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The history tables in SQL. Callers hold the transaction.
 */
@Repository
class HistoryStore {

	/**
	 * Articles linked to a change per statement, so that a change to 50,000 articles is a
	 * few statements.
	 */
	static final int LINK_BATCH = 10_000;

	private static final String COLUMNS = """
			select c.id, c.changed_at, c.actor, c.kind, c.subject,
			    (select count(*) from editorial_change_article l where l.change_id = c.id),
			    c.before_state::text, c.after_state::text
			from editorial_change c
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	HistoryStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	long insert(Instant time, String actor, String kind, String subject, Object before, Object after,
			List<Long> articleIds) {
		long id = jdbc.sql("""
				insert into editorial_change (changed_at, actor, kind, subject, before_state, after_state)
				values (:time, :actor, :kind, :subject, cast(:before as jsonb), cast(:after as jsonb)) returning id""")
			.param("time", Timestamp.from(time))
			.param("actor", actor)
			.param("kind", kind)
			.param("subject", subject)
			.param("before", write(before))
			.param("after", write(after))
			.query(Long.class)
			.single();
		List<Long> distinct = articleIds.stream().distinct().toList();
		for (int start = 0; start < distinct.size(); start += LINK_BATCH) {
			List<Long> batch = distinct.subList(start, Math.min(distinct.size(), start + LINK_BATCH));
			long[] ids = batch.stream().mapToLong(Long::longValue).toArray();
			template.update(
					"insert into editorial_change_article (article_id, change_id) select unnest(?::bigint[]), ?", ids,
					id);
		}
		return id;
	}

	List<RecordedChange> ofArticle(long articleId, int offset, int limit) {
		return jdbc.sql(COLUMNS + """
				where c.id in (select change_id from editorial_change_article where article_id = :article)
				order by c.changed_at desc, c.id desc offset :offset limit :limit""")
			.param("article", articleId)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> change(rs))
			.list();
	}

	long countOfArticle(long articleId) {
		return jdbc.sql("select count(*) from editorial_change_article where article_id = :article")
			.param("article", articleId)
			.query(Long.class)
			.single();
	}

	List<RecordedChange> audit(AuditFilter filter, int offset, int limit) {
		return filtered(COLUMNS + WHERE + " order by c.changed_at desc, c.id desc offset :offset limit :limit", filter)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> change(rs))
			.list();
	}

	long count(AuditFilter filter) {
		return filtered("select count(*) from editorial_change c " + WHERE, filter).query(Long.class).single();
	}

	private static final String WHERE = """
			where (cast(:actor as text) is null or lower(c.actor) = lower(:actor))
			and (cast(:kind as text) is null or c.kind like :kind escape '\\')
			and (cast(:article as bigint) is null
			    or c.id in (select change_id from editorial_change_article where article_id = :article))
			and (cast(:from as timestamptz) is null or c.changed_at >= :from)
			and (cast(:to as timestamptz) is null or c.changed_at < :to)
			""";

	private JdbcClient.StatementSpec filtered(String sql, AuditFilter filter) {
		return jdbc.sql(sql)
			.param("actor", filter.actor())
			.param("kind", (filter.kind() != null) ? escapeLike(filter.kind()) + "%" : null)
			.param("article", filter.articleId())
			.param("from",
					(filter.from() != null) ? Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC))
							: null)
			.param("to", (filter.to() != null)
					? Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)) : null);
	}

	private RecordedChange change(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new RecordedChange(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getLong(6), read(rs.getString(7)), read(rs.getString(8)));
	}

	private String write(Object value) {
		return (value != null) ? json.writeValueAsString(value) : null;
	}

	private Object read(String text) {
		return (text != null) ? json.readValue(text, Object.class) : null;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
