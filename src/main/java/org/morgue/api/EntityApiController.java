package org.morgue.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.article.ArticleService;
import org.morgue.article.ArticleSummary;
import org.morgue.ingest.CopyDecoder;
import org.morgue.ner.CurationDecision;
import org.morgue.ner.EntityBacklog;
import org.morgue.ner.EntityCuration;
import org.morgue.ner.EntityDetails;
import org.morgue.ner.EntityService;
import org.morgue.ner.EntitySummary;
import org.morgue.ner.EntityType;
import org.morgue.ner.InvalidCurationException;
import org.morgue.search.EntityCoverageSearch;
import org.morgue.search.EntityCoverage;
import org.morgue.system.WorkProgress;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * People, organisations and places: analysing a text, the entity index and pages,
 * editors' curation, and the analysis backlog for administrators.
 */
@RestController
@Tag(name = "Entities")
class EntityApiController {

	private static final int MAX_PAGE_SIZE = 200;

	/** How many co-occurring entities an entity's JSON lists. */
	private static final int COOCCURRING = 15;

	private static final long JSON_LIMIT = 64 * 1024;

	private final EntityService entities;

	private final EntityCuration curation;

	private final EntityBacklog backlog;

	private final ArticleService articles;

	private final EntityCoverageSearch coverage;

	EntityApiController(EntityService entities, EntityCuration curation, EntityBacklog backlog, ArticleService articles,
			EntityCoverageSearch coverage) {
		this.entities = entities;
		this.curation = curation;
		this.backlog = backlog;
		this.articles = articles;
		this.coverage = coverage;
	}

