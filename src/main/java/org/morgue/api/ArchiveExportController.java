package org.morgue.api;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.transfer.ArchiveExport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The archive's articles as NDJSON, to move them into another archive: what
 * {@code java -jar morgue.jar export FILE} writes, streamed.
 */
@RestController
@RequestMapping("/api/v1/export")
@Tag(name = "Administration")
class ArchiveExportController {

	private final ArchiveExport export;

	ArchiveExportController(ArchiveExport export) {
		this.export = export;
	}

	@GetMapping(produces = ArticleExportController.NDJSON)
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Export the whole archive",
			description = "One article per line, oldest id first: the article JSON with its copy as received (rawText), "
					+ "who brought it in and changed it and when, and its entities with every mention. POST the file to "
					+ "/api/v1/articles/bulk (or java -jar morgue.jar import FILE) to restore it into another archive.")
	ResponseEntity<StreamingResponseBody> export() {
		String name = "morgue-export-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson";
		StreamingResponseBody body = out -> export.write(out, progress -> {
		});
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(MediaType.parseMediaType(ArticleExportController.NDJSON))
			.body(body);
	}

}
