package org.morgue.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.morgue.article.ArticleVisibility;

/**
 * What an editor is told about an article readers do not see.
 */
final class StoryNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private StoryNotices() {
	}

	/** {@code null} when readers see the article now. */
	static String withheld(ArticleVisibility visibility, Instant now) {
		return switch (visibility.state()) {
			case WITHDRAWN -> "Withdrawn by its provider (killed): readers do not see it.";
			case WITHHELD -> "Withheld by its provider until a usable version comes: readers do not see it.";
			case VISIBLE -> visibility.visibleAt(now) ? null : "Under embargo until "
					+ WHEN.format(visibility.embargoedUntil()) + ": readers do not see it yet.";
		};
	}

}
