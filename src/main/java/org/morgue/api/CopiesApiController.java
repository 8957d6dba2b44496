package org.morgue.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.copies.ArticleCopies;
import org.morgue.copies.Copy;
import org.morgue.copies.CopyBacklog;
import org.morgue.copies.CopyService;
import org.morgue.system.WorkProgress;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The republished copies of an article's story, editors' splits and joins, and the
 * grouping backlog for administrators.
 */
@RestController
@Tag(name = "Articles")
class CopiesApiController {

	private static final long JSON_LIMIT = 16 * 1024;

	private final CopyService copies;

	private final CopyBacklog backlog;

	CopiesApiController(CopyService copies, CopyBacklog backlog) {
		this.copies = copies;
		this.backlog = backlog;
	}

	@GetMapping(path = "/api/v1/articles/{id}/copies", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The article's group of republished copies, the article itself included, earliest first",
			description = "Each copy with its source, publication date, title and similarity: the share of the shorter "
					+ "text's five-word shingles that the other text has too (1 for the article itself).")
	CopiesResponse copies(@PathVariable long id) {
		return CopiesResponse.of(copies.copiesOf(id));
	}

	@PostMapping(path = "/api/v1/articles/{id}/copies/split", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Split the article off its group (editors)",
			description = "The article is no longer a copy of the others, and is kept apart from them: a later article "
					+ "like both joins only one. Recorded in the history. Answers the article's copies (itself alone).")
	CopiesResponse split(@PathVariable long id) {
		return CopiesResponse.of(copies.split(id));
	}

	@PostMapping(path = "/api/v1/articles/{id}/copies/join", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Join the article's group with another article's (editors)",
			description = "{\"article\": id}. The two groups become one whatever their texts, and stay together. "
					+ "Recorded in the history. Answers the joined group.")
	@BodyLimit(JSON_LIMIT)
	CopiesResponse join(@PathVariable long id, @RequestBody JoinRequest body) {
		if (body.article() == null) {
			throw new InvalidRequestException("article", "Say which article to join with: {\"article\": id}.");
		}
		return CopiesResponse.of(copies.join(id, body.article()));
	}

	@GetMapping(path = "/api/v1/admin/copies/backlog", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The grouping backlog: progress of the run under way (done, total, rate, time left)")
	WorkProgress backlog() {
		return backlog.progress();
	}

	@PostMapping(path = "/api/v1/admin/copies/backlog", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Group the articles without a signature now (administrators)",
			description = "202 when it started; 409, problem details with the run's progress in 'progress', when one is already under way.")
	ResponseEntity<WorkProgress> startBacklog() {
		if (!backlog.start("an administrator asked for it")) {
			throw new WorkRunningException(
					"Grouping the backlog of copies is under way already; follow GET /api/v1/admin/copies/backlog.",
					"progress", backlog.progress());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(backlog.progress());
	}

	@Schema(name = "JoinCopiesRequest")
	record JoinRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "The article whose group to join") Long article) implements JsonRequest {
	}

	@Schema(name = "Copies")
	record CopiesResponse(@Schema(description = "The group's number, the same for every copy") long group,
			@Schema(description = "How many copies, the article included") int count, List<CopyResponse> articles) {

		static CopiesResponse of(ArticleCopies copies) {
			return new CopiesResponse(copies.group(), copies.count(),
					copies.articles().stream().map(CopyResponse::of).toList());
		}

	}

	@Schema(name = "Copy")
	record CopyResponse(long id, @Schema(nullable = true) String source,
			@Schema(nullable = true, example = "2022-08-03") LocalDate publishedAt, String title,
			@Schema(description = "Share of the shorter text's shingles the other has too, 0 to 1") double similarity,
			String href) {

		static CopyResponse of(Copy copy) {
			return new CopyResponse(copy.id(), copy.source(), copy.publishedDate(), copy.title(), copy.similarity(),
					"/api/v1/articles/" + copy.id());
		}

	}

}
