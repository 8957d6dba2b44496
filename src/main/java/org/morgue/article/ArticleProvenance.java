package org.morgue.article;

import java.time.Instant;
import java.util.Objects;

/**
 * Who brought an article in and last changed it, and when: kept when an exported archive
 * is imported again, so that the restored article tells its own history rather than the
 * import's.
 */
public record ArticleProvenance(Instant ingestedAt, String createdBy, Instant createdAt, String updatedBy,
		Instant updatedAt) {

	public ArticleProvenance {
		Objects.requireNonNull(ingestedAt, "ingestedAt");
		Objects.requireNonNull(createdBy, "createdBy");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedBy, "updatedBy");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

}
