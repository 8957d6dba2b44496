package org.morgue.ner;

import java.time.Instant;
import java.util.Map;

/**
 * A curation decision as recorded: what was decided, on which entity, by whom and when.
 *
 * @param action {@code RENAME}, {@code RETYPE}, {@code MERGE}, {@code SPLIT_ALIAS},
 * {@code ADD_ALIAS} or {@code IGNORE_NAME}
 * @param details what changed: before and after values, names and counts
 */
public record CurationDecision(long id, String action, Long entityId, Map<String, Object> details, Instant decidedAt,
		String decidedBy) {
}
