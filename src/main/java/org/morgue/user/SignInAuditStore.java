package org.morgue.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-in audit table in SQL. Each insert commits on its own.
 */
@Repository
class SignInAuditStore {

	private static final String WHERE = """
			where (cast(:username as text) is null or lower(username) = lower(:username))
			and (cast(:kind as text) is null or kind = :kind or kind like :kind || '.%')
			""";

	private final JdbcClient jdbc;

	SignInAuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Instant time, String kind, String username, String address, String channel, String detail) {
		jdbc.sql("""
				insert into sign_in_event (occurred_at, kind, username, address, channel, detail)
				values (:time, :kind, :username, :address, :channel, :detail)""")
			.param("time", Timestamp.from(time))
			.param("kind", kind)
			.param("username", username)
			.param("address", address)
			.param("channel", channel)
			.param("detail", detail)
			.update();
	}

	/** Deletes the entries from before the time. @return how many */
	int deleteBefore(Instant time) {
		return jdbc.sql("delete from sign_in_event where occurred_at < :time")
			.param("time", Timestamp.from(time))
			.update();
	}

	List<SignInEvent> list(String username, String kind, int offset, int limit) {
		return jdbc
			.sql("select id, occurred_at, kind, username, address, channel, detail from sign_in_event " + WHERE
					+ " order by occurred_at desc, id desc offset :offset limit :limit")
			.param("username", username)
			.param("kind", kind)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> new SignInEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	long count(String username, String kind) {
		return jdbc.sql("select count(*) from sign_in_event " + WHERE)
			.param("username", username)
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

}
