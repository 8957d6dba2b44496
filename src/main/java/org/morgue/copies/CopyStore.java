package org.morgue.copies;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of this module: {@code article_copy} (each article's group and signature
 * facts), {@code copy_band} (the signature's bands, for finding candidates) and
 * {@code copy_decision} (editors' splits and joins).
 */
@Repository
class CopyStore {

	/** The advisory lock that puts groupings one after another, across nodes. */
	private static final long GROUPING_LOCK = 0x6D6F726775650016L;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CopyStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * One article's place in the grouping.
	 *
	 * @param groupId its group (its own id when alone)
	 */
	record CopyRow(long articleId, long groupId, LocalDate day, int shingles, long textHash, long[] bands,
			int signatureVersion) {
	}

	/** An article that shares a band, with the day that places it in the window. */
	record BandHit(long band, long articleId, LocalDate day) {
	}

	/**
	 * An editor's decision about two articles.
	 *
	 * @param together in one group whatever their texts; else apart, never in one group
	 */
	record Decision(long articleId, long otherId, boolean together) {

		boolean involves(long id) {
			return articleId == id || otherId == id;
		}

		long other(long id) {
			return (articleId == id) ? otherId : articleId;
		}

	}

	/**
	 * Waits for any other grouping to commit, and keeps others waiting until this
	 * transaction ends: links between articles stored at the same time are not missed.
	 */
	void lock() {
		jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", GROUPING_LOCK).query().singleRow();
	}

	Map<Long, CopyRow> rows(Collection<Long> ids) {
		Map<Long, CopyRow> rows = new HashMap<>();
		if (ids.isEmpty()) {
			return rows;
		}
		jdbc.sql("""
				select article_id, group_id, day, shingles, text_hash, bands, signature_version
				from article_copy where article_id = any(:ids)""").param("ids", ids.toArray(Long[]::new)).query(rs -> {
			Long[] bands = (Long[]) rs.getArray(6).getArray();
			long[] values = new long[bands.length];
			for (int i = 0; i < bands.length; i++) {
				values[i] = bands[i];
			}
			CopyRow row = new CopyRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
					rs.getLong(5), values, rs.getInt(7));
			rows.put(row.articleId(), row);
		});
		return rows;
	}

	/** Every article that has one of these bands. */
	List<BandHit> withBands(Collection<Long> bands) {
		if (bands.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select band, article_id, day from copy_band where band = any(:bands)")
			.param("bands", bands.toArray(Long[]::new))
			.query((rs, row) -> new BandHit(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
			.list();
	}

	/** The members of each of these groups. */
	Map<Long, List<Long>> members(Collection<Long> groups) {
		Map<Long, List<Long>> members = new HashMap<>();
		if (groups.isEmpty()) {
			return members;
		}
		jdbc.sql("select group_id, article_id from article_copy where group_id = any(:groups) order by article_id")
			.param("groups", groups.toArray(Long[]::new))
			.query(rs -> {
				members.computeIfAbsent(rs.getLong(1), group -> new ArrayList<>()).add(rs.getLong(2));
			});
		return members;
	}

	/**
	 * The groups of these articles and every member of each, in one query.
	 * @return the group of each article that has a row, and the members of each group,
	 * lowest id first
	 */
	GroupsOf groupsOf(Collection<Long> ids) {
		Map<Long, Long> groupOf = new HashMap<>();
		Map<Long, List<Long>> members = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					select c.article_id, c.group_id, m.article_id from article_copy c
					join article_copy m on m.group_id = c.group_id
					where c.article_id = any(:ids) order by m.article_id""")
				.param("ids", ids.toArray(Long[]::new))
				.query(rs -> {
					long group = rs.getLong(2);
					groupOf.put(rs.getLong(1), group);
					List<Long> list = members.computeIfAbsent(group, g -> new ArrayList<>());
					long member = rs.getLong(3);
					if (list.isEmpty() || list.get(list.size() - 1) != member) {
						list.add(member);
					}
				});
		}
		return new GroupsOf(groupOf, members);
	}

	/**
	 * Articles' groups and the groups' members.
	 *
	 * @param groupOf the group of each article asked about that has been grouped
	 * @param members the members of each of those groups, lowest id first
	 */
	record GroupsOf(Map<Long, Long> groupOf, Map<Long, List<Long>> members) {
	}

	/** For each of these articles in a group of two or more, the group. */
	Map<Long, Long> sharedGroups(Collection<Long> ids) {
		Map<Long, Long> groups = new HashMap<>();
		if (ids.isEmpty()) {
			return groups;
		}
		jdbc.sql(
				"""
						select c.article_id, c.group_id from article_copy c
						where c.article_id = any(:ids)
						  and exists (select 1 from article_copy o where o.group_id = c.group_id and o.article_id <> c.article_id)""")
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				groups.put(rs.getLong(1), rs.getLong(2));
			});
		return groups;
	}

	void insert(List<CopyRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				insert into article_copy (article_id, group_id, day, shingles, text_hash, bands, signature_version)
				values (?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (PreparedStatement statement, CopyRow row) -> {
			statement.setLong(1, row.articleId());
			statement.setLong(2, row.groupId());
			statement.setObject(3, row.day());
			statement.setInt(4, row.shingles());
			statement.setLong(5, row.textHash());
			statement.setArray(6, array(statement, row.bands()));
			statement.setInt(7, row.signatureVersion());
		});
		int count = rows.stream().mapToInt(row -> row.bands().length).sum();
		Long[] bands = new Long[count];
		Long[] articles = new Long[count];
		Integer[] days = new Integer[count];
		int i = 0;
		for (CopyRow row : rows) {
			for (long band : row.bands()) {
				bands[i] = band;
				articles[i] = row.articleId();
				days[i] = (int) row.day().toEpochDay();
				i++;
			}
		}
		jdbc.sql("""
				insert into copy_band (band, article_id, day)
				select band, article_id, date '1970-01-01' + day
				from unnest(:bands::bigint[], :articles::bigint[], :days::integer[]) as b (band, article_id, day)""")
			.param("bands", bands)
			.param("articles", articles)
			.param("days", days)
			.update();
	}

	private static Array array(PreparedStatement statement, long[] values) throws java.sql.SQLException {
		Long[] boxed = new Long[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return statement.getConnection().createArrayOf("bigint", boxed);
	}

	/** Removes the article's signature and place in its group. */
	void remove(CopyRow row) {
		Long[] bands = new Long[row.bands().length];
		for (int i = 0; i < bands.length; i++) {
			bands[i] = row.bands()[i];
		}
		jdbc.sql("delete from copy_band where band = any(:bands) and article_id = :id")
			.param("bands", bands)
			.param("id", row.articleId())
			.update();
		jdbc.sql("delete from article_copy where article_id = :id").param("id", row.articleId()).update();
	}

	/** Moves the article to another day of the window (its publication date changed). */
	void moveDay(CopyRow row, LocalDate day) {
		Long[] bands = new Long[row.bands().length];
		for (int i = 0; i < bands.length; i++) {
			bands[i] = row.bands()[i];
		}
		jdbc.sql("update copy_band set day = :day where band = any(:bands) and article_id = :id")
			.param("day", day)
			.param("bands", bands)
			.param("id", row.articleId())
			.update();
		jdbc.sql("update article_copy set day = :day where article_id = :id")
			.param("day", day)
			.param("id", row.articleId())
			.update();
	}

	/** Puts these articles in the group. */
	void setGroup(Collection<Long> articles, long group) {
		if (articles.isEmpty()) {
			return;
		}
		jdbc.sql("update article_copy set group_id = :group where article_id = any(:ids)")
			.param("group", group)
			.param("ids", articles.toArray(Long[]::new))
			.update();
	}

	/** The decisions about any of these articles. */
	List<Decision> decisions(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] array = ids.toArray(Long[]::new);
		return jdbc.sql("""
				select article_id, other_id, kind from copy_decision
				where article_id = any(:ids) or other_id = any(:ids)""")
			.param("ids", array)
			.query((rs, row) -> new Decision(rs.getLong(1), rs.getLong(2), "together".equals(rs.getString(3))))
			.list();
	}

	/** Records (or changes) a decision about two different articles. */
	void decide(long a, long b, boolean together, String by, Instant at) {
		jdbc.sql(
				"""
						insert into copy_decision (article_id, other_id, kind, decided_by, decided_at)
						values (:a, :b, :kind, :by, :at)
						on conflict (article_id, other_id)
						do update set kind = excluded.kind, decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
			.param("a", Math.min(a, b))
			.param("b", Math.max(a, b))
			.param("kind", together ? "together" : "apart")
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Forgets the decisions between the two sets of articles. */
	void forget(Collection<Long> some, Collection<Long> others) {
		if (some.isEmpty() || others.isEmpty()) {
			return;
		}
		jdbc.sql("""
				delete from copy_decision
				where (article_id = any(:some) and other_id = any(:others))
				   or (article_id = any(:others) and other_id = any(:some))""")
			.param("some", some.toArray(Long[]::new))
			.param("others", others.toArray(Long[]::new))
			.update();
	}

	/** Of these articles, those with a signature of the current version. */
	List<Long> signed(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select article_id from article_copy where article_id = any(:ids) and signature_version = :v")
			.param("ids", ids.toArray(Long[]::new))
			.param("v", CopySignature.VERSION)
			.query(Long.class)
			.list();
	}

}
