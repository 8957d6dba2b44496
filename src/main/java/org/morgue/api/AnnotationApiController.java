package org.morgue.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.morgue.annotation.AnnotationDetails;
import org.morgue.annotation.AnnotationService;
import org.morgue.annotation.AnnotationTarget;
import org.morgue.annotation.PassageSelectors;
import org.morgue.ingest.CopyDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Annotations in the W3C Web Annotation model (JSON-LD), as the Web Annotation Protocol serves them,
 * so that annotation tools can read and write them: an article's annotations as a collection, and
 * each annotation by its own address.
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

	private final JsonMapper json;

	AnnotationApiController(AnnotationService annotations, JsonMapper json) {
		this.annotations = annotations;
		this.json = json;
	}

	@GetMapping(path = "/api/v1/articles/{id}/annotations", produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
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
	ResponseEntity<Map<String, Object>> create(@PathVariable long id, HttpServletRequest request) {
		JsonNode body = read(request);
		AnnotationTarget target = target(body, id, true);
		AnnotationDetails created = annotations.create(id, note(body), target);
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

	@PutMapping(path = "/api/v1/annotations/{id}", consumes = { "application/ld+json", MediaType.APPLICATION_JSON_VALUE },
			produces = { ANNOTATION_JSON, MediaType.APPLICATION_JSON_VALUE })
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Replace an annotation's note and, if a target is given, its passage (its author or an administrator)",
			description = "With If-Match (the ETag), the answer is 412 and nothing changes when someone changed it since.")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request) {
		JsonNode body = read(request);
		AnnotationDetails current = annotations.get(id);
		AnnotationTarget target = target(body, current.articleId(), false);
		AnnotationDetails updated = annotations.update(id, version(ifMatch), note(body), target);
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
	Map<String, Object> byCreator(@Parameter(description = "The username") @RequestParam(required = false) String creator,
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
			// Not a Web Annotation term: the passage was removed from the text by a correction.
			document.put("orphaned", true);
		}
		return document;
	}

	private JsonNode read(HttpServletRequest request) {
		byte[] bytes;
		try {
			bytes = CopyDecoder.readAtMost(request.getInputStream(), JSON_LIMIT, "body");
		}
		catch (java.io.IOException ex) {
			throw new InvalidRequestException("body", "The request body could not be read.");
		}
		String text = CopyDecoder.decode(bytes, StandardCharsets.UTF_8, "body");
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("body", "The request is not valid JSON: " + ex.getOriginalMessage() + ".");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidRequestException("body", "The request must be a Web Annotation: a JSON object with a "
					+ "body {\"type\": \"TextualBody\", \"value\": \"...\"} and a target with selectors.");
		}
		return node;
	}

	private static String note(JsonNode annotation) {
		JsonNode body = annotation.get("body");
		if (body == null || body.isNull()) {
			JsonNode value = annotation.get("bodyValue");
			if (value != null && value.isString()) {
				return value.stringValue();
			}
			throw new InvalidRequestException("body", "The annotation has no body: give "
					+ "\"body\": {\"type\": \"TextualBody\", \"value\": \"your note\", \"format\": \"text/markdown\"}.");
		}
		if (body.isArray()) {
			if (body.size() != 1) {
				throw new InvalidRequestException("body", "Give one TextualBody: the note.");
			}
			body = body.get(0);
		}
		if (!body.isObject() || body.get("value") == null || !body.get("value").isString()) {
			throw new InvalidRequestException("body.value", "The body must be a TextualBody with the note as a string "
					+ "'value'.");
		}
		return body.get("value").stringValue();
	}

	/** The selectors of the target; {@code null} when none is required and none is given. */
	private static AnnotationTarget target(JsonNode annotation, long articleId, boolean required) {
		JsonNode target = annotation.get("target");
		if (target == null || target.isNull()) {
			if (required) {
				throw new InvalidRequestException("target", "The annotation has no target: give \"target\": "
						+ "{\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"...\"}]}.");
			}
			return null;
		}
		if (!target.isObject()) {
			throw new InvalidRequestException("target",
					"The target must be an object with selectors: a whole article cannot be annotated.");
		}
		JsonNode source = target.get("source");
		if (source != null && !source.isNull()
				&& !(source.isString() && source.stringValue().endsWith("/api/v1/articles/" + articleId))) {
			throw new InvalidRequestException("target.source", "The target's source is not article " + articleId + ".");
		}
		JsonNode selectors = target.get("selector");
		List<JsonNode> list = new ArrayList<>();
		if (selectors != null && selectors.isArray()) {
			selectors.forEach(list::add);
		}
		else if (selectors != null && selectors.isObject()) {
			list.add(selectors);
		}
		String exact = null;
		String prefix = null;
		String suffix = null;
		Integer start = null;
		Integer end = null;
		boolean any = false;
		for (JsonNode selector : list) {
			String type = text(selector, "type");
			if ("TextQuoteSelector".equals(type)) {
				exact = text(selector, "exact");
				prefix = text(selector, "prefix");
				suffix = text(selector, "suffix");
				if (exact == null) {
					throw new InvalidRequestException("exact", "A TextQuoteSelector needs 'exact': the quoted passage.");
				}
				any = true;
			}
			else if ("TextPositionSelector".equals(type)) {
				start = integer(selector, "start");
				end = integer(selector, "end");
				any = true;
			}
		}
		if (!any) {
			throw new InvalidRequestException("target.selector", "The target needs a TextQuoteSelector, a "
					+ "TextPositionSelector, or both (in \"selector\").");
		}
		return new AnnotationTarget(exact, prefix, suffix, start, end);
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidRequestException(name, "'" + name + "' must be a string.");
		}
		return value.stringValue();
	}

	private static Integer integer(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new InvalidRequestException(name, "'" + name + "' must be a whole number.");
		}
		return value.intValue();
	}

	private static String etag(AnnotationDetails annotation) {
		return "\"" + annotation.version() + "\"";
	}

	/** The version If-Match names, or {@code null} when the client did not say ({@code *} or nothing). */
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
