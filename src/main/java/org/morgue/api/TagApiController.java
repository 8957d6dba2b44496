package org.morgue.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleSummary;
import org.morgue.search.ArticleSearch;
import org.morgue.search.SearchCriteria;
import org.morgue.tag.TagNames;
import org.morgue.tag.TagService;
import org.morgue.tag.TagSummary;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Tags: on an article, the tag list (with a prefix for autocomplete), a tag's articles,
 * renaming and merging, and tagging every result of a search.
 */
@RestController
@Tag(name = "Tags")
class TagApiController {

	private static final int MAX_PAGE_SIZE = 200;

	/** The most articles one request may tag: a search with more is refused. */
	static final int MAX_TAG_ALL = 100_000;

	private static final long JSON_LIMIT = 64 * 1024;

	private final TagService tags;

	private final ArticleService articles;

	private final ArticleSearch search;

	TagApiController(TagService tags, ArticleService articles, ArticleSearch search) {
		this.tags = tags;
		this.articles = articles;
		this.search = search;
	}

	@PutMapping(path = "/api/v1/articles/{id}/tags/{tag}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Tag an article (editors)",
			description = "Creates the tag as written unless a tag of that name exists in any case, which is used "
					+ "instead. Tagging again changes nothing. The name is trimmed and its spaces collapsed; 1 to 64 "
					+ "characters, no control characters, and none of / \\ % ;.")
	@ApiResponse(responseCode = "200", description = "The article's tags")
	@ApiResponse(responseCode = "400", description = "Not a tag name")
	@ApiResponse(responseCode = "404", description = "No such article")
	ArticleTagsResponse add(@PathVariable long id, @PathVariable String tag) {
		return new ArticleTagsResponse(id, tags.add(id, tag));
	}

	@DeleteMapping("/api/v1/articles/{id}/tags/{tag}")
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Take a tag off an article (editors)",
			description = "Taking off a tag the article does not have changes nothing.")
	@ApiResponse(responseCode = "204", description = "The article does not have the tag (any more)")
	@ApiResponse(responseCode = "404", description = "No such article")
	ResponseEntity<Void> remove(@PathVariable long id, @PathVariable String tag) {
		tags.remove(id, tag);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/tags", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The tags, most used first",
			description = "With prefix, only tags whose name starts with it in any case (for autocomplete).")
	TagListResponse list(
			@Parameter(description = "The start of the name, in any case") @RequestParam(
					required = false) String prefix,
			@Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "'size' must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
		if (page < 0) {
			throw new InvalidRequestException("page", "Pages count from 0.");
		}
		List<TagResponse> found = tags.list(prefix, page * size, size).stream().map(TagResponse::of).toList();
		return new TagListResponse(tags.count(prefix), page, size, found);
	}

	@GetMapping(path = "/api/v1/tags/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One tag, in any case, with its article count")
	TagResponse get(@Parameter(description = "The tag, in any case") @PathVariable("name") String tag) {
		return TagResponse.of(tags.get(tag));
	}

	@GetMapping(path = "/api/v1/tags/{name}/articles", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The articles with a tag, newest first")
	List<ArticleSummary> articles(@Parameter(description = "The tag, in any case") @PathVariable("name") String tag,
			@Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
			throw new InvalidRequestException("size",
					"'size' must be between 1 and " + MAX_PAGE_SIZE + " and 'page' at least 0.");
		}
		return articles.summaries(tags.articleIds(tag, page * size, size));
	}

	@PatchMapping(path = "/api/v1/tags/{name}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Rename a tag on every article (editors)",
			description = "{\"name\": ...}. A name another tag has is refused: merge the two instead.")
	@BodyLimit(JSON_LIMIT)
	TagResponse rename(@Parameter(description = "The tag, in any case") @PathVariable("name") String tag,
			@RequestBody RenameTagRequest body) {
		return TagResponse.of(tags.rename(tag, body.name()));
	}

	@PostMapping(path = "/api/v1/tags/{name}/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Merge a tag into another (editors)",
			description = "{\"into\": name}: every article with this tag gets the other, and this tag disappears.")
	@ApiResponse(responseCode = "200", description = "The tag merged into")
	@BodyLimit(JSON_LIMIT)
	TagResponse merge(@Parameter(description = "The tag, in any case") @PathVariable("name") String tag,
			@RequestBody MergeTagRequest body) {
		return TagResponse.of(tags.merge(tag, body.into()));
	}

	@PostMapping(path = "/api/v1/tags/{name}/articles", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Tag every result of a search (editors)",
			description = "Takes the search parameters of GET /api/v1/articles (q, source, entity, tag, from, to) and "
					+ "gives the tag to every match, up to 100,000; a search with more is refused.")
	TagAllResponse tagAll(@Parameter(description = "The tag, in any case") @PathVariable("name") String tag,
			@ParameterObject SearchCriteria criteria) {
		String name = TagNames.normalize("name", tag);
		List<Long> ids = search.matchingIds(criteria.toRequest(1, 0, null), MAX_TAG_ALL);
		int tagged = tags.tagAll(name, ids);
		return new TagAllResponse(TagResponse.of(tags.get(name)), ids.size(), tagged);
	}

	static String href(String name) {
		return "/api/v1/tags/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
	}

	@Schema(name = "ArticleTags")
	record ArticleTagsResponse(long articleId, @Schema(description = "The article's tags, A to Z") List<String> tags) {
	}

	@Schema(name = "Tag")
	record TagResponse(@Schema(description = "As first written") String name,
			@Schema(description = "How many articles have it") long articleCount, String href,
			@Schema(description = "Its articles, newest first") String articles,
			@Schema(description = "A search for its articles") String search,
			@Schema(description = "Its page") String page) {

		static TagResponse of(TagSummary tag) {
			String href = TagApiController.href(tag.name());
			return new TagResponse(tag.name(), tag.articleCount(), href, href + "/articles",
					"/api/v1/articles?tag=" + UriUtils.encodeQueryParam(tag.name(), StandardCharsets.UTF_8),
					"/tags/" + UriUtils.encodePathSegment(tag.name(), StandardCharsets.UTF_8));
		}

	}

	@Schema(name = "TagList")
	record TagListResponse(long total, int page, int size, List<TagResponse> tags) {
	}

	@Schema(name = "TagAllResult")
	record TagAllResponse(TagResponse tag, @Schema(description = "How many articles the search matched") long matched,
			@Schema(description = "How many of them got the tag now (the others had it)") int tagged) {
	}

	@Schema(name = "RenameTagRequest")
	record RenameTagRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TagNames.MAX_LENGTH) String name)
			implements
				JsonRequest {
	}

	@Schema(name = "MergeTagRequest")
	record MergeTagRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The tag to merge into",
			maxLength = TagNames.MAX_LENGTH) String into) implements JsonRequest {
	}

}
