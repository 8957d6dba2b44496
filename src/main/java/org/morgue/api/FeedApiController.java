package org.morgue.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.feed.FeedKind;
import org.morgue.feed.FeedService;
import org.morgue.feed.FeedStatus;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feeds the archive polls, for administrators: addresses (RSS, Atom, NewsML-G2, NITF,
 * ninjs) and drop folders, each with its status.
 */
@RestController
@RequestMapping(path = "/api/v1/feeds", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Feeds")
class FeedApiController {

	private final FeedService feeds;

	FeedApiController(FeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping
	@Operation(summary = "Every feed, with its status")
	List<FeedResponse> list() {
		return feeds.list().stream().map(FeedResponse::of).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register a feed: an address to poll, or a drop folder on the archive's machine")
	@BodyLimit(16 * 1024)
	ResponseEntity<FeedResponse> add(@RequestBody NewFeedRequest body) {
		FeedStatus feed = feeds.add(body.url(), body.folder(), body.source(), body.intervalSeconds());
		return ResponseEntity.created(URI.create("/api/v1/feeds/" + feed.id())).body(FeedResponse.of(feed));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A feed's status: last poll, what it took, its errors, its next poll")
	FeedResponse get(@PathVariable long id) {
		return FeedResponse.of(feeds.get(id));
	}

	@PostMapping("/{id}/poll")
	@Operation(summary = "Poll a feed now and answer its status after the poll (409 while it is being polled)")
	FeedResponse poll(@PathVariable long id) {
		return FeedResponse.of(feeds.poll(id));
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Stop polling a feed on its schedule")
	FeedResponse pause(@PathVariable long id) {
		return FeedResponse.of(feeds.pause(id));
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Poll a paused feed on its schedule again")
	FeedResponse resume(@PathVariable long id) {
		return FeedResponse.of(feeds.resume(id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Forget a feed; the stories it brought stay")
	ResponseEntity<Void> delete(@PathVariable long id) {
		feeds.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Schema(name = "NewFeedRequest")
	record NewFeedRequest(
			@Schema(description = "An http or https address to poll: RSS, Atom, or a NewsML-G2, NITF or ninjs document",
					example = "https://feeds.example.org/world.rss",
					maxLength = FeedService.MAX_LOCATION_LENGTH) String url,
			@Schema(description = "Instead of url: the absolute path of a drop folder on the archive's machine",
					example = "/srv/drop/afp", maxLength = FeedService.MAX_LOCATION_LENGTH) String folder,
			@Schema(description = "The source to credit when a document names none", example = "AFP",
					maxLength = FeedService.MAX_SOURCE_LENGTH) String source,
			@Schema(description = "How often to poll, in seconds (default 300)",
					example = "300") Integer intervalSeconds)
			implements
				JsonRequest {
	}

	/**
	 * A feed as the API shows it.
	 *
	 * @param state polling, paused, failing or waiting
	 * @param totals what its polls took since it was registered
	 * @param lastPoll what its last successful poll took
	 */
	record FeedResponse(long id, FeedKind kind, String url, String folder, String source, int intervalSeconds,
			boolean paused, String state, String pollingBy, Instant createdAt, String createdBy, Instant lastPollAt,
			Instant lastSuccessAt, Instant nextPollAt, long polls, FeedStatus.Counts totals, FeedStatus.Counts lastPoll,
			int consecutiveFailures, String lastError, Instant lastErrorAt, Map<String, String> links) {

		static FeedResponse of(FeedStatus feed) {
			boolean url = feed.kind() == FeedKind.URL;
			return new FeedResponse(feed.id(), feed.kind(), url ? feed.location() : null, url ? null : feed.location(),
					feed.source(), feed.intervalSeconds(), feed.paused(), feed.state(), feed.pollingBy(),
					feed.createdAt(), feed.createdBy(), feed.lastPollAt(), feed.lastSuccessAt(), feed.nextPollAt(),
					feed.polls(), feed.totals(), feed.lastPoll(), feed.consecutiveFailures(), feed.lastError(),
					feed.lastErrorAt(),
					Map.of("self", "/api/v1/feeds/" + feed.id(), "poll", "/api/v1/feeds/" + feed.id() + "/poll"));
		}

	}

}
