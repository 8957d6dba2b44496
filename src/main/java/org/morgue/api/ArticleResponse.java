package org.morgue.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.morgue.article.ArticleDateline;
import org.morgue.article.ArticleDetails;
import org.morgue.copies.CopyCount;
import org.morgue.article.ArticleParagraph;
import org.morgue.ingest.PublicationDate;
import org.morgue.ner.ArticleEntity;
import org.morgue.ner.EntityType;
import org.morgue.story.StoryState;
import org.morgue.story.StoryStatus;

/**
 * An article as the API returns it.
 */
@Schema(name = "Article", description = "A stored article")
@JsonInclude(JsonInclude.Include.ALWAYS)
record ArticleResponse(@Schema(description = "The article's id") long id,
		@Schema(description = "The headline") String title,
		@Schema(description = "True when no headline came with the copy and the title was derived from the lead; an editor should write a real one") boolean titleDerived,
		@Schema(description = "Who wrote it, e.g. 'AFP' or 'Jane Doe'", nullable = true) String byline,
		@Schema(description = "The agency or publication, e.g. 'AFP'", nullable = true) String source,
		@Schema(description = "The dateline, or null", nullable = true) DatelineResponse dateline,
		@Schema(description = "Publication date (2022-08-03) or instant in UTC (2022-08-03T10:14:00Z); null when unknown",
				nullable = true, example = "2022-08-03") String publishedAt,
		@Schema(description = "When the archive received it") Instant ingestedAt,
		@Schema(description = "Where it was published", nullable = true) String url,
		@Schema(description = "BCP 47 language tag", example = "en") String language,
		@Schema(description = "Number of words in the body") int wordCount,
		@Schema(description = "SHA-256 of the normalised body; the same copy is stored once") String contentHash,
		@Schema(description = "Version for optimistic locking: send it back (or the ETag in If-Match) when correcting") int version,
		String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
		@Schema(description = "The cleaned body: paragraphs and subheads separated by a blank line") String body,
		@Schema(description = "The body as blocks: paragraphs and subheads") List<ParagraphResponse> paragraphs,
		@Schema(description = "Sign-off and credit lines taken off the end of the copy",
				nullable = true) String signOff,
		@Schema(description = "Only in answers to POST: true when the same copy was already stored and nothing new was created",
				nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL) Boolean alreadyExisted,
		@Schema(description = "False while the article waits for entity extraction (the page says 'analysing')") boolean entitiesAnalysed,
		@Schema(description = "The people, organisations, places and other names it mentions, most mentioned first") List<EntityRef> entities,
		@Schema(description = "Its tags as written, A to Z; change them with PUT and DELETE /api/v1/articles/{id}/tags/{tag}",
				example = "[\"Myanmar\", \"human rights\"]") List<String> tags,
		@Schema(description = "Who sees it: VISIBLE, WITHHELD (its provider holds it back until a usable version comes) or WITHDRAWN (killed); editors see every article, readers only visible ones past their embargo") String visibility,
		@Schema(description = "Readers see it only from this instant (an embargo), or null",
				nullable = true) Instant embargoedUntil,
		@Schema(description = "For an article that came as a story from a wire feed: the provider's id, the version shown, how many versions came, and the status of the newest; null otherwise",
				nullable = true) StoryResponse story,
		@Schema(description = "Its group of republished copies of one story: the group's number and how many copies it has, this one included (1 when it has none); GET .../copies lists them") CopiesRef copies,
		Links links) {

	static ArticleResponse of(ArticleDetails article, Boolean alreadyExisted, List<ArticleEntity> entities,
			boolean analysed, List<String> tags, StoryState story, CopyCount copies) {
		return new ArticleResponse(article.id(), article.title(), article.titleDerived(), article.byline(),
				article.source(), DatelineResponse.of(article.dateline()),
				PublicationDate.format(article.publishedDate(), article.publishedTime()), article.ingestedAt(),
				article.url(), article.language(), article.wordCount(), article.contentHash(), article.version(),
				article.createdBy(), article.createdAt(), article.updatedBy(), article.updatedAt(), article.body(),
				article.paragraphs().stream().map(ParagraphResponse::of).toList(), article.signOff(), alreadyExisted,
				analysed, entities.stream().map(EntityRef::of).toList(), List.copyOf(tags),
				article.visibility().state().name(), article.visibility().embargoedUntil(),
				StoryResponse.of(story, article.id()), CopiesRef.of(copies, article.id()), Links.of(article.id()));
	}

	@Schema(name = "CopiesRef")
	record CopiesRef(@Schema(description = "The group's number, the same for every copy") long group,
			@Schema(description = "Copies in the group, this article included") int count,
			@Schema(description = "The copies, with what each added or cut") String href) {

		static CopiesRef of(CopyCount copies, long articleId) {
			CopyCount count = (copies != null) ? copies : CopyCount.alone(articleId, null);
			return new CopiesRef(count.group(), count.count(), "/api/v1/articles/" + articleId + "/copies");
		}

	}

	@Schema(name = "Story")
	record StoryResponse(@Schema(description = "The provider's id of the story") String guid,
			@Schema(description = "The version the article shows") String version,
			@Schema(description = "How many versions were received; GET .../versions lists them") int versions,
			@Schema(description = "USABLE, WITHHELD or CANCELED (a kill), as the newest version says") StoryStatus status,
			@Schema(description = "The versions received") String href) {

		static StoryResponse of(StoryState story, long articleId) {
			return (story != null) ? new StoryResponse(story.guid(), story.version(), story.versions(), story.status(),
					"/api/v1/articles/" + articleId + "/versions") : null;
		}

	}

	@Schema(name = "ArticleEntity")
	record EntityRef(long id, String name,
			@Schema(description = "PERSON, ORGANIZATION, LOCATION or MISC") EntityType type,
			@Schema(description = "How often the article mentions it") int mentions, String href) {

		static EntityRef of(ArticleEntity entity) {
			return new EntityRef(entity.id(), entity.name(), entity.type(), entity.mentions(),
					"/api/v1/entities/" + entity.id());
		}

	}

	@Schema(name = "Dateline")
	record DatelineResponse(@Schema(description = "As written in the copy", example = "YANGON:") String text,
			@Schema(description = "The place as written", example = "YANGON") String place,
			@Schema(description = "The place for display", example = "Yangon") String placeDisplay) {

		static DatelineResponse of(ArticleDateline dateline) {
			return (dateline != null) ? new DatelineResponse(dateline.text(), dateline.place(), dateline.placeDisplay())
					: null;
		}

	}

	@Schema(name = "Paragraph")
	record ParagraphResponse(String text,
			@Schema(description = "True for a subhead (a crosshead in the copy)") boolean subhead) {

		static ParagraphResponse of(ArticleParagraph paragraph) {
			return new ParagraphResponse(paragraph.text(), paragraph.subhead());
		}

	}

	@Schema(name = "ArticleLinks")
	record Links(@Schema(description = "This JSON") String self,
			@Schema(description = "The copy exactly as received, as text/plain") String raw,
			@Schema(description = "The article's page") String page) {

		static Links of(long id) {
			return new Links("/api/v1/articles/" + id, "/api/v1/articles/" + id + "/raw", "/articles/" + id);
		}

	}

}
