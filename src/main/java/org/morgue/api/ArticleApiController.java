package org.morgue.api;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.morgue.annotation.AnnotationService;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleParagraph;
import org.morgue.article.ArticleText;
import org.morgue.article.ArticleLimits;
import org.morgue.article.ArticleMetadata;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyService;
import org.morgue.article.InvalidArticleException;
import org.morgue.article.SavedArticle;
import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.CopyDecoder;
import org.morgue.ingest.IngestService;
import org.morgue.ingest.MetadataInput;
import org.morgue.intake.IntakeDocument;
import org.morgue.intake.IntakeItem;
import org.morgue.intake.IntakeReport;
import org.morgue.intake.IntakeService;
import org.morgue.ner.EntityService;
import org.morgue.search.ArticleSearch;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchCriteria;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.story.StoryService;
import org.morgue.tag.TagService;
import org.springdoc.core.annotations.ParameterObject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Articles in and out: raw copy or fields in, JSON out, corrections under optimistic
 * locking.
 */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles")
class ArticleApiController {

	/**
	 * Room for JSON syntax and escapes around the body field, which is held to the limit
	 * itself.
	 */
	private static final int JSON_OVERHEAD_BYTES = 64 * 1024;

	private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

	static final String WIRE_G2_ITEM = "application/vnd.iptc.g2.newsitem+xml";

	static final String WIRE_G2_MESSAGE = "application/vnd.iptc.g2.newsmessage+xml";

	static final String WIRE_NITF = "application/nitf+xml";

	static final String WIRE_NINJS = "application/ninjs+json";

	static final String URI_LIST = "text/uri-list";

	private final ArticleService articles;

	private final IngestService ingest;

	private final JsonMapper json;

	private final ArticleSearch search;

	private final EntityService entities;

	private final TagService tags;

	private final StoryService stories;

	private final AnnotationService annotations;

	private final IntakeService intake;

	private final CopyService copies;

