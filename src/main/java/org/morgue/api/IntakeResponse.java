package org.morgue.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.morgue.intake.IntakeItem;
import org.morgue.intake.IntakeReport;

/**
 * What became of the stories of a document of several (a NewsML-G2 message, a feed, a
 * list of addresses), as the API answers.
 */
@Schema(name = "IntakeReport", description = "What became of each story of a document")
record IntakeResponse(@Schema(description = "New stories") long created, @Schema(
		description = "Versions of stories the archive had: newer ones applied, older ones listed") long updated,
		@Schema(description = "Versions or texts the archive had already") long duplicates,
		@Schema(description = "Stories not taken; each item says why") long failed, List<Item> items) {

	static IntakeResponse of(IntakeReport report) {
		return new IntakeResponse(report.created(), report.updated(), report.duplicates(), report.failed(),
				report.items().stream().map(Item::of).toList());
	}

	@Schema(name = "IntakeItem")
	record Item(@Schema(description = "CREATED, UPDATED, OLDER, DUPLICATE or FAILED") String outcome,
			@Schema(description = "The story's article, or null when it failed", nullable = true) Long id,
			@Schema(nullable = true) String title,
			@Schema(description = "The provider's id of the story", nullable = true) String guid,
			@Schema(description = "The provider's version", nullable = true) String version,
			@Schema(description = "Why it was not taken", nullable = true) String error,
			@Schema(description = "The article", nullable = true) String href) {

		static Item of(IntakeItem item) {
			Long id = (item.article() != null) ? item.article().id() : null;
			return new Item(item.outcome().name(), id, (item.article() != null) ? item.article().title() : null,
					item.guid(), item.version(), item.error(), (id != null) ? "/api/v1/articles/" + id : null);
		}

	}

}
