package org.morgue.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.annotation.AnnotationDetails;
import org.morgue.annotation.AnnotationService;
import org.morgue.annotation.AnnotationTarget;
import org.morgue.annotation.PassageSelectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY;

/**
 * Annotations in the W3C Web Annotation model (JSON-LD), as the Web Annotation Protocol
 * serves them, so that annotation tools can read and write them: an article's annotations
 * as a collection, and each annotation by its own address.
 */
@RestController
@Tag(name = "Annotations")
class AnnotationApiController {

	/** The media type of the Web Annotation Protocol. */
	static final String ANNOTATION_JSON = "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"";

	private static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";

	private static final long JSON_LIMIT = 256 * 1024;

	private static final int MAX_PAGE_SIZE = 200;

	private final AnnotationService annotations;

	AnnotationApiController(AnnotationService annotations) {
		this.annotations = annotations;
	}

	@GetMapping(path = "/api/v1/articles/{id}/annotations",
			produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "An article's annotations, as an AnnotationCollection with one AnnotationPage",
			description = "In the order of their passages; those whose passage a correction removed are marked "
					+ "orphaned and come last.")
	Map<String, Object> list(@PathVariable long id) {
		List<AnnotationDetails> found = annotations.ofArticle(id);
		String self = url("/api/v1/articles/" + id + "/annotations");
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("id", self + "?page=0");
		page.put("type", "AnnotationPage");
		page.put("partOf", self);
		page.put("startIndex", 0);
		page.put("items", found.stream().map(AnnotationApiController::annotation).toList());
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("@context", CONTEXT);
		collection.put("id", self);
		collection.put("type", "AnnotationCollection");
		collection.put("label", "Annotations of article " + id);
		collection.put("total", found.size());
		collection.put("first", page);
		collection.put("last", self + "?page=0");
		return collection;
	}

	@PostMapping(path = "/api/v1/articles/{id}/annotations",
			consumes = { "application/ld+json", MediaType.APPLICATION_JSON_VALUE },
			produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Annotate a passage of an article",
			description = "A Web Annotation whose body is a TextualBody (value: the note in Markdown; or bodyValue) and "
					+ "whose target has a TextQuoteSelector (exact, prefix, suffix), a TextPositionSelector (start, end, "
					+ "offsets in the article's body as GET /api/v1/articles/{id} gives it), or both, which must agree. "
					+ "The missing one is filled in.")
	@BodyLimit(JSON_LIMIT)
	ResponseEntity<Map<String, Object>> create(@PathVariable long id, @RequestBody AnnotationRequest body) {
		AnnotationTarget target = body.passage(id, true);
		AnnotationDetails created = annotations.create(id, body.note(), target);
		return ResponseEntity.created(URI.create(url("/api/v1/annotations/" + created.id())))
			.eTag(etag(created))
			.body(document(created));
	}

