package org.morgue.article;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

	Optional<Article> findByContentHash(String contentHash);

	String SUMMARY = """
			select new org.morgue.article.ArticleSummary(a.id, a.title, a.titleDerived, a.byline, s.name,
			    a.datelinePlaceDisplay, a.publishedDate, a.ingestedAt, a.wordCount)
			from Article a left join a.source s
			""";

	@Query(value = SUMMARY + " order by a.publishedDate desc nulls last, a.id desc",
			countQuery = "select count(a) from Article a")
	Page<ArticleSummary> findNewestPublished(Pageable pageable);

	@Query(value = SUMMARY + " order by a.ingestedAt desc, a.id desc", countQuery = "select count(a) from Article a")
	Page<ArticleSummary> findNewestIngested(Pageable pageable);

	@Query("select a.rawText from Article a where a.id = :id")
	Optional<String> findRawTextById(long id);

}
