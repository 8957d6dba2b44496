package org.morgue.article;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive by publication date and by source, for browsing: how many articles each
 * year, month, day and source holds, and the articles of a day, of no known date, or of a
 * source, a page at a time. The counts come from {@code article_count} (per day) and
 * {@code article_year_count}, kept in the transactions that change articles
 * ({@link ArticleCounts}), so no page counts a million rows.
 */
@Service
@Transactional(readOnly = true)
public class ArticleCalendar {

	private static final String NEWEST_FIRST = " order by a.published_date desc nulls last, a.published_time desc nulls last, a.id desc";

	private final JdbcClient jdbc;

	private final ArticleService articles;

	ArticleCalendar(JdbcClient jdbc, ArticleService articles) {
		this.jdbc = jdbc;
		this.articles = articles;
	}

	/** A year, month or day with its number of articles. */
	public record PeriodCount(int value, long count) {
	}

	/** A source with its number of articles. */
	public record SourceCount(String name, long count) {
	}

	/** Years with articles, newest first. */
	public List<PeriodCount> years() {
		return periods("select year, sum(articles) from article_year_count "
				+ "where year is not null group by 1 having sum(articles) > 0 order by 1 desc", null, null);
	}

	/** The months of a year that have articles, in calendar order. */
	public List<PeriodCount> months(int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		return periods("select extract(month from published_date)::int, sum(articles) from article_count "
				+ "where published_date >= :from and published_date < :to group by 1 having sum(articles) > 0 order by 1",
				first, first.plusYears(1));
	}

	/** The days of a month that have articles, in calendar order. */
	public List<PeriodCount> days(int year, int month) {
		LocalDate first = LocalDate.of(year, month, 1);
		return periods("select extract(day from published_date)::int, sum(articles) from article_count "
				+ "where published_date >= :from and published_date < :to group by 1 having sum(articles) > 0 order by 1",
				first, first.plusMonths(1));
	}

	/** The articles published on a day, latest first. */
	public List<ArticleSummary> publishedOn(LocalDate day, int offset, int limit) {
		return articles.summaries(jdbc
			.sql("select a.id from article a where a.published_date = :day" + NEWEST_FIRST
					+ " offset :offset limit :limit")
			.param("day", Date.valueOf(day))
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list());
	}

	public long countPublishedOn(LocalDate day) {
		return jdbc.sql("select coalesce(sum(articles), 0) from article_count where published_date = :day")
			.param("day", Date.valueOf(day))
			.query(Long.class)
			.single();
	}

	/** The articles whose date is not known, latest received first. */
	public List<ArticleSummary> undated(int offset, int limit) {
		return articles.summaries(jdbc
			.sql("select id from article where published_date is null "
					+ "order by ingested_at desc, id desc offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list());
	}

	public long countUndated() {
		return jdbc.sql("select coalesce(sum(articles), 0) from article_year_count where year is null")
			.query(Long.class)
			.single();
	}

	/** Sources with their article counts, most articles first, then by name. */
	public List<SourceCount> sources(int offset, int limit) {
		return jdbc.sql("""
				select s.name, sum(c.articles) from source s join article_year_count c on c.source_id = s.id
				group by s.id, s.name having sum(c.articles) > 0
				order by sum(c.articles) desc, lower(s.name) offset :offset limit :limit""")
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> new SourceCount(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** How many sources have articles. */
	public long countSources() {
		return jdbc.sql("""
				select count(*) from (select source_id from article_year_count where source_id is not null
				group by source_id having sum(articles) > 0) s""").query(Long.class).single();
	}

	/** The source of this name (any case), with its article count, or {@code null}. */
	public SourceCount source(String name) {
		return jdbc
			.sql("""
					select s.name, coalesce(sum(c.articles), 0) from source s left join article_year_count c on c.source_id = s.id
					where lower(s.name) = lower(:name) group by s.id, s.name""")
			.param("name", name)
			.query((rs, row) -> new SourceCount(rs.getString(1), rs.getLong(2)))
			.optional()
			.orElse(null);
	}

	/** A source's articles, newest first. */
	public List<ArticleSummary> fromSource(String name, int offset, int limit) {
		return articles.summaries(jdbc
			.sql("select a.id from article a "
					+ "where a.source_id = (select id from source where lower(name) = lower(:name))" + NEWEST_FIRST
					+ " offset :offset limit :limit")
			.param("name", name)
			.param("offset", offset)
			.param("limit", limit)
			.query(Long.class)
			.list());
	}

	/** A source's articles per year, oldest year first. */
	public List<PeriodCount> yearsOfSource(String name) {
		return jdbc.sql("""
				select c.year, sum(c.articles) from article_year_count c
				join source s on s.id = c.source_id
				where lower(s.name) = lower(:name) and c.year is not null
				group by 1 having sum(c.articles) > 0 order by 1""")
			.param("name", name)
			.query((rs, row) -> new PeriodCount(rs.getInt(1), rs.getLong(2)))
			.list();
	}

	private List<PeriodCount> periods(String sql, LocalDate from, LocalDate to) {
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (from != null) {
			statement = statement.param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
		}
		return statement.query((rs, row) -> new PeriodCount(rs.getInt(1), rs.getLong(2))).list();
	}

}
