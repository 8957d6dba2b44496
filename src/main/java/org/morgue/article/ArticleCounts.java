package org.morgue.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the number of articles per publication date and source (table
 * {@code article_count}), and per year and source ({@code article_year_count}), in the
 * caller's transaction, so browsing reads a few thousand counts instead of counting every
 * article. Rows are changed in key order in one statement: two imports storing batches at
 * once take the rows' locks in the same order and never deadlock. Deletions are counted
 * by a trigger (see the migration).
 */
@Component
class ArticleCounts {

	private static final Comparator<Key> ORDER = Comparator
		.comparing(Key::date, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Key::sourceId, Comparator.nullsFirst(Comparator.naturalOrder()));

	private final JdbcClient jdbc;

	ArticleCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where an article is counted: its publication date and its source's id, either may
	 * be null.
	 */
	record Key(LocalDate date, Long sourceId) {
	}

	/**
	 * Changes the counts: a positive number adds articles under a key, a negative one
	 * takes them away.
	 */
	void change(Map<Key, Integer> changes) {
		TreeMap<Key, Integer> sorted = new TreeMap<>(ORDER);
		changes.forEach((key, delta) -> sorted.merge(key, delta, Integer::sum));
		sorted.values().removeIf(delta -> delta == 0);
		if (sorted.isEmpty()) {
			return;
		}
		// Days first, then years, each in key order: every transaction takes the locks in
		// one order.
		upsert("article_count", "published_date", "date", sorted,
				key -> (key.date() != null) ? key.date().toString() : null);
		TreeMap<Key, Integer> years = new TreeMap<>(ORDER);
		sorted.forEach((key, delta) -> years.merge(
				new Key((key.date() != null) ? LocalDate.of(key.date().getYear(), 1, 1) : null, key.sourceId()), delta,
				Integer::sum));
		years.values().removeIf(delta -> delta == 0);
		upsert("article_year_count", "year", "integer", years,
				key -> (key.date() != null) ? Integer.toString(key.date().getYear()) : null);
	}

	private void upsert(String table, String column, String type, TreeMap<Key, Integer> deltas,
			Function<Key, String> value) {
		if (deltas.isEmpty()) {
			return;
		}
		List<String> values = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		deltas.forEach((key, delta) -> {
			values.add(value.apply(key));
			sources.add((key.sourceId() != null) ? key.sourceId().toString() : null);
			counts.add(delta.toString());
		});
		jdbc.sql("""
				insert into %1$s (%2$s, source_id, articles)
				select v, s, n from unnest(cast(:values as text[])::%3$s[], cast(:sources as text[])::bigint[],
				    cast(:counts as text[])::integer[]) with ordinality as t(v, s, n, i)
				order by i
				on conflict (%2$s, source_id) do update set articles = %1$s.articles + excluded.articles"""
			.formatted(table, column, type))
			.param("values", values.toArray(String[]::new))
			.param("sources", sources.toArray(String[]::new))
			.param("counts", counts.toArray(String[]::new))
			.update();
	}

	void add(Key key) {
		change(Map.of(key, 1));
	}

	/** Moves one article from one key to another (its date or source corrected). */
	void move(Key from, Key to) {
		if (!from.equals(to)) {
			change(Map.of(from, -1, to, 1));
		}
	}

}
