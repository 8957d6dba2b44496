package org.morgue.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * article. Each row also counts those of its articles that readers do not see because
 * their provider withheld or withdrew them ({@code hidden}); an embargo is not counted,
 * since it ends by itself (see {@link ArticleCalendar}). Rows are changed in key order in
 * one statement: two imports storing batches at once take the rows' locks in the same
 * order and never deadlock. Deletions are counted by a trigger (see the migration).
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
	 * A change to the counts under one key: articles added (positive) or taken away
	 * (negative), and of those the hidden ones.
	 */
	private record Delta(int articles, int hidden) {

		Delta plus(Delta other) {
			return new Delta(articles + other.articles, hidden + other.hidden);
		}

		boolean none() {
			return articles == 0 && hidden == 0;
		}

	}

	/**
	 * Changes the counts: a positive number adds articles (visible ones) under a key, a
	 * negative one takes them away.
	 */
	void change(Map<Key, Integer> changes) {
		Map<Key, Delta> deltas = new HashMap<>();
		changes.forEach((key, delta) -> deltas.merge(key, new Delta(delta, 0), Delta::plus));
		apply(deltas);
	}

	void add(Key key) {
		change(Map.of(key, 1));
	}

	/**
	 * Moves one article from one key to another (its date or source corrected).
	 * @param hidden whether the article is counted as hidden from readers
	 */
	void move(Key from, Key to, boolean hidden) {
		if (!from.equals(to)) {
			int alsoHidden = hidden ? 1 : 0;
			apply(Map.of(from, new Delta(-1, -alsoHidden), to, new Delta(1, alsoHidden)));
		}
	}

	/**
	 * Counts an article under this key as hidden from readers (withheld or withdrawn), or
	 * as seen by them again.
	 */
	void hide(Key key, boolean hidden) {
		apply(Map.of(key, new Delta(0, hidden ? 1 : -1)));
	}

	private void apply(Map<Key, Delta> changes) {
		TreeMap<Key, Delta> sorted = new TreeMap<>(ORDER);
		sorted.putAll(changes);
		sorted.values().removeIf(Delta::none);
		if (sorted.isEmpty()) {
			return;
		}
		// Days first, then years, each in key order: every transaction takes the locks in
		// one order.
		upsert("article_count", "published_date", "date", sorted,
				key -> (key.date() != null) ? key.date().toString() : null);
		TreeMap<Key, Delta> years = new TreeMap<>(ORDER);
		sorted.forEach((key, delta) -> years.merge(
				new Key((key.date() != null) ? LocalDate.of(key.date().getYear(), 1, 1) : null, key.sourceId()), delta,
				Delta::plus));
		years.values().removeIf(Delta::none);
		upsert("article_year_count", "year", "integer", years,
				key -> (key.date() != null) ? Integer.toString(key.date().getYear()) : null);
	}

	private void upsert(String table, String column, String type, TreeMap<Key, Delta> deltas,
			Function<Key, String> value) {
		if (deltas.isEmpty()) {
			return;
		}
		List<String> values = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		List<String> hidden = new ArrayList<>();
		deltas.forEach((key, delta) -> {
			values.add(value.apply(key));
			sources.add((key.sourceId() != null) ? key.sourceId().toString() : null);
			counts.add(Integer.toString(delta.articles()));
			hidden.add(Integer.toString(delta.hidden()));
		});
		jdbc.sql(
				"""
						insert into %1$s (%2$s, source_id, articles, hidden)
						select v, s, n, h from unnest(cast(:values as text[])::%3$s[], cast(:sources as text[])::bigint[],
						    cast(:counts as text[])::integer[], cast(:hidden as text[])::integer[]) with ordinality as t(v, s, n, h, i)
						order by i
						on conflict (%2$s, source_id) do update
						set articles = %1$s.articles + excluded.articles, hidden = %1$s.hidden + excluded.hidden"""
					.formatted(table, column, type))
			.param("values", values.toArray(String[]::new))
			.param("sources", sources.toArray(String[]::new))
			.param("counts", counts.toArray(String[]::new))
			.param("hidden", hidden.toArray(String[]::new))
			.update();
	}

}
