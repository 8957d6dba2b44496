package org.morgue.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.morgue.search.SearchCriteria;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The saved_search table in SQL. Every read and change is of one owner's searches.
 */
@Repository
class SavedSearchStore {

	private static final String COLUMNS = "select id, name, search::text, created_at, last_seen_at from saved_search ";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SavedSearchStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long userId, String name, SearchCriteria search, Instant now) {
		return jdbc.sql("""
				insert into saved_search (user_id, name, search, created_at, last_seen_at)
				values (:user, :name, cast(:search as jsonb), :now, :now) returning id""")
			.param("user", userId)
			.param("name", name)
			.param("search", json.writeValueAsString(search))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	List<SavedSearch> list(long userId) {
		return jdbc.sql(COLUMNS + "where user_id = :user order by lower(name), id")
			.param("user", userId)
			.query((rs, row) -> savedSearch(rs))
			.list();
	}

	Optional<SavedSearch> find(long userId, long id) {
		return jdbc.sql(COLUMNS + "where user_id = :user and id = :id")
			.param("user", userId)
			.param("id", id)
			.query((rs, row) -> savedSearch(rs))
			.optional();
	}

	boolean rename(long userId, long id, String name) {
		return jdbc.sql("update saved_search set name = :name where user_id = :user and id = :id")
			.param("name", name)
			.param("user", userId)
			.param("id", id)
			.update() == 1;
	}

	boolean markSeen(long userId, long id, Instant now) {
		return jdbc.sql("update saved_search set last_seen_at = :now where user_id = :user and id = :id")
			.param("now", Timestamp.from(now))
			.param("user", userId)
			.param("id", id)
			.update() == 1;
	}

	boolean delete(long userId, long id) {
		return jdbc.sql("delete from saved_search where user_id = :user and id = :id")
			.param("user", userId)
			.param("id", id)
			.update() == 1;
	}

	private SavedSearch savedSearch(ResultSet rs) throws SQLException {
		return new SavedSearch(rs.getLong(1), rs.getString(2), json.readValue(rs.getString(3), SearchCriteria.class),
				rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
	}

}
