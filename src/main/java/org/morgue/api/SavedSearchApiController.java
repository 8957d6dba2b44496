package org.morgue.api;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.search.SearchCriteria;
import org.morgue.alert.SavedSearch;
import org.morgue.alert.SavedSearchStatus;
import org.morgue.alert.SavedSearches;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY;

/**
 * The caller's own saved searches, with how many matches are new since they last ran
 * each, and the address of each one's Atom feed.
 */
@RestController
@RequestMapping(path = "/api/v1/saved-searches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Saved searches")
class SavedSearchApiController {

	private final SavedSearches savedSearches;

	SavedSearchApiController(SavedSearches savedSearches) {
		this.savedSearches = savedSearches;
	}

	/**
	 * A saved search as the API shows it.
	 *
	 * @param newMatches matches received since it was last run; -1 when they cannot be
	 * counted now
	 */
	record SavedSearchResponse(long id, String name, SearchCriteria search, Instant createdAt, Instant lastSeenAt,
			Long newMatches, Map<String, String> links) {

		static SavedSearchResponse of(SavedSearch saved, Long newMatches) {
			return new SavedSearchResponse(saved.id(), saved.name(), saved.search(), saved.createdAt(),
					saved.lastSeenAt(), newMatches, Map.of("self", "/api/v1/saved-searches/" + saved.id(), "feed",
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
	@Operation(summary = "Save a search under a name")
	@BodyLimit(16 * 1024)
	ResponseEntity<SavedSearchResponse> save(Principal user, @RequestBody SaveSearchRequest body) {
		SearchCriteria query = new SearchCriteria(body.q(), orNone(body.sources()), orNone(body.entities()),
				orNone(body.tags()), body.from(), body.to(), body.sort(), null);
		SavedSearch saved = savedSearches.save(user.getName(), body.name(), query);
		return ResponseEntity.created(URI.create("/api/v1/saved-searches/" + saved.id()))
			.body(SavedSearchResponse.of(saved, 0L));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete one of your saved searches")
	ResponseEntity<Void> delete(Principal user, @PathVariable long id) {
		savedSearches.delete(user.getName(), id);
		return ResponseEntity.noContent().build();
	}

	private static List<String> orNone(List<String> strings) {
		return (strings != null) ? strings : List.of();
	}

	/**
	 * The lists take one string for a list of one, as a query string repeats a parameter.
	 */
	@Schema(name = "SaveSearchRequest")
	record SaveSearchRequest(
			@Schema(description = "What to call it", example = "Myanmar junta",
					maxLength = SavedSearches.MAX_NAME) String name,
			@Schema(description = "The query, as on the search page") String q,
			@Schema(description = "Only these sources") @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) @JsonSetter(
					contentNulls = Nulls.FAIL) List<String> sources,
			@Schema(description = "Only articles naming each of these") @JsonFormat(
					with = ACCEPT_SINGLE_VALUE_AS_ARRAY) @JsonSetter(contentNulls = Nulls.FAIL) List<String> entities,
			@Schema(description = "Only articles with each of these tags") @JsonFormat(
					with = ACCEPT_SINGLE_VALUE_AS_ARRAY) @JsonSetter(contentNulls = Nulls.FAIL) List<String> tags,
			@Schema(description = "Published on or after (2022, 2022-08 or 2022-08-03)") String from,
			@Schema(description = "Published on or before") String to,
			@Schema(description = "relevance, newest or oldest") String sort) implements JsonRequest {
	}

}
