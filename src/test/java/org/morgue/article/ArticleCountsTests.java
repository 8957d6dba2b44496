package org.morgue.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts browsing reads (articles per day and source, and of those the ones withheld
 * or withdrawn from readers) stay equal to the articles themselves through every way
 * articles are stored, corrected, withheld and deleted, also when imports run at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleCountsTests {

	@Autowired
	ArticleService articles;

	@Autowired
	ArticleCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsFollowEveryChangeToArticles() {
		// given
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String source = "Count Courier " + marker;
		LocalDate day = LocalDate.of(1911, 2, 3);

		// when
		long first = articles.create(article("One " + marker, source, day)).article().id();
		articles.createAll(List.of(article("Two " + marker, source, day), article("Three " + marker, source, null),
				article("Four " + marker, null, day)));

		// then
		assertThat(calendar.source(source).count()).isEqualTo(3);
		assertThat(calendar.countPublishedOn(day)).isGreaterThanOrEqualTo(3);
		long onDay = calendar.countPublishedOn(day);
		assertThat(calendar.yearsOfSource(source)).containsExactly(new ArticleCalendar.PeriodCount(1911, 2));
		assertCountsMatchArticles();

		// when: its date and source corrected
		ArticleDetails stored = articles.get(first);
		articles.correct(first, stored.version(), new ArticleMetadata(stored.title(), null, "Other " + marker, null,
				LocalDate.of(1912, 1, 1), null, null, "en"));

		// then
		assertThat(calendar.source(source).count()).isEqualTo(2);
		assertThat(calendar.source("Other " + marker).count()).isEqualTo(1);
		assertThat(calendar.countPublishedOn(day)).isEqualTo(onDay - 1);
		assertCountsMatchArticles();

		// when: withdrawn by its provider, then its date corrected, then usable again
		ArticleDetails withdrawn = articles.changeVisibility(first,
				new ArticleVisibility(ArticleVisibility.State.WITHDRAWN, null));
		assertCountsMatchArticles();
		articles.correct(first, withdrawn.version(), new ArticleMetadata(withdrawn.title(), null, "Other " + marker,
				null, LocalDate.of(1913, 1, 1), null, null, "en"));
		assertCountsMatchArticles();
		articles.changeVisibility(first, ArticleVisibility.VISIBLE);
		assertCountsMatchArticles();
		articles.changeVisibility(first, new ArticleVisibility(ArticleVisibility.State.WITHHELD, null));

		// when: deleted, withheld
		articles.delete(first);

		// then
		assertThat(calendar.source("Other " + marker).count()).isZero();
		assertThat(calendar.sources(0, 10_000)).extracting(ArticleCalendar.SourceCount::name)
			.doesNotContain("Other " + marker);
		assertCountsMatchArticles();

		// when: one deleted with SQL by hand, withdrawn
		long two = jdbc.sql("select id from article where title = :title")
			.param("title", "Two " + marker)
			.query(Long.class)
			.single();
		articles.changeVisibility(two, new ArticleVisibility(ArticleVisibility.State.WITHDRAWN, null));
		jdbc.sql("delete from article where title = :title").param("title", "Two " + marker).update();

		// then
		assertThat(calendar.source(source).count()).isEqualTo(1);
		assertCountsMatchArticles();
	}

	@Test
	void importsRunningAtOnceKeepTheCountsRight() {
		// given: two batches over the same days in opposite orders, the way two imports
		// could lock them
		String marker = UUID.randomUUID().toString().substring(0, 8);
		List<NewArticle> forward = new ArrayList<>();
		List<NewArticle> backward = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			forward
				.add(article("Forward " + i + " " + marker, "Wire " + (i % 3), LocalDate.of(1920, 1, 1).plusDays(i)));
			backward.add(article("Backward " + i + " " + marker, "Wire " + (i % 3),
					LocalDate.of(1920, 1, 1).plusDays(39 - i)));
		}

		// when
		CompletableFuture<List<BatchSave>> one = CompletableFuture.supplyAsync(() -> articles.createAll(forward));
		CompletableFuture<List<BatchSave>> two = CompletableFuture.supplyAsync(() -> articles.createAll(backward));

		// then
		assertThat(one.join()).hasSize(40).allMatch(BatchSave::created);
		assertThat(two.join()).hasSize(40).allMatch(BatchSave::created);
		assertCountsMatchArticles();
	}

	private void assertCountsMatchArticles() {
		// One statement, one snapshot: other tests may store articles meanwhile.
		List<String> differences = jdbc
			.sql("""
					select coalesce(coalesce(a.published_date, c.published_date)::text, 'undated') || ' / ' || coalesce(coalesce(a.source_id, c.source_id)::text, 'no source')
					    || ': ' || coalesce(a.n, 0) || ' articles, counted ' || coalesce(c.articles, 0)
					    || '; ' || coalesce(a.h, 0) || ' hidden, counted ' || coalesce(c.hidden, 0)
					from (select published_date, source_id, count(*) n, count(*) filter (where visibility <> 'VISIBLE') h
					    from article group by 1, 2) a
					full join article_count c on coalesce(c.published_date, '-infinity') = coalesce(a.published_date, '-infinity')
					    and coalesce(c.source_id, -1) = coalesce(a.source_id, -1)
					where coalesce(a.n, 0) <> coalesce(c.articles, 0) or coalesce(a.h, 0) <> coalesce(c.hidden, 0)""")
			.query(String.class)
			.list();
		assertThat(differences).isEmpty();
		List<String> yearDifferences = jdbc
			.sql("""
					select coalesce(coalesce(a.y, c.year)::text, 'undated') || ' / ' || coalesce(coalesce(a.source_id, c.source_id)::text, 'no source')
					    || ': ' || coalesce(a.n, 0) || ' articles, counted ' || coalesce(c.articles, 0)
					    || '; ' || coalesce(a.h, 0) || ' hidden, counted ' || coalesce(c.hidden, 0)
					from (select extract(year from published_date)::int y, source_id, count(*) n,
					    count(*) filter (where visibility <> 'VISIBLE') h from article group by 1, 2) a
					full join article_year_count c on coalesce(c.year, -1) = coalesce(a.y, -1)
					    and coalesce(c.source_id, -1) = coalesce(a.source_id, -1)
					where coalesce(a.n, 0) <> coalesce(c.articles, 0) or coalesce(a.h, 0) <> coalesce(c.hidden, 0)""")
			.query(String.class)
			.list();
		assertThat(yearDifferences).isEmpty();
	}

	private static NewArticle article(String title, String source, LocalDate date) {
		return new NewArticle(new ArticleMetadata(title, null, source, null, date, null, null, "en"), false,
				List.of(ArticleParagraph.paragraph(title + " happened, officials said.")), null, title, null);
	}

}
