package org.morgue.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

	Optional<Article> findByContentHash(String contentHash);

	@Query("select new org.morgue.article.ArticleHashAndId(a.contentHash, a.id) from Article a where a.contentHash in :hashes")
	List<ArticleHashAndId> findIdsByContentHashIn(Collection<String> hashes);

	/**
	 * Puts back who created and last changed a restored article, over what auditing just
	 * wrote.
	 */
	@Modifying
	@Query(value = """
			update article set created_by = :createdBy, created_at = :createdAt, updated_by = :updatedBy,
			    updated_at = :updatedAt
			where id = :id""", nativeQuery = true)
	void restoreProvenance(long id, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt);

	String CONTENT = """
			select new org.morgue.article.ArticleContent(a.id, a.version, a.title, a.body, a.byline, s.name,
			    a.datelinePlaceDisplay, a.datelineText, a.publishedDate, a.publishedTime, a.ingestedAt, a.visibility,
			    a.embargoedUntil)
			from Article a left join a.source s
			""";

	@Query(CONTENT + " where a.id > :afterId order by a.id")
	List<ArticleContent> findContentAfter(long afterId, Limit limit);

	@Query("select new org.morgue.article.ArticleVersion(a.id, a.version) from Article a where a.id > :afterId order by a.id")
	List<ArticleVersion> findVersionsAfter(long afterId, Limit limit);

	@Query("select a.id, a.rawText from Article a where a.id in :ids")
	List<Object[]> findRawTextsByIdIn(Collection<Long> ids);

	@Query("select a.rawText from Article a where a.id = :id")
	Optional<String> findRawTextById(long id);

}
