package org.morgue.api;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.morgue.search.SearchCriteria;
import org.morgue.alert.SavedSearch;
import org.morgue.alert.SavedSearchStatus;
import org.morgue.alert.SavedSearches;
import org.morgue.ingest.CopyDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own saved searches, with how many matches are new since they last ran each, and the
 * address of each one's Atom feed.
 */
@RestController
@RequestMapping(path = "/api/v1/saved-searches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Saved searches")
class SavedSearchApiController {

	private static final Set<String> FIELDS = Set.of("name", "q", "sources", "entities", "tags", "from", "to", "sort");

	private final SavedSearches savedSearches;

	private final JsonMapper json;

	SavedSearchApiController(SavedSearches savedSearches, JsonMapper json) {
		this.savedSearches = savedSearches;
		this.json = json;
	}

	/**
	 * A saved search as the API shows it.
	 * @param newMatches matches received since it was last run; -1 when they cannot be counted now
	 */
	record SavedSearchResponse(long id, String name, SearchCriteria search, Instant createdAt, Instant lastSeenAt,
			Long newMatches, Map<String, String> links) {

		static SavedSearchResponse of(SavedSearch saved, Long newMatches) {
			return new SavedSearchResponse(saved.id(), saved.name(), saved.search(), saved.createdAt(), saved.lastSeenAt(),
					newMatches, Map.of("self", "/api/v1/saved-searches/" + saved.id(), "feed",
							"/feeds/saved-searches/" + saved.id() + ".atom"));
		}

	}

	@GetMapping
	@Operation(summary = "Your saved searches, each with its count of new matches")
	List<SavedSearchResponse> list(Principal user) {
		return savedSearches.list(user.getName())
			.stream()
			.map((SavedSearchStatus status) -> SavedSearchResponse.of(status.savedSearch(), status.newMatches()))
			.toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a search under a name",
			requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = SaveSearchRequest.class))))
	ResponseEntity<SavedSearchResponse> save(Principal user, HttpServletRequest request) throws IOException {
		byte[] body = CopyDecoder.readAtMost(request.getInputStream(), 16 * 1024, "body");
		JsonFields fields = JsonFields.parse(json, body, FIELDS);
		JsonNode object = json.readTree(body);
		SearchCriteria query = new SearchCriteria(fields.string("q"), strings(object, "sources"), strings(object, "entities"),
				strings(object, "tags"), fields.string("from"), fields.string("to"), fields.string("sort"));
		SavedSearch saved = savedSearches.save(user.getName(), fields.string("name"), query);
		return ResponseEntity.created(URI.create("/api/v1/saved-searches/" + saved.id()))
			.body(SavedSearchResponse.of(saved, 0L));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete one of your saved searches")
	ResponseEntity<Void> delete(Principal user, @PathVariable long id) {
		savedSearches.delete(user.getName(), id);
		return ResponseEntity.noContent().build();
	}

	private static List<String> strings(JsonNode object, String name) {
		JsonNode value = object.get(name);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (value.isString()) {
			return List.of(value.stringValue());
		}
		if (!value.isArray()) {
			throw new InvalidRequestException(name, "'" + name + "' must be a list of strings.");
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw new InvalidRequestException(name, "'" + name + "' must be a list of strings.");
			}
			strings.add(item.stringValue());
		}
		return strings;
	}

	@Schema(name = "SaveSearchRequest")
	record SaveSearchRequest(@Schema(description = "What to call it", example = "Myanmar junta") String name,
			@Schema(description = "The query, as on the search page") String q,
			@Schema(description = "Only these sources") List<String> sources,
			@Schema(description = "Only articles naming each of these") List<String> entities,
			@Schema(description = "Only articles with each of these tags") List<String> tags,
			@Schema(description = "Published on or after (2022, 2022-08 or 2022-08-03)") String from,
			@Schema(description = "Published on or before") String to,
			@Schema(description = "relevance, newest or oldest") String sort) {
	}

}
