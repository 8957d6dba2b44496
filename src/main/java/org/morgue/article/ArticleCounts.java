package org.morgue.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the number of articles per publication date and source (table {@code article_count}) in the
 * caller's transaction, so browsing reads a few thousand counts instead of counting every article.
 * Rows are changed in key order in one statement: two imports storing batches at once take the rows'
 * locks in the same order and never deadlock.
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

	/** Where an article is counted: its publication date and its source's id, either may be null. */
	record Key(LocalDate date, Long sourceId) {
	}

	/** Changes the counts: a positive number adds articles under a key, a negative one takes them away. */
	void change(Map<Key, Integer> changes) {
		TreeMap<Key, Integer> sorted = new TreeMap<>(ORDER);
		changes.forEach((key, delta) -> sorted.merge(key, delta, Integer::sum));
		sorted.values().removeIf(delta -> delta == 0);
		if (sorted.isEmpty()) {
			return;
		}
		List<String> dates = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		List<String> deltas = new ArrayList<>();
		sorted.forEach((key, delta) -> {
			dates.add((key.date() != null) ? key.date().toString() : null);
			sources.add((key.sourceId() != null) ? key.sourceId().toString() : null);
			deltas.add(delta.toString());
		});
		jdbc.sql("""
				insert into article_count (published_date, source_id, articles)
				select d, s, n from unnest(cast(:dates as text[])::date[], cast(:sources as text[])::bigint[],
				    cast(:deltas as text[])::integer[]) with ordinality as t(d, s, n, i)
				order by i
				on conflict (published_date, source_id) do update set articles = article_count.articles + excluded.articles""")
			.param("dates", dates.toArray(String[]::new))
			.param("sources", sources.toArray(String[]::new))
			.param("deltas", deltas.toArray(String[]::new))
			.update();
	}

	void add(Key key) {
		change(Map.of(key, 1));
	}

	void remove(Key key) {
		change(Map.of(key, -1));
	}

	/** Moves one article from one key to another (its date or source corrected). */
	void move(Key from, Key to) {
		if (!from.equals(to)) {
			change(Map.of(from, -1, to, 1));
		}
	}

}