	ArticleApiController(ArticleService articles, IngestService ingest, JsonMapper json, ArticleSearch search,
			EntityService entities, TagService tags, AnnotationService annotations, StoryService stories,
			IntakeService intake, CopyService copies) {
		this.intake = intake;
		this.copies = copies;
		this.stories = stories;
		this.annotations = annotations;
		this.entities = entities;
		this.tags = tags;
		this.articles = articles;
		this.ingest = ingest;
		this.json = json;
		this.search = search;
	}

	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Store raw wire copy",
			description = "The copy is parsed for headline, byline, dateline, sign-off, crossheads and repeats. "
					+ "The same copy again answers 200 with the stored article and alreadyExisted=true.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
							schema = @Schema(type = "string", example = "By AFP\nYANGON: Russia backs ..."))))
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "200", description = "The same copy was already stored; nothing new was created")
	@BodyLimit(copies = 1)
	ResponseEntity<ArticleResponse> createFromCopy(@RequestBody byte[] bytes, HttpServletRequest request,
			@Parameter(description = "Overrides the title (otherwise the headline, or one derived from the lead)",
					schema = @Schema(maxLength = ArticleLimits.TITLE)) @RequestParam(required = false) String title,
			@Parameter(description = "The agency or publication",
					schema = @Schema(maxLength = ArticleLimits.SOURCE)) @RequestParam(required = false) String source,
			@Parameter(schema = @Schema(maxLength = ArticleLimits.BYLINE)) @RequestParam(
					required = false) String byline,
			@Parameter(description = "A dateline or place, e.g. 'YANGON:'",
					schema = @Schema(maxLength = ArticleLimits.DATELINE)) @RequestParam(
							required = false) String dateline,
			@Parameter(description = "2022-08-03 or 2022-08-03T10:14:00Z") @RequestParam(
					required = false) String publishedAt,
			@Parameter(schema = @Schema(maxLength = ArticleLimits.URL)) @RequestParam(required = false) String url,
			@Parameter(schema = @Schema(maxLength = ArticleLimits.LANGUAGE)) @RequestParam(
					required = false) String language) {
		String raw = CopyDecoder.decode(bytes, charset(request), "body");
		SavedArticle saved = ingest.ingestCopy(raw,
				new CopyCorrections(title, byline, source, dateline, publishedAt, url, language));
		return created(saved);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Store an article given field by field",
			description = "Only body is required; without a title one is derived from the lead and flagged. "
					+ "The same body again answers 200 with the stored article and alreadyExisted=true.")
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "200", description = "The same body was already stored; nothing new was created")
	@BodyLimit(value = JSON_OVERHEAD_BYTES, copies = 2)
	ResponseEntity<ArticleResponse> createFromFields(@RequestBody CreateArticleRequest body,
			@Parameter(hidden = true) @RequestAttribute(BodyLimitAdvice.RECEIVED_JSON) String received) {
		// The JSON as received is the copy as received.
		SavedArticle saved = ingest.ingestFields(new ArticleInput(body.title(), body.body(), body.byline(),
				body.source(), body.dateline(), body.publishedAt(), body.url(), body.language()), received);
		return created(saved);
	}

	@PostMapping(
			consumes = { WIRE_G2_ITEM, WIRE_G2_MESSAGE, WIRE_NITF, WIRE_NINJS, MediaType.APPLICATION_XML_VALUE,
					MediaType.TEXT_XML_VALUE, MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_XHTML_XML_VALUE,
					URI_LIST, MediaType.APPLICATION_RSS_XML_VALUE, MediaType.APPLICATION_ATOM_XML_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Store a wire document, a web page or a feed",
			description = "By Content-Type: NewsML-G2 (" + WIRE_G2_ITEM + ", or a newsMessage of several items), NITF ("
					+ WIRE_NITF + "), ninjs 1.x to 3.x (" + WIRE_NINJS + "), XML told by its root element, a web page "
					+ "as saved (text/html; pass its address as url), addresses for the archive to fetch (" + URI_LIST
					+ ", one per line), or an RSS or Atom feed. A story with its provider's id "
					+ "(G2 guid, ninjs uri, NITF du-key or doc-id, a page's address) is a version of that story: "
					+ "the first makes the article (201), a newer one replaces its text, an older one is only "
					+ "listed, the same one again changes nothing (200, alreadyExisted=true). A document of one "
					+ "story answers with its article; a message, a feed or a list of addresses with what became "
					+ "of each story (201 when any was new).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = { @Content(mediaType = WIRE_G2_ITEM, schema = @Schema(type = "string")),
							@Content(mediaType = WIRE_NINJS, schema = @Schema(type = "object")),
							@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
							@Content(mediaType = URI_LIST,
									schema = @Schema(type = "string",
											example = "https://www.example.org/news/2026/harbour-reopens")) }))
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "200", description = "Nothing new, or a version of a story the archive has")
	@BodyLimit(copies = 4)
	ResponseEntity<?> createFromDocument(@RequestBody byte[] bytes, HttpServletRequest request,
			@Parameter(description = "Where the page or document was published") @RequestParam(
					required = false) String url,
			@Parameter(description = "The agency or publication, when the document names none") @RequestParam(
					required = false) String source) {
		IntakeReport report = intake.take(new IntakeDocument(bytes, request.getContentType(), null, url, source));
		if (!report.several() && report.items().size() == 1 && report.items().get(0).article() != null) {
			IntakeItem item = report.items().get(0);
			return created(item.article(), item.outcome() == IntakeItem.Outcome.CREATED,
					item.outcome() == IntakeItem.Outcome.DUPLICATE);
		}
		IntakeResponse body = IntakeResponse.of(report);
		return ResponseEntity.status((report.created() > 0) ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Search articles (or list them, newest first, without q)",
			description = "q uses the query language described at /search/help: all words must match, OR, -word, "
					+ "\"phrase\", \"phrase\"~5, prefix*, parentheses, title:, byline:, source:, dateline:, entity:, "
					+ "tag:Myanmar, tag:\"human rights\", date:2022-08-01..2022-08-31. Walk every hit by passing nextCursor back as cursor. "
					+ "Republished copies of one story are listed once, by their first matching copy received, with their count "
					+ "and sources (copies=all lists every copy); total counts every matching article, stories the results "
					+ "with copies grouped, and facets count articles.")
	SearchResponse search(@ParameterObject SearchCriteria criteria, @RequestParam(defaultValue = "20") int size,
			@Parameter(description = "Where the previous page ended: its nextCursor") @RequestParam(
					required = false) String cursor) {
		SearchRequest request = criteria.toRequest(size, 0, cursor);
		SearchResult result = search.search(request);
		return SearchResponse.of(result, request.allCopies(),
				articles.summaries(result.hits().stream().map(SearchHit::id).toList()));
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One article", description = "Answers with an ETag; If-None-Match with it answers 304.")
	ResponseEntity<ArticleResponse> get(@PathVariable long id, WebRequest request) {
		ArticleDetails article = articles.get(id);
		ArticleResponse body = response(article, null);
		String etag = etag(body);
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok().eTag(etag).body(body);
	}

	@GetMapping(path = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One article with its tags and annotations, to keep or hand on",
			description = "The article's JSON (with its tags) and its annotations in the W3C Web Annotation model, "
					+ "with the copy as received; downloaded as a file.")
	ResponseEntity<Map<String, Object>> export(@PathVariable long id) {
		ArticleDetails article = articles.get(id);
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.putAll(json.convertValue(response(article, null), new TypeReference<Map<String, Object>>() {
		}));
		bundle.put("rawText", articles.rawText(id));
		bundle.put("annotations", annotations.ofArticle(id).stream().map(AnnotationApiController::annotation).toList());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"article-" + id + ".json\"")
			.body(bundle);
	}

	@GetMapping(path = "/{id}/raw", produces = "text/plain;charset=UTF-8")
	@Operation(summary = "The copy exactly as received")
	String raw(@PathVariable long id) {
		return articles.rawText(id);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Correct an article's metadata",
			description = "A JSON merge patch of title, byline, source, dateline, publishedAt, url, language and body "
					+ "(the corrected text: paragraphs separated by a blank line, a subhead starting with '## '; the copy as "
					+ "received is kept): a field left out stays, null clears it (the title and body cannot be cleared). Say which version you corrected with If-Match (the ETag) or "
					+ "'version'; if someone changed the article since, the answer is 409 and nothing changes.")
	@BodyLimit(JSON_OVERHEAD_BYTES)
	ResponseEntity<ArticleResponse> correct(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody CorrectArticleRequest patch) {
		ArticleDetails current = articles.get(id);
		int version = version(patch.version(), ifMatch);
		ArticleMetadata metadata = MetadataInput.apply(current.metadata(),
				new CopyCorrections(patch.title().change(), patch.byline().change(), patch.source().change(),
						patch.dateline().change(), patch.publishedAt().change(), patch.url().change(),
						patch.language().change()));
		List<ArticleParagraph> text = null;
		if (patch.body().given()) {
			text = ArticleText.fromEditable(patch.body().change());
		}
		ArticleDetails corrected = articles.correct(id, version, metadata, text);
		ArticleResponse body = response(corrected, null);
		return ResponseEntity.ok().eTag(etag(body)).body(body);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete an article (administrators)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		articles.delete(id);
		return ResponseEntity.noContent().build();
	}

	private ArticleResponse response(ArticleDetails article, Boolean alreadyExisted) {
		// Analysed first: the mentions commit with the analysis, so once it shows, they
		// do too.
		boolean analysed = entities.isAnalysed(article.id(), article.version());
		return ArticleResponse.of(article, alreadyExisted,
				entities.entitiesOf(List.of(article.id())).getOrDefault(article.id(), List.of()), analysed,
				tags.tagsOf(article.id()), stories.ofArticle(article.id()).orElse(null),
				copies.counts(List.of(article.id())).get(article.id()));
	}

	private ResponseEntity<ArticleResponse> created(SavedArticle saved) {
		return created(saved.article(), saved.created(), !saved.created());
	}

	private ResponseEntity<ArticleResponse> created(ArticleDetails article, boolean created, boolean alreadyExisted) {
		URI location = URI.create("/api/v1/articles/" + article.id());
		ArticleResponse body = response(article, alreadyExisted);
		if (created) {
			return ResponseEntity.created(location).eTag(etag(body)).body(body);
		}
		return ResponseEntity.status(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_LOCATION, location.toString())
			.eTag(etag(body))
			.body(body);
	}

	/**
	 * The version, which If-Match sends back, then a stamp of the entities, which change
	 * without a new version when analysis finishes or an editor curates them, and of the
	 * tags, likewise.
	 */
	static String etag(ArticleResponse article) {
		return "\"" + article.version() + "-" + Integer
			.toHexString(java.util.Objects.hash(article.entitiesAnalysed(), article.entities(), article.tags())) + "\"";
	}

	private static int version(Integer fromBody, String ifMatch) {
		if (fromBody != null) {
			return fromBody;
		}
		if (ifMatch != null) {
			String tag = ifMatch.strip();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			tag = tag.replace("\"", "");
			int stamp = tag.indexOf('-');
			if (stamp > 0) {
				tag = tag.substring(0, stamp);
			}
			try {
				return Integer.parseInt(tag);
			}
			catch (NumberFormatException ex) {
				throw new InvalidRequestException("If-Match",
						"If-Match must be the ETag of the article, such as \"3\".");
			}
		}
		throw new MissingVersionException();
	}

	/**
	 * The charset the client declared in Content-Type (read from the header, which no
	 * filter rewrites).
	 */
	private static Charset charset(HttpServletRequest request) {
		String name = MediaType.parseMediaType(request.getContentType()).getParameter("charset");
		if (name == null) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name.replace("\"", ""));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new InvalidArticleException("Content-Type", "Unknown charset '" + name + "': send UTF-8.");
		}
	}

	@Schema(name = "CreateArticleRequest")
	record CreateArticleRequest(
			@Schema(description = "The headline; derived from the lead when left out",
					maxLength = ArticleLimits.TITLE) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The story: paragraphs separated by blank lines; at most morgue.ingest.max-body-bytes") String body,
			@Schema(maxLength = ArticleLimits.BYLINE) String byline,
			@Schema(description = "The agency or publication", maxLength = ArticleLimits.SOURCE) String source,
			@Schema(description = "A dateline or place, e.g. 'YANGON:' or 'Yangon'",
					maxLength = ArticleLimits.DATELINE) String dateline,
			@Schema(description = "2022-08-03 or 2022-08-03T10:14:00Z") String publishedAt,
			@Schema(maxLength = ArticleLimits.URL) String url,
			@Schema(description = "BCP 47 tag; en when left out", maxLength = ArticleLimits.LANGUAGE) String language)
			implements
				JsonRequest {
	}

	/**
	 * A JSON merge patch of an article: each text field left out, null or given
	 * ({@link PatchValue}).
	 */
	@Schema(name = "CorrectArticleRequest", description = "Fields left out stay; null clears")
	record CorrectArticleRequest(@Schema(maxLength = ArticleLimits.TITLE) PatchValue title,
			@Schema(maxLength = ArticleLimits.BYLINE) PatchValue byline,
			@Schema(maxLength = ArticleLimits.SOURCE) PatchValue source,
			@Schema(maxLength = ArticleLimits.DATELINE) PatchValue dateline, PatchValue publishedAt,
			@Schema(maxLength = ArticleLimits.URL) PatchValue url,
			@Schema(maxLength = ArticleLimits.LANGUAGE) PatchValue language,
			@Schema(description = "The corrected text: paragraphs separated by a blank line, a subhead starting with '## '") PatchValue body,
			@Schema(description = "The version corrected, unless If-Match is sent") Integer version)
			implements
				JsonRequest {
	}

}
