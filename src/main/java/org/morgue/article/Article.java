package org.morgue.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * The stored article. Its metadata and text are corrected under optimistic locking.
 */
@Entity
@Table(name = "article")
@EntityListeners(AuditingEntityListener.class)
class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
	@SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String title;

	@Column(name = "title_derived", nullable = false)
	private boolean titleDerived;

	private String byline;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "source_id")
	private Source source;

	@Column(name = "dateline_text")
	private String datelineText;

	@Column(name = "dateline_place")
	private String datelinePlace;

	@Column(name = "dateline_place_display")
	private String datelinePlaceDisplay;

	@Column(name = "published_date")
	private LocalDate publishedDate;

	@Column(name = "published_time")
	private LocalTime publishedTime;

	@Column(name = "ingested_at", nullable = false, updatable = false)
	private Instant ingestedAt;

	private String url;

	@Column(nullable = false)
	private String language;

	@Column(nullable = false)
	private String body;

	@Column(name = "subhead_paragraphs", nullable = false)
	private int[] subheadParagraphs;

	@Column(name = "sign_off", updatable = false)
	private String signOff;

	@Column(name = "raw_text", nullable = false, updatable = false)
	private String rawText;

	@Column(name = "word_count", nullable = false)
	private int wordCount;

	@Column(name = "content_hash", nullable = false)
	private String contentHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ArticleVisibility.State visibility = ArticleVisibility.State.VISIBLE;

	@Column(name = "embargoed_until")
	private Instant embargoedUntil;

	@Version
	private int version;

	@CreatedBy
	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@CreatedDate
	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@LastModifiedBy
	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@LastModifiedDate
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Article() {
	}

	Article(NewArticle article, Source source, Instant ingestedAt) {
		this(article, source, ingestedAt, ArticleText.join(article.paragraphs()));
	}

	private Article(NewArticle article, Source source, Instant ingestedAt, String body) {
		this(article, source, ingestedAt, body, ArticleText.contentHash(body), ArticleText.wordCount(body));
	}

	/**
	 * With the body, its hash and its word count computed already (a bulk import does it
	 * on every core).
	 */
	Article(NewArticle article, Source source, Instant ingestedAt, String body, String contentHash, int wordCount) {
		List<ArticleParagraph> paragraphs = article.paragraphs();
		this.body = body;
		this.subheadParagraphs = ArticleText.subheadIndexes(paragraphs);
		this.titleDerived = article.titleDerived();
		this.signOff = article.signOff();
		this.rawText = article.rawText();
		this.wordCount = wordCount;
		this.contentHash = contentHash;
		this.ingestedAt = ingestedAt;
		apply(article.metadata(), source);
	}

	/**
	 * Sets the metadata. A title that an editor changes is no longer derived.
	 */
	void correct(ArticleMetadata metadata, Source source) {
		if (!metadata.title().equals(title)) {
			this.titleDerived = false;
		}
		apply(metadata, source);
	}

	private void apply(ArticleMetadata metadata, Source source) {
		this.title = metadata.title();
		this.byline = metadata.byline();
		this.source = source;
		ArticleDateline dateline = metadata.dateline();
		this.datelineText = (dateline != null) ? dateline.text() : null;
		this.datelinePlace = (dateline != null) ? dateline.place() : null;
		this.datelinePlaceDisplay = (dateline != null) ? dateline.placeDisplay() : null;
		this.publishedDate = metadata.publishedDate();
		this.publishedTime = (metadata.publishedDate() != null) ? metadata.publishedTime() : null;
		this.url = metadata.url();
		this.language = metadata.language();
	}

	/** Where the article is counted for browsing. */
	ArticleCounts.Key countKey() {
		return new ArticleCounts.Key(publishedDate, (source != null) ? source.getId() : null);
	}

	/**
	 * Replaces the text (an editor's correction); the copy as received stays as it was.
	 */
	void correctText(List<ArticleParagraph> paragraphs) {
		this.body = ArticleText.join(paragraphs);
		this.subheadParagraphs = ArticleText.subheadIndexes(paragraphs);
		this.wordCount = ArticleText.wordCount(body);
		this.contentHash = ArticleText.contentHash(body);
	}

	/** Who may see it from now on; a change is a new version of the article. */
	void changeVisibility(ArticleVisibility visibility) {
		this.visibility = visibility.state();
		this.embargoedUntil = visibility.embargoedUntil();
	}

	ArticleVisibility visibility() {
		return new ArticleVisibility(visibility, embargoedUntil);
	}

	String getBody() {
		return body;
	}

	String getContentHash() {
		return contentHash;
	}

	ArticleDetails toDetails() {
		ArticleDateline dateline = (datelineText == null && datelinePlace == null) ? null
				: new ArticleDateline(datelineText, datelinePlace, datelinePlaceDisplay);
		return new ArticleDetails(id, title, titleDerived, byline, (source != null) ? source.getName() : null, dateline,
				publishedDate, publishedTime, ingestedAt, url, language, ArticleText.split(body, subheadParagraphs),
				signOff, wordCount, contentHash, version, createdBy, createdAt, updatedBy, updatedAt, visibility());
	}

	Long getId() {
		return id;
	}

	int getVersion() {
		return version;
	}

	String getRawText() {
		return rawText;
	}

}