	@PostMapping(path = "/api/v1/analyze", consumes = MediaType.TEXT_PLAIN_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Find the entities of a text, storing nothing",
			description = "start and end are UTF-16 code-unit offsets into the posted text (as JavaScript counts); "
					+ "canonical is the archive's name for the entity, or the full name the text gives it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.TEXT_PLAIN_VALUE,
					schema = @Schema(type = "string", example = "Sergei Lavrov met Min Aung Hlaing in Naypyidaw."))))
	@BodyLimit(value = EntityService.MAX_ANALYZE_CHARS * 4L, field = "text")
	AnalyzeResponse analyze(@RequestBody byte[] bytes) {
		String text = CopyDecoder.decode(bytes, StandardCharsets.UTF_8, "text");
		return new AnalyzeResponse(entities.analyze(text));
	}

	record AnalyzeResponse(List<EntityService.Analyzed> entities) {
	}

	@GetMapping(path = "/api/v1/entities", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The entity index", description = "Only entities some article mentions.")
	EntityListResponse list(
			@Parameter(description = "PERSON, ORGANIZATION, LOCATION or MISC") @RequestParam(
					required = false) String type,
			@Parameter(description = "Text the name or an alias contains") @RequestParam(required = false) String q,
			@Parameter(description = "mentioned (default: most articles first) or name (A to Z)") @RequestParam(
					required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidCurationException("size", "'size' must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
		if (page < 0) {
			throw new InvalidCurationException("page", "Pages count from 0.");
		}
		EntityType entityType = type(type, "type");
		EntityService.EntitySort order = sort(sort);
		List<EntitySummary> found = entities.list(entityType, q, order, page * size, size);
		return new EntityListResponse(entities.count(entityType, q), page, size, found);
	}

	record EntityListResponse(long total, int page, int size, List<EntitySummary> entities) {
	}

	@GetMapping(path = "/api/v1/entities/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One entity: its aliases, article count, first and last seen, co-occurring entities")
	EntityResponse get(@PathVariable long id) {
		return response(id);
	}

	/**
	 * The entity with what the index counts of its articles: first and last seen,
	 * co-occurring.
	 */
	private EntityResponse response(long id) {
		EntityDetails entity = entities.get(id);
		return EntityResponse.of(entity, coverage.of(id, 0, 1, COOCCURRING));
	}

	record EntityResponse(long id, String name, EntityType type, List<String> aliases, long articleCount,
			LocalDate firstSeen, LocalDate lastSeen, List<EntitySummary> cooccurring, Map<String, String> links) {

		static EntityResponse of(EntityDetails entity, EntityCoverage coverage) {
			return new EntityResponse(entity.id(), entity.name(), entity.type(), entity.aliases(),
					entity.articleCount(), coverage.firstSeen(), coverage.lastSeen(), coverage.cooccurring(),
					Map.of("self", "/api/v1/entities/" + entity.id(), "articles",
							"/api/v1/articles?entity="
									+ java.net.URLEncoder.encode(entity.name(), StandardCharsets.UTF_8),
							"page", "/entities/" + entity.id()));
		}

	}

	@GetMapping(path = "/api/v1/entities/{id}/articles", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The articles mentioning an entity, newest first")
	List<ArticleSummary> articles(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
			throw new InvalidCurationException("size",
					"'size' must be between 1 and " + MAX_PAGE_SIZE + " and 'page' at least 0.");
		}
		entities.get(id);
		return articles.summaries(coverage.of(id, page * size, size, 0).articleIds());
	}

	@GetMapping(path = "/api/v1/entities/{id}/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The curation decisions on an entity, newest first, with who made them and when")
	List<CurationDecision> decisions(@PathVariable long id) {
		return entities.decisions(id, 200);
	}

	@PatchMapping(path = "/api/v1/entities/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Rename an entity or change its type",
			description = "{\"name\": ...} and/or {\"type\": ...}. The old name stays an alias. Applies to every stored "
					+ "and later article.")
	@BodyLimit(JSON_LIMIT)
	EntityResponse correct(@PathVariable long id, @RequestBody CorrectEntityRequest body) {
		if (body.name() == null && body.type() == null) {
			throw new InvalidCurationException("name", "Give a new 'name', a new 'type', or both.");
		}
		if (body.name() != null) {
			curation.rename(id, body.name());
		}
		if (body.type() != null) {
			curation.retype(id, type(body.type(), "type"));
		}
		return response(id);
	}

	@Schema(name = "CorrectEntityRequest", description = "Fields left out stay as they are")
	record CorrectEntityRequest(@Schema(description = "The new name; the old one stays an alias") String name,
			@Schema(allowableValues = {
					"PERSON", "ORGANIZATION", "LOCATION", "MISC" }) String type)
			implements
				JsonRequest{
	}

	@PostMapping(path = "/api/v1/entities/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Merge this entity into another ({\"into\": id}); its names and mentions follow")
	@BodyLimit(JSON_LIMIT)
	EntityResponse merge(@PathVariable long id, @RequestBody MergeEntityRequest body) {
		Integer into = body.into();
		if (into == null) {
			throw new InvalidCurationException("into", "Give the id of the entity to merge into: {\"into\": 42}.");
		}
		return response(curation.merge(id, into).id());
	}

	@Schema(name = "MergeEntityRequest")
	record MergeEntityRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "The id of the entity to merge into") Integer into) implements JsonRequest {
	}

	@PostMapping(path = "/api/v1/entities/{id}/aliases", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Add a name the entity is known by ({\"alias\": ...})")
	@BodyLimit(JSON_LIMIT)
	EntityResponse addAlias(@PathVariable long id, @RequestBody AliasRequest body) {
		return response(curation.addAlias(id, body.alias()).id());
	}

	@Schema(name = "AliasRequest")
	record AliasRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String alias) implements JsonRequest {
	}

	@PostMapping(path = "/api/v1/entities/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Split an alias off into an entity of its own ({\"alias\": ...}), with its mentions")
	@BodyLimit(JSON_LIMIT)
	ResponseEntity<EntityResponse> split(@PathVariable long id, @RequestBody AliasRequest body) {
		EntitySummary created = curation.splitAlias(id, body.alias());
		return ResponseEntity.created(URI.create("/api/v1/entities/" + created.id())).body(response(created.id()));
	}

	@PostMapping(path = "/api/v1/ignored-names", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Mark a name as not an entity ({\"name\": ...})",
			description = "Its mentions leave every article and it is never extracted again.")
	@BodyLimit(JSON_LIMIT)
	Map<String, Object> ignore(@RequestBody IgnoreNameRequest body) {
		int articleCount = curation.ignoreName(body.name());
		return Map.of("name", body.name(), "articlesChanged", articleCount);
	}

	@Schema(name = "IgnoreNameRequest")
	record IgnoreNameRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "The name that is not an entity") String name) implements JsonRequest {
	}

	@GetMapping(path = "/api/v1/admin/entities", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@Tag(name = "Administration")
	@Operation(summary = "The entity-extraction backlog: progress of the run under way (done, total, rate, time left)")
	WorkProgress backlog() {
		return backlog.progress();
	}

	@PostMapping(path = "/api/v1/admin/entities/backlog", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@Tag(name = "Administration")
	@Operation(summary = "Analyse every article waiting for extraction, in the background on all cores")
	ResponseEntity<WorkProgress> startBacklog() {
		if (!backlog.start("an administrator asked for it")) {
			throw new WorkRunningException(
					"Entity extraction of the backlog is under way already; follow GET /api/v1/admin/entities/backlog.",
					"progress", backlog.progress());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(backlog.progress());
	}

	private static EntityType type(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return EntityType.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCurationException(field,
					"'" + value + "' is not a type: use PERSON, ORGANIZATION, LOCATION or MISC.");
		}
	}

	private static EntityService.EntitySort sort(String value) {
		if (value == null || value.isBlank() || value.equalsIgnoreCase("mentioned")) {
			return EntityService.EntitySort.MENTIONED;
		}
		if (value.equalsIgnoreCase("name")) {
			return EntityService.EntitySort.NAME;
		}
		throw new InvalidCurationException("sort", "'sort' is mentioned or name.");
	}

}