	@GetMapping(path = "/api/v1/annotations/{id}", produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "One annotation", description = "Answers with an ETag; If-None-Match with it answers 304.")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id, WebRequest request) {
		AnnotationDetails annotation = annotations.get(id);
		if (request.checkNotModified(etag(annotation))) {
			return null;
		}
		return ResponseEntity.ok().eTag(etag(annotation)).body(document(annotation));
	}

	@PutMapping(path = "/api/v1/annotations/{id}",
			consumes = { "application/ld+json", MediaType.APPLICATION_JSON_VALUE },
			produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(
			summary = "Replace an annotation's note and, if a target is given, its passage (its author or an administrator)",
			description = "With If-Match (the ETag), the answer is 412 and nothing changes when someone changed it since.")
	@BodyLimit(JSON_LIMIT)
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody AnnotationRequest body) {
		AnnotationDetails current = annotations.get(id);
		AnnotationTarget target = body.passage(current.articleId(), false);
		AnnotationDetails updated = annotations.update(id, version(ifMatch), body.note(), target);
		return ResponseEntity.ok().eTag(etag(updated)).body(document(updated));
	}

	@DeleteMapping("/api/v1/annotations/{id}")
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Delete an annotation (its author or an administrator)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		annotations.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/annotations", produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "What a user annotated, newest first, as an AnnotationPage")
	Map<String, Object> byCreator(
			@Parameter(description = "The username") @RequestParam(required = false) String creator,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (creator == null || creator.isBlank()) {
			throw new InvalidRequestException("creator", "Say whose annotations: ?creator=username.");
		}
		if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
			throw new InvalidRequestException("size",
					"'size' must be between 1 and " + MAX_PAGE_SIZE + " and 'page' at least 0.");
		}
		long total = annotations.countByCreator(creator);
		List<AnnotationDetails> found = annotations.byCreator(creator, page * size, size);
		String collection = url("/api/v1/annotations") + "?creator="
				+ java.net.URLEncoder.encode(creator, StandardCharsets.UTF_8) + "&size=" + size;
		Map<String, Object> partOf = new LinkedHashMap<>();
		partOf.put("id", collection);
		partOf.put("type", "AnnotationCollection");
		partOf.put("total", total);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("@context", CONTEXT);
		result.put("id", collection + "&page=" + page);
		result.put("type", "AnnotationPage");
		result.put("partOf", partOf);
		result.put("startIndex", (long) page * size);
		if (page > 0) {
			result.put("prev", collection + "&page=" + (page - 1));
		}
		if ((long) (page + 1) * size < total) {
			result.put("next", collection + "&page=" + (page + 1));
		}
		result.put("items", found.stream().map(AnnotationApiController::annotation).toList());
		return result;
	}

	private Map<String, Object> document(AnnotationDetails annotation) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("@context", CONTEXT);
		document.putAll(annotation(annotation));
		return document;
	}

	/** An annotation in the W3C Web Annotation model (without its {@code @context}). */
	static Map<String, Object> annotation(AnnotationDetails annotation) {
		PassageSelectors at = annotation.selectors();
		Map<String, Object> quote = new LinkedHashMap<>();
		quote.put("type", "TextQuoteSelector");
		quote.put("exact", at.exact());
		quote.put("prefix", at.prefix());
		quote.put("suffix", at.suffix());
		Map<String, Object> position = new LinkedHashMap<>();
		position.put("type", "TextPositionSelector");
		position.put("start", at.start());
		position.put("end", at.end());
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("source", url("/api/v1/articles/" + annotation.articleId()));
		target.put("selector", List.of(quote, position));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "TextualBody");
		body.put("value", annotation.note());
		body.put("format", "text/markdown");
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", url("/api/v1/annotations/" + annotation.id()));
		document.put("type", "Annotation");
		document.put("creator", Map.of("type", "Person", "nickname", annotation.creator()));
		document.put("created", annotation.created().toString());
		document.put("modified", annotation.modified().toString());
		document.put("body", body);
		document.put("target", target);
		if (annotation.orphaned()) {
			// Not a Web Annotation term: the passage was removed from the text by a
			// correction.
			document.put("orphaned", true);
		}
		return document;
	}

	/**
	 * A W3C Web Annotation as the API takes it: a note, in a TextualBody or as
	 * {@code bodyValue}, on a passage of one article, which a TextQuoteSelector, a
	 * TextPositionSelector or both choose. Other Web Annotation terms ({@code @context},
	 * {@code type}, {@code motivation}, {@code id}, {@code creator}, ...) are taken and
	 * ignored, as annotation tools send them.
	 */
	@Schema(name = "AnnotationRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
			description = "A Web Annotation; terms other than these are ignored")
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AnnotationRequest(
			@Schema(description = "The note: a TextualBody, or a list of one") @JsonFormat(
					with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<TextualBody> body,
			@Schema(description = "The note in Markdown, in place of a body",
					maxLength = AnnotationService.MAX_NOTE_CHARS) String bodyValue,
			@Schema(description = "The passage annotated; left out on a replacement, the passage stays") SpecificResource target)
			implements
				JsonRequest {

		/** The note, in Markdown. */
		String note() {
			if (this.body == null) {
				if (this.bodyValue != null) {
					return this.bodyValue;
				}
				throw new InvalidRequestException("body", "The annotation has no body: give "
						+ "\"body\": {\"type\": \"TextualBody\", \"value\": \"your note\", \"format\": \"text/markdown\"}.");
			}
			if (this.body.size() != 1) {
				throw new InvalidRequestException("body", "Give one TextualBody: the note.");
			}
			TextualBody note = this.body.get(0);
			if (note == null || note.value() == null) {
				throw new InvalidRequestException("body.value", TextualBody.NOT_ONE);
			}
			return note.value();
		}

		/**
		 * The passage of the article the selectors choose; {@code null} when none is
		 * required and the annotation has no target.
		 */
		AnnotationTarget passage(long articleId, boolean required) {
			if (this.target == null) {
				if (required) {
					throw new InvalidRequestException("target", "The annotation has no target: give \"target\": "
							+ "{\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"...\"}]}.");
				}
				return null;
			}
			if (this.target.source() != null && !this.target.source().endsWith("/api/v1/articles/" + articleId)) {
				throw new InvalidRequestException("target.source",
						"The target's source is not article " + articleId + ".");
			}
			TextQuoteSelector quote = null;
			TextPositionSelector position = null;
			for (Selector selector : (this.target.selector() != null) ? this.target.selector() : List.<Selector>of()) {
				if (selector instanceof TextQuoteSelector given) {
					if (given.exact() == null) {
						throw new InvalidRequestException("exact",
								"A TextQuoteSelector needs 'exact': the quoted passage.");
					}
					quote = given;
				}
				else if (selector instanceof TextPositionSelector given) {
					position = given;
				}
			}
			if (quote == null && position == null) {
				throw new InvalidRequestException("target.selector", "The target needs a TextQuoteSelector, a "
						+ "TextPositionSelector, or both (in \"selector\").");
			}
			return new AnnotationTarget((quote != null) ? quote.exact() : null, (quote != null) ? quote.prefix() : null,
					(quote != null) ? quote.suffix() : null, (position != null) ? position.start() : null,
					(position != null) ? position.end() : null);
		}

	}

	/** The note of an annotation; only its {@code value} is read. */
	@Schema(name = "TextualBody")
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TextualBody(@Schema(example = "TextualBody") String type,
			@Schema(description = "The note in Markdown", requiredMode = Schema.RequiredMode.REQUIRED,
					maxLength = AnnotationService.MAX_NOTE_CHARS) String value,
			@Schema(example = "text/markdown") String format) {

		static final String NOT_ONE = "The body must be a TextualBody with the note as a string 'value'.";

		/**
		 * A body given by its address alone, which is not a note the archive can keep.
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static TextualBody ofAddress(String address) {
			throw new InvalidRequestException("body.value", NOT_ONE);
		}

	}

	/** The target of an annotation: a part of an article, which its selectors choose. */
	@Schema(name = "SpecificResource")
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SpecificResource(@Schema(description = "The article, /api/v1/articles/{id}, when given") String source,
			@Schema(description = "A selector or a list of them") @JsonFormat(
					with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Selector> selector) {

		/**
		 * A target given by its address alone: the whole article, which cannot be
		 * annotated.
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static SpecificResource ofAddress(String address) {
			throw new InvalidRequestException("target",
					"The target must be an object with selectors: a whole article cannot be annotated.");
		}

	}

	/**
	 * A selector, by its {@code type}; of other types (a FragmentSelector, ...) none is
	 * read.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = OtherSelector.class)
	@JsonSubTypes({ @JsonSubTypes.Type(value = TextQuoteSelector.class, name = "TextQuoteSelector"),
			@JsonSubTypes.Type(value = TextPositionSelector.class, name = "TextPositionSelector") })
	sealed interface Selector permits TextQuoteSelector, TextPositionSelector, OtherSelector {

	}

	/**
	 * The passage as a quote, with some text before and after to tell apart the places it
	 * occurs.
	 */
	@Schema(name = "TextQuoteSelector")
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TextQuoteSelector(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String exact, String prefix,
			String suffix) implements Selector {
	}

	/**
	 * The passage as offsets in the article's body (UTF-16 code units, as JavaScript
	 * counts).
	 */
	@Schema(name = "TextPositionSelector")
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TextPositionSelector(Integer start, Integer end) implements Selector {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OtherSelector() implements Selector {
	}

	private static String etag(AnnotationDetails annotation) {
		return "\"" + annotation.version() + "\"";
	}

	/**
	 * The version If-Match names, or {@code null} when the client did not say ({@code *}
	 * or nothing).
	 */
	private static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("If-Match", "If-Match must be the ETag the annotation was served with.");
		}
	}

	private static String url(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
