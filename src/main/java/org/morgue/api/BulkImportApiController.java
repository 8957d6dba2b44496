package org.morgue.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.morgue.ingest.IngestService;
import org.morgue.transfer.BulkImport;
import org.morgue.transfer.ImportItem;
import org.morgue.transfer.ImportOutcome;
import org.morgue.transfer.ImportSource;
import org.morgue.transfer.ImportSummary;
import org.morgue.transfer.NdjsonLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Many articles in one request: NDJSON read as a stream, stored a batch at a time, and an
 * answer written as the lines are done that says, line by line, what became of each. A
 * bad line never stops the good ones.
 */
@RestController
@RequestMapping("/api/v1/articles/bulk")
@Tag(name = "Articles")
class BulkImportApiController {

	private static final Logger log = LoggerFactory.getLogger(BulkImportApiController.class);

	/**
	 * Room for JSON syntax and escapes around a line's body, which is held to the limit
	 * itself.
	 */
	private static final int JSON_OVERHEAD_BYTES = 64 * 1024;

	private final BulkImport imports;

	private final IngestService ingest;

	private final JsonMapper json;

	BulkImportApiController(BulkImport imports, IngestService ingest, JsonMapper json) {
		this.imports = imports;
		this.ingest = ingest;
		this.json = json;
	}

	@PostMapping(consumes = { ArticleExportController.NDJSON, "application/jsonl" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('EDITOR')")
	@Operation(summary = "Store many articles from NDJSON",
			description = "One article per line: the JSON fields of a single POST ({\"title\", \"body\", \"source\", ...}), "
					+ "{\"raw\": \"...\"} for wire copy (with any of title, byline, source, dateline, publishedAt, url, "
					+ "language to correct what the parser finds), or a line of GET /api/v1/export. Blank lines are skipped. "
					+ "The answer lists every line with its status: created (with the article's id), duplicate (the same "
					+ "copy is stored already, under that id) or error (with the field and the reason); a bad line never "
					+ "stops the others and nothing of it is stored. Articles are searchable as their batch commits; "
					+ "entity extraction is queued.",
			requestBody = @RequestBody(content = @Content(mediaType = ArticleExportController.NDJSON, schema = @Schema(
					type = "string",
					example = "{\"title\": \"Rice prices rise\", \"body\": \"...\", \"source\": \"AFP\"}\n{\"raw\": \"By AFP\\nYANGON: ...\"}"))))
	@ApiResponse(responseCode = "200", description = "Every line's outcome and the totals")
	void bulk(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long lineLimit = ingest.maxBodyBytes() * 2 + JSON_OVERHEAD_BYTES;
		try (ImportSource lines = new PeekedSource(
				new NdjsonLines(request.getInputStream(), null, (int) Math.min(Integer.MAX_VALUE - 8, lineLimit)))) {
			if (((PeekedSource) lines).isEmpty()) {
				throw new InvalidRequestException("body",
						"The body is empty: send one article per line as NDJSON (application/x-ndjson).");
			}
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			OutputStream out = response.getOutputStream();
			try (JsonGenerator answer = json.createGenerator(out)) {
				answer.writeStartObject();
				answer.writeName("results");
				answer.writeStartArray();
				ImportSummary summary = null;
				String aborted = null;
				try {
					summary = imports.run(lines, "bulk request", outcome -> write(answer, outcome), progress -> {
					});
				}
				catch (RuntimeException | IOException ex) {
					// The answer is under way: say where it stopped. Batches before it
					// are stored.
					log.error("A bulk import stopped", ex);
					aborted = "The import stopped: the archive could not store the articles after the last line listed "
							+ "above. Lines after it were not stored; send them again.";
				}
				answer.writeEndArray();
				if (summary != null) {
					answer.writeNumberProperty("read", summary.read());
					answer.writeNumberProperty("created", summary.created());
					answer.writeNumberProperty("updated", summary.updated());
					answer.writeNumberProperty("duplicates", summary.duplicates());
					answer.writeNumberProperty("errors", summary.errors());
					answer.writeNumberProperty("seconds", summary.took().toMillis() / 1000.0);
				}
				if (aborted != null) {
					answer.writeStringProperty("aborted", aborted);
				}
				answer.writeEndObject();
			}
		}
	}

	private static void write(JsonGenerator answer, ImportOutcome outcome) {
		answer.writeStartObject();
		answer.writeNumberProperty("line", outcome.place().line());
		answer.writeStringProperty("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
		if (outcome.articleId() != null) {
			answer.writeNumberProperty("id", outcome.articleId());
			answer.writeStringProperty("href", "/api/v1/articles/" + outcome.articleId());
		}
		if (outcome.status() == ImportOutcome.Status.ERROR) {
			answer.writeStringProperty("field", outcome.field());
			answer.writeStringProperty("reason", outcome.reason());
		}
		answer.writeEndObject();
	}

	/**
	 * A source whose first item has been read already, to tell an empty body before
	 * answering.
	 */
	private static final class PeekedSource implements ImportSource {

		private final ImportSource source;

		private ImportItem first;

		private boolean started;

		PeekedSource(ImportSource source) throws IOException {
			this.source = source;
			this.first = source.next();
		}

		boolean isEmpty() {
			return first == null;
		}

		@Override
		public ImportItem next() throws IOException {
			if (!started) {
				started = true;
				return first;
			}
			return source.next();
		}

		@Override
		public long total() {
			return source.total();
		}

		@Override
		public void close() throws IOException {
			source.close();
		}

	}

}
