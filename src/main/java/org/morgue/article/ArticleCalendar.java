package org.morgue.article;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.morgue.system.CurrentActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive by publication date and by source, for browsing: how many articles each
 * year, month, day and source holds, and the articles of a day, of no known date, or of a
 * source, a page at a time. The counts come from {@code article_count} (per day) and
 * {@code article_year_count}, kept in the transactions that change articles
 * ({@link ArticleCounts}), so no page counts a million rows.
 * <p>
 * A caller who only reads ({@link CurrentActor#readsOnly()}) counts and lists only the
 * articles readers see: the counts less those withheld or withdrawn (counted apart) and
 * less those under embargo now (a range of an index holding the few embargoes pending),
 * so that an embargo that ends counts again without anything written. Editors count and
 * list every article.
 */
@Service
@Transactional(readOnly = true)
public class ArticleCalendar {

	/** Of the articles {@code a}, those readers see now. */
	static final String SEEN_BY_READERS = " and a.visibility = 'VISIBLE' and (a.embargoed_until is null or a.embargoed_until <= :now)";

	private static final String NEWEST_FIRST = " order by a.published_date desc nulls last, a.published_time desc nulls last, a.id desc";

	private final JdbcClient jdbc;

	private final ArticleService articles;

	private final Clock clock;

	ArticleCalendar(JdbcClient jdbc, ArticleService articles, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A year, month or day with its number of articles. */
	public record PeriodCount(int value, long count) {
	}

	/** A source with its number of articles. */
	public record SourceCount(String name, long count) {
	}

	/** Years with articles, newest first. */
	public List<PeriodCount> years() {
		return periods("select year, sum(articles) from " + yearCounts() + " c "
				+ "where year is not null group by 1 having sum(articles) > 0 order by 1 desc", null, null);
	}

	/** The months of a year that have articles, in calendar order. */
	public List<PeriodCount> months(int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		return periods("select extract(month from published_date)::int, sum(articles) from " + dayCounts() + " c "
				+ "where published_date >= :from and published_date < :to group by 1 having sum(articles) > 0 order by 1",
				first, first.plusYears(1));
	}

	/** The days of a month that have articles, in calendar order. */
	public List<PeriodCount> days(int year, int month) {
		LocalDate first = LocalDate.of(year, month, 1);
		return periods("select extract(day from published_date)::int, sum(articles) from " + dayCounts() + " c "
				+ "where published_date >= :from and published_date < :to group by 1 having sum(articles) > 0 order by 1",
				first, first.plusMonths(1));
	}

	/** The articles published on a day, latest first. */
	public List<ArticleSummary> publishedOn(LocalDate day, int offset, int limit) {
		return articles.summaries(statement("select a.id from article a where a.published_date = :day" + readers()
				+ NEWEST_FIRST + " offset :offset limit :limit")
			.param("day", Date.valueOf(day))
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list());
	}

	public long countPublishedOn(LocalDate day) {
		return statement("select coalesce(sum(articles), 0) from " + dayCounts() + " c where published_date = :day")
			.param("day", Date.valueOf(day))
			.query(Long.class)
			.single();
	}

	/** The articles whose date is not known, latest received first. */
	public List<ArticleSummary> undated(int offset, int limit) {
		return articles.summaries(statement("select a.id from article a where a.published_date is null" + readers()
				+ " order by a.ingested_at desc, a.id desc offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list());
	}

	public long countUndated() {
		return statement("select coalesce(sum(articles), 0) from " + yearCounts() + " c where year is null")
			.query(Long.class)
			.single();
	}

	/** Sources with their article counts, most articles first, then by name. */
	public List<SourceCount> sources(int offset, int limit) {
		return statement("""
				select s.name, sum(c.articles) from source s join %s c on c.source_id = s.id
				group by s.id, s.name having sum(c.articles) > 0
				order by sum(c.articles) desc, lower(s.name) offset :offset limit :limit""".formatted(yearCounts()))
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> new SourceCount(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** How many sources have articles. */
	public long countSources() {
		return statement("""
				select count(*) from (select source_id from %s c where source_id is not null
				group by source_id having sum(articles) > 0) s""".formatted(yearCounts())).query(Long.class).single();
	}

	/** The source of this name (any case), with its article count, or {@code null}. */
	public SourceCount source(String name) {
		return statement("""
				select s.name, coalesce(sum(c.articles), 0) from source s left join %s c on c.source_id = s.id
				where lower(s.name) = lower(:name) group by s.id, s.name""".formatted(yearCounts())).param("name", name)
			.query((rs, row) -> new SourceCount(rs.getString(1), rs.getLong(2)))
			.optional()
			.orElse(null);
	}

	/** A source's articles, newest first. */
	public List<ArticleSummary> fromSource(String name, int offset, int limit) {
		return articles.summaries(statement("select a.id from article a "
				+ "where a.source_id = (select id from source where lower(name) = lower(:name))" + readers()
				+ NEWEST_FIRST + " offset :offset limit :limit")
			.param("name", name)
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list());
	}

	/** A source's articles per year, oldest year first. */
	public List<PeriodCount> yearsOfSource(String name) {
		return statement("""
				select c.year, sum(c.articles) from %s c
				join source s on s.id = c.source_id
				where lower(s.name) = lower(:name) and c.year is not null
				group by 1 having sum(c.articles) > 0 order by 1""".formatted(yearCounts())).param("name", name)
			.query((rs, row) -> new PeriodCount(rs.getInt(1), rs.getLong(2)))
			.list();
	}

	/**
	 * Of these articles, those readers do not see now, with their visibility: for marking
	 * them in an editor's lists.
	 */
	public Map<Long, ArticleVisibility> hiddenFromReaders(List<ArticleSummary> listed) {
		if (listed.isEmpty()) {
			return Map.of();
		}
		Map<Long, ArticleVisibility> hidden = new HashMap<>();
		statement("select a.id, a.visibility, a.embargoed_until from article a where a.id = any(:ids)"
				+ " and not (a.visibility = 'VISIBLE' and (a.embargoed_until is null or a.embargoed_until <= :now))")
			.param("ids", listed.stream().map(ArticleSummary::id).toArray(Long[]::new))
			.query((rs, row) -> {
				Timestamp until = rs.getTimestamp(3);
				return Map.entry(rs.getLong(1), new ArticleVisibility(ArticleVisibility.State.valueOf(rs.getString(2)),
						(until != null) ? until.toInstant() : null));
			})
			.list()
			.forEach(entry -> hidden.put(entry.getKey(), entry.getValue()));
		return hidden;
	}

	/**
	 * The counts per day and source the caller sees, as a table of
	 * {@code (published_date, source_id, articles)}.
	 */
	private String dayCounts() {
		return CurrentActor.readsOnly() ? """
				(select published_date, source_id, articles - hidden as articles from article_count
				 union all
				 select published_date, source_id, -count(*) from article
				 where embargoed_until > :now and visibility = 'VISIBLE' group by 1, 2)""" : "article_count";
	}

	/**
	 * The counts per year and source the caller sees, as a table of
	 * {@code (year, source_id, articles)}.
	 */
	private String yearCounts() {
		return CurrentActor.readsOnly() ? """
				(select year, source_id, articles - hidden as articles from article_year_count
				 union all
				 select extract(year from published_date)::int, source_id, -count(*) from article
				 where embargoed_until > :now and visibility = 'VISIBLE' group by 1, 2)""" : "article_year_count";
	}

	/** For a caller who only reads, the condition on articles {@code a} that they see. */
	private static String readers() {
		return CurrentActor.readsOnly() ? SEEN_BY_READERS : "";
	}

	/**
	 * The statement, with the time readers' embargoes are measured against if it needs
	 * it.
	 */
	private JdbcClient.StatementSpec statement(String sql) {
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		return sql.contains(":now") ? statement.param("now", Timestamp.from(Instant.now(clock))) : statement;
	}

	private List<PeriodCount> periods(String sql, LocalDate from, LocalDate to) {
		JdbcClient.StatementSpec statement = statement(sql);
		if (from != null) {
			statement = statement.param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
		}
		return statement.query((rs, row) -> new PeriodCount(rs.getInt(1), rs.getLong(2))).list();
	}

}
