package org.morgue.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.search.IndexMaintenance;
import org.morgue.search.IndexStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search index, for administrators: its state, a rebuild, a consistency check.
 */
@RestController
@RequestMapping("/api/v1/admin/index")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class IndexAdminApiController {

	private final IndexMaintenance maintenance;

	IndexAdminApiController(IndexMaintenance maintenance) {
		this.maintenance = maintenance;
	}

	@GetMapping
	@Operation(summary = "The index's state, with the progress of a running rebuild")
	IndexStatus status() {
		return maintenance.status();
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Rebuild the index from PostgreSQL in the background; searches go on meanwhile")
	@ApiResponse(responseCode = "202", description = "Started; the index's state")
	@ApiResponse(responseCode = "409", description = "A rebuild or check is running already: problem details "
			+ "with the index's state in 'index'")
	ResponseEntity<IndexStatus> rebuild() {
		return answer(maintenance.startRebuild("an administrator asked for it"));
	}

	@PostMapping("/check")
	@Operation(summary = "Compare the index with PostgreSQL and repair differences, in the background")
	@ApiResponse(responseCode = "202", description = "Started; the index's state")
	@ApiResponse(responseCode = "409", description = "A rebuild or check is running already: problem details "
			+ "with the index's state in 'index'")
	ResponseEntity<IndexStatus> check() {
		return answer(maintenance.startCheck());
	}

	private ResponseEntity<IndexStatus> answer(boolean started) {
		if (!started) {
			throw new WorkRunningException(
					"The index is being rebuilt or checked already; follow GET /api/v1/admin/index.", "index",
					maintenance.status());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(maintenance.status());
	}

}
