package org.morgue.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.history.AuditFilter;
import org.morgue.history.HistoryService;
import org.morgue.history.RecordedChange;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history of editorial changes: an article's, for every reader, and the audit of all
 * changes, filtered, for administrators.
 */
@RestController
@Tag(name = "History")
class HistoryApiController {

	private static final int MAX_PAGE_SIZE = 200;

	private final HistoryService history;

	HistoryApiController(HistoryService history) {
		this.history = history;
	}

	/**
	 * A page of changes: how many there are in all, which page this is (from 0), and its
	 * changes.
	 */
	record ChangePage(long total, int page, int size, List<RecordedChange> changes) {
	}

	@GetMapping(path = "/api/v1/articles/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The editorial changes of an article, newest first",
			description = "Each change: when, who, what kind, to what, and the state before and after. "
					+ "The history of a deleted article stays readable.")
	ChangePage articleHistory(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		checkPage(page, size);
		return new ChangePage(history.countOfArticle(id), page, size, history.ofArticle(id, page * size, size));
	}

	@GetMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Every editorial change, newest first, filtered")
	ChangePage audit(
			@Parameter(description = "Who made the change (user name)") @RequestParam(required = false) String actor,
			@Parameter(description = "The start of the kind, e.g. tag or entity.renamed") @RequestParam(
					required = false) String kind,
			@Parameter(description = "Changes touching this article id") @RequestParam(required = false) String article,
			@Parameter(description = "Made on or after this day, e.g. 2025-01-31 (UTC)") @RequestParam(
					required = false) String from,
			@Parameter(description = "Made on or before this day (UTC)") @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		checkPage(page, size);
		AuditFilter filter = AuditFilter.read(actor, kind, article, from, to);
		return new ChangePage(history.count(filter), page, size, history.audit(filter, page * size, size));
	}

	private static void checkPage(int page, int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "'size' must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
		if (page < 0) {
			throw new InvalidRequestException("page", "Pages count from 0.");
		}
	}

}
