package org.morgue.story;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The story tables in SQL. Callers hold the transaction.
 */
@Repository
class StoryStore {

	private static final String VERSION_COLUMNS = """
			select v.id, v.version, v.version_created, v.received_at, v.received_by, v.status, v.embargoed_until,
			    v.format, v.signals, v.title, v.applied, (s.current_version_id = v.id)
			from story_version v left join story s on s.guid = v.guid
			""";

	private final JdbcClient jdbc;

	StoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A story's row, with the ordering facts of the version the article shows. */
	record Story(String guid, long articleId, long currentVersionId, Long currentNumber, Instant currentCreated) {
	}

	/**
	 * Versions of one story are received one at a time, whichever door they come through.
	 */
	void lock(String guid) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", "story:" + guid)
			.query((rs, row) -> 1)
			.list();
	}

	Optional<Story> find(String guid) {
		return jdbc.sql("""
				select s.guid, s.article_id, s.current_version_id, v.version_number, v.version_created
				from story s join story_version v on v.id = s.current_version_id where s.guid = :guid""")
			.param("guid", guid)
			.query((rs, row) -> new Story(rs.getString(1), rs.getLong(2), rs.getLong(3), nullableLong(rs, 4),
					instant(rs, 5)))
			.optional();
	}

	boolean versionExists(String guid, String version) {
		return jdbc.sql("select exists (select 1 from story_version where guid = :guid and version = :version)")
			.param("guid", guid)
			.param("version", version)
			.query(Boolean.class)
			.single();
	}

	boolean articleHasStory(long articleId) {
		return jdbc.sql("select exists (select 1 from story where article_id = :id)")
			.param("id", articleId)
			.query(Boolean.class)
			.single();
	}

	record NewVersion(String guid, long articleId, String version, Long number, Instant created, Instant receivedAt,
			String receivedBy, StoryStatus status, Instant embargoedUntil, String format, List<String> signals,
			String title, String body, String rawText, boolean applied) {
	}

	long insertVersion(NewVersion version) {
		return jdbc.sql("""
				insert into story_version (guid, article_id, version, version_number, version_created, received_at,
				    received_by, status, embargoed_until, format, signals, title, body, raw_text, applied)
				values (:guid, :article, :version, :number, :created, :received, :by, :status, :embargo, :format,
				    :signals, :title, :body, :raw, :applied)
				returning id""")
			.param("guid", version.guid())
			.param("article", version.articleId())
			.param("version", version.version())
			.param("number", version.number())
			.param("created", timestamp(version.created()))
			.param("received", timestamp(version.receivedAt()))
			.param("by", version.receivedBy())
			.param("status", version.status().name())
			.param("embargo", timestamp(version.embargoedUntil()))
			.param("format", version.format())
			.param("signals", version.signals().toArray(String[]::new))
			.param("title", version.title())
			.param("body", version.body())
			.param("raw", version.rawText())
			.param("applied", version.applied())
			.query(Long.class)
			.single();
	}

	void insertStory(String guid, long articleId, long versionId, StoryStatus status, Instant embargoedUntil,
			Instant now) {
		jdbc.sql("""
				insert into story (guid, article_id, current_version_id, status, embargoed_until, updated_at)
				values (:guid, :article, :version, :status, :embargo, :now)""")
			.param("guid", guid)
			.param("article", articleId)
			.param("version", versionId)
			.param("status", status.name())
			.param("embargo", timestamp(embargoedUntil))
			.param("now", timestamp(now))
			.update();
	}

	void makeCurrent(String guid, long versionId, StoryStatus status, Instant embargoedUntil, Instant now) {
		jdbc.sql("""
				update story set current_version_id = :version, status = :status, embargoed_until = :embargo,
				    updated_at = :now where guid = :guid""")
			.param("guid", guid)
			.param("version", versionId)
			.param("status", status.name())
			.param("embargo", timestamp(embargoedUntil))
			.param("now", timestamp(now))
			.update();
	}

	/** The stories of these articles, with how many versions each has. */
	Map<Long, StoryState> states(Collection<Long> articleIds) {
		Map<Long, StoryState> states = new HashMap<>();
		if (articleIds.isEmpty()) {
			return states;
		}
		jdbc.sql("""
				select s.article_id, s.guid, v.version, s.status, s.embargoed_until,
				    (select count(*) from story_version c where c.guid = s.guid)
				from story s join story_version v on v.id = s.current_version_id
				where s.article_id = any(:ids)""")
			.param("ids", articleIds.toArray(Long[]::new))
			.query((rs, row) -> states.put(rs.getLong(1),
					new StoryState(rs.getString(2), rs.getString(3), rs.getInt(6), StoryStatus.valueOf(rs.getString(4)),
							instant(rs, 5))))
			.list();
		return states;
	}

	/** The versions of an article's story, first received first. */
	List<StoryVersionSummary> versions(long articleId) {
		return jdbc.sql(VERSION_COLUMNS + "where v.article_id = :id order by v.id")
			.param("id", articleId)
			.query((rs, row) -> summary(rs))
			.list();
	}

	Optional<StoryVersionText> version(long articleId, long versionId) {
		return jdbc
			.sql(VERSION_COLUMNS.replace("select v.id,", "select v.body, v.raw_text, v.id,")
					+ "where v.article_id = :article and v.id = :id")
			.param("article", articleId)
			.param("id", versionId)
			.query((rs, row) -> new StoryVersionText(summary(rs, 2), rs.getString(1), rs.getString(2)))
			.optional();
	}

	private static StoryVersionSummary summary(ResultSet rs) throws SQLException {
		return summary(rs, 0);
	}

	private static StoryVersionSummary summary(ResultSet rs, int offset) throws SQLException {
		Array signals = rs.getArray(offset + 9);
		return new StoryVersionSummary(rs.getLong(offset + 1), rs.getString(offset + 2), instant(rs, offset + 3),
				instant(rs, offset + 4), rs.getString(offset + 5), StoryStatus.valueOf(rs.getString(offset + 6)),
				instant(rs, offset + 7), rs.getString(offset + 8),
				(signals != null) ? Arrays.asList((String[]) signals.getArray()) : List.of(), rs.getString(offset + 10),
				rs.getBoolean(offset + 11), rs.getBoolean(offset + 12));
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
