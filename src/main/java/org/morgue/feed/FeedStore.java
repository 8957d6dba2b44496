package org.morgue.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.morgue.feed.FeedStatus.Counts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The feed tables in SQL. Times of claims and schedules are the database's, so that nodes
 * whose clocks differ agree on them.
 */
@Repository
class FeedStore {

	private static final String COLUMNS = """
			select id, kind, location, source, interval_seconds, paused,
			    case when claimed_until > now() then claimed_by end, created_at, created_by, last_poll_at,
			    last_success_at, next_poll_at, polls, created_count, updated_count, duplicate_count, error_count,
			    last_created, last_updated, last_duplicates, last_failed, consecutive_failures, last_error,
			    last_error_at
			from feed
			""";

	private final JdbcClient jdbc;

	FeedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a poll needs to know of its feed. */
	record Claimed(long id, FeedKind kind, String location, String source, String etag, String lastModified) {
	}

	long insert(FeedKind kind, String location, String source, int intervalSeconds, Instant createdAt,
			String createdBy) {
		return jdbc.sql("""
				insert into feed (kind, location, source, interval_seconds, created_at, created_by, next_poll_at)
				values (:kind, :location, :source, :interval, :createdAt, :createdBy, now())
				on conflict (location) do nothing returning id""")
			.param("kind", kind.name())
			.param("location", location)
			.param("source", source)
			.param("interval", intervalSeconds)
			.param("createdAt", Timestamp.from(createdAt))
			.param("createdBy", createdBy)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	Optional<Long> idOf(String location) {
		return jdbc.sql("select id from feed where location = :location")
			.param("location", location)
			.query(Long.class)
			.optional();
	}

	Optional<FeedStatus> find(long id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(FeedStore::status).optional();
	}

	List<FeedStatus> all() {
		return jdbc.sql(COLUMNS + " order by id").query(FeedStore::status).list();
	}

	/**
	 * Claims the feed that has waited longest of those due and not claimed, skipping any
	 * another node is claiming at this moment.
	 */
	Optional<Claimed> claimDue(String node, Duration lease) {
		return jdbc.sql("""
				update feed set claimed_by = :node, claimed_until = now() + make_interval(secs => :lease)
				where id = (select id from feed
				            where not paused and next_poll_at <= now()
				              and (claimed_until is null or claimed_until <= now())
				            order by next_poll_at, id limit 1 for update skip locked)
				returning id, kind, location, source, etag, last_modified""")
			.param("node", node)
			.param("lease", (double) lease.toMillis() / 1000)
			.query(FeedStore::claimed)
			.optional();
	}

	/** Claims one feed, due or not, unless a node holds it. */
	Optional<Claimed> claim(long id, String node, Duration lease) {
		return jdbc.sql("""
				update feed set claimed_by = :node, claimed_until = now() + make_interval(secs => :lease)
				where id = :id and (claimed_until is null or claimed_until <= now())
				returning id, kind, location, source, etag, last_modified""")
			.param("id", id)
			.param("node", node)
			.param("lease", (double) lease.toMillis() / 1000)
			.query(FeedStore::claimed)
			.optional();
	}

	/** Extends the claims a node holds on these feeds; those it lost stay lost. */
	int renew(String node, Collection<Long> ids, Duration lease) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update feed set claimed_until = now() + make_interval(secs => :lease)
				where claimed_by = :node and claimed_until > now() and id = any(:ids)""")
			.param("node", node)
			.param("lease", (double) lease.toMillis() / 1000)
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	/**
	 * Records a poll that worked and gives the claim up; the feed is due again after its
	 * interval. Nothing changes when the node no longer holds the claim.
	 */
	boolean succeeded(long id, String node, Counts taken, String etag, String lastModified, String itemError) {
		return jdbc.sql("""
				update feed set claimed_by = null, claimed_until = null, last_poll_at = now(),
				    last_success_at = now(), next_poll_at = now() + make_interval(secs => interval_seconds),
				    consecutive_failures = 0, polls = polls + 1,
				    etag = coalesce(cast(:etag as text), etag),
				    last_modified = coalesce(cast(:lastModified as text), last_modified),
				    created_count = created_count + :created, updated_count = updated_count + :updated,
				    duplicate_count = duplicate_count + :duplicates, error_count = error_count + :failed,
				    last_created = :created, last_updated = :updated, last_duplicates = :duplicates,
				    last_failed = :failed,
				    last_error = coalesce(cast(:itemError as text), last_error),
				    last_error_at = case when cast(:itemError as text) is null then last_error_at else now() end
				where id = :id and claimed_by = :node""")
			.param("id", id)
			.param("node", node)
			.param("etag", etag)
			.param("lastModified", lastModified)
			.param("created", taken.created())
			.param("updated", taken.updated())
			.param("duplicates", taken.duplicates())
			.param("failed", taken.failed())
			.param("itemError", itemError)
			.update() == 1;
	}

	/**
	 * Records a poll that failed and gives the claim up; the feed backs off: it is tried
	 * again after twice its interval, then four times, and so on, to at most
	 * {@code maxBackoff}.
	 */
	boolean failed(long id, String node, String error, Duration maxBackoff) {
		return jdbc.sql("""
				update feed set claimed_by = null, claimed_until = null, last_poll_at = now(), polls = polls + 1,
				    consecutive_failures = consecutive_failures + 1, error_count = error_count + 1,
				    last_error = :error, last_error_at = now(),
				    next_poll_at = now() + make_interval(secs => least(:maxBackoff,
				        greatest(interval_seconds, interval_seconds * power(2, least(consecutive_failures + 1, 30)))))
				where id = :id and claimed_by = :node""")
			.param("id", id)
			.param("node", node)
			.param("error", error)
			.param("maxBackoff", (double) maxBackoff.toSeconds())
			.update() == 1;
	}

	/** Gives a claim up without recording a poll (the node is stopping). */
	void release(long id, String node) {
		jdbc.sql("update feed set claimed_by = null, claimed_until = null where id = :id and claimed_by = :node")
			.param("id", id)
			.param("node", node)
			.update();
	}

	boolean setPaused(long id, boolean paused) {
		return jdbc.sql("""
				update feed set paused = :paused,
				    next_poll_at = case when :paused then next_poll_at else least(next_poll_at, now()) end
				where id = :id""").param("id", id).param("paused", paused).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from feed where id = :id").param("id", id).update() == 1;
	}

	boolean fileTaken(long feedId, String sha256) {
		return jdbc.sql("select exists (select 1 from feed_file where feed_id = :feed and sha256 = :sha)")
			.param("feed", feedId)
			.param("sha", sha256)
			.query(Boolean.class)
			.single();
	}

	void recordFile(long feedId, String sha256, String name, String outcome) {
		jdbc.sql(
				"""
						insert into feed_file (feed_id, sha256, name, taken_at, outcome) values (:feed, :sha, :name, now(), :outcome)
						on conflict (feed_id, sha256) do nothing""")
			.param("feed", feedId)
			.param("sha", sha256)
			.param("name", name)
			.param("outcome", outcome)
			.update();
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		return new Claimed(rs.getLong(1), FeedKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6));
	}

	private static FeedStatus status(ResultSet rs, int row) throws SQLException {
		return new FeedStatus(rs.getLong(1), FeedKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getInt(5), rs.getBoolean(6), rs.getString(7), instant(rs, 8), rs.getString(9), instant(rs, 10),
				instant(rs, 11), instant(rs, 12), rs.getLong(13),
				new Counts(rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17)),
				new Counts(rs.getInt(18), rs.getInt(19), rs.getInt(20), rs.getInt(21)), rs.getInt(22), rs.getString(23),
				instant(rs, 24));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
