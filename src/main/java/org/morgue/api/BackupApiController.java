package org.morgue.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.backup.DatabaseBackup;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A backup of the running archive's whole database, streamed as it is taken: what
 * {@code java -jar morgue.jar backup FILE} writes, and what
 * {@code java -jar morgue.jar restore FILE} restores.
 */
@RestController
@RequestMapping("/api/v1/admin/backup")
@Tag(name = "Administration")
class BackupApiController {

	static final String ZIP = "application/zip";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final DatabaseBackup backup;

	BackupApiController(DatabaseBackup backup) {
		this.backup = backup;
	}

	@GetMapping(produces = ZIP)
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Back up the whole archive while it runs",
			description = "Every table of the database (articles with their versions and copy as received, tags, "
					+ "annotations, entities and their curation, saved searches, users and API tokens, history, "
					+ "feeds) as it stood at one moment, while writes go on. Restore it into an empty database with "
					+ "java -jar morgue.jar restore FILE; the search index is rebuilt from it at the next start.")
	ResponseEntity<StreamingResponseBody> backup() {
		String name = "morgue-backup-" + STAMP.format(Instant.now()) + ".zip";
		StreamingResponseBody body = out -> backup.write(out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.header(HttpHeaders.CONTENT_TYPE, ZIP)
			.body(body);
	}

}
