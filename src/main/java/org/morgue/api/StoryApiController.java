package org.morgue.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.morgue.story.StoryService;
import org.morgue.story.StoryState;
import org.morgue.story.StoryVersionSummary;
import org.morgue.story.StoryVersionText;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of a story received from a wire feed, each kept as it arrived.
 */
@RestController
@Tag(name = "Articles")
class StoryApiController {

	private final StoryService stories;

	StoryApiController(StoryService stories) {
		this.stories = stories;
	}

	@GetMapping(path = "/api/v1/articles/{id}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every version of the article's story received, first received first",
			description = "Each with the provider's version, when it was made and received, its status and whether it "
					+ "became the article's text (an older version arriving late is kept but does not). Empty for an "
					+ "article that did not come as a story.")
	VersionsResponse versions(@PathVariable long id) {
		List<StoryVersionSummary> versions = stories.versions(id);
		return new VersionsResponse(id, stories.ofArticle(id).orElse(null),
				versions.stream().map(version -> VersionResponse.of(id, version)).toList());
	}

	@GetMapping(path = "/api/v1/articles/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One version of the article's story: its text and the document as received")
	VersionTextResponse version(@PathVariable long id, @PathVariable("version") long versionId) {
		StoryVersionText text = stories.version(id, versionId);
		return new VersionTextResponse(VersionResponse.of(id, text.version()), text.body(), text.rawText());
	}

	@Schema(name = "StoryVersions")
	record VersionsResponse(long articleId, @Schema(nullable = true) StoryState story, List<VersionResponse> versions) {
	}

	@Schema(name = "StoryVersion")
	record VersionResponse(StoryVersionSummary version, String href) {

		static VersionResponse of(long articleId, StoryVersionSummary version) {
			return new VersionResponse(version, "/api/v1/articles/" + articleId + "/versions/" + version.id());
		}

	}

	@Schema(name = "StoryVersionText")
	record VersionTextResponse(VersionResponse version,
			@Schema(description = "The version's text: paragraphs separated by a blank line") String body,
			@Schema(description = "The document exactly as received") String rawText) {
	}

}
