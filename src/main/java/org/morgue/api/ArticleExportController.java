package org.morgue.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyService;
import org.morgue.ner.EntityService;
import org.morgue.search.ArticleSearch;
import org.morgue.story.StoryService;
import org.morgue.tag.TagService;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchCriteria;
import org.springdoc.core.annotations.ParameterObject;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every hit of a search, streamed as NDJSON (one article per line) or CSV (UTF-8 with a
 * byte-order mark and a header row, so spreadsheets open it cleanly). No cap on the
 * number of hits.
 */
@RestController
@RequestMapping("/api/v1/articles/export")
@Tag(name = "Articles")
class ArticleExportController {

	static final String NDJSON = "application/x-ndjson";

	private static final int BATCH = 500;

	private static final String[] CSV_COLUMNS = { "id", "title", "byline", "source", "dateline", "publishedAt", "url",
			"language", "wordCount", "body" };

	private final ArticleSearch search;

	private final ArticleService articles;

	private final JsonMapper json;

	private final EntityService entities;

	private final TagService tags;

	private final StoryService stories;

	private final CopyService copies;

	ArticleExportController(ArticleSearch search, ArticleService articles, JsonMapper json, EntityService entities,
			TagService tags, StoryService stories, CopyService copies) {
		this.stories = stories;
		this.copies = copies;
		this.entities = entities;
		this.tags = tags;
		this.search = search;
		this.articles = articles;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "Export every hit of a search",
			description = "Same parameters as the search; format=ndjson (default) or csv.")
	ResponseEntity<StreamingResponseBody> export(@ParameterObject SearchCriteria criteria,
			@Parameter(description = "ndjson or csv") @RequestParam(defaultValue = "ndjson") String format) {
		boolean csv = switch (format) {
			case "csv" -> true;
			case "ndjson" -> false;
			default -> throw new InvalidQueryException("format", "'format' is ndjson or csv.");
		};
		SearchRequest request = criteria.toRequest(1, 0, null);
		// Reads the query now, so that a bad one is a 400 before any output.
		search.search(request);
		StreamingResponseBody body = out -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			if (csv) {
				writer.write('\uFEFF');
				writeCsvRow(writer, CSV_COLUMNS);
			}
			search.forEachMatch(request, BATCH, ids -> {
				try {
					var analysed = entities.analysedVersions(ids);
					var found = entities.entitiesOf(ids);
					var tagged = tags.tagsOf(ids);
					var told = stories.ofArticles(ids);
					var grouped = copies.counts(ids);
					for (ArticleDetails article : articles.details(ids)) {
						if (csv) {
							writeCsvRow(writer, csvRow(article));
						}
						else {
							writer.write(json.writeValueAsString(
									ArticleResponse.of(article, null, found.getOrDefault(article.id(), List.of()),
											Integer.valueOf(article.version()).equals(analysed.get(article.id())),
											tagged.getOrDefault(article.id(), List.of()), told.get(article.id()),
											grouped.get(article.id()))));
							writer.write('\n');
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			writer.flush();
		};
		String extension = csv ? "csv" : "ndjson";
		return ResponseEntity.ok()
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(NDJSON))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"morgue-export." + extension + "\"")
			.body(body);
	}

	private static String[] csvRow(ArticleDetails article) {
		return new String[] { Long.toString(article.id()), article.title(), article.byline(), article.source(),
				(article.dateline() != null) ? article.dateline().placeDisplay() : null,
				(article.publishedDate() != null) ? article.publishedDate().toString() : null, article.url(),
				article.language(), Integer.toString(article.wordCount()), article.body() };
	}

	/** RFC 4180: every field quoted, quotes doubled, rows ended with CRLF. */
	private static void writeCsvRow(Writer writer, String[] values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write('"');
			writer.write((values[i] != null) ? values[i].replace("\"", "\"\"") : "");
			writer.write('"');
		}
		writer.write("\r\n");
	}

}
