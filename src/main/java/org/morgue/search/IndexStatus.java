package org.morgue.search;

import org.morgue.system.WorkProgress;

/**
 * The state of the search index, for administrators.
 *
 * @param available whether searches are answered (false only while the very first index
 * is built)
 * @param documents articles in the index in service
 * @param directory where the index in service lives
 * @param schemaVersion the schema this version of Morgue writes
 * @param rebuildReason why a rebuild is needed or running, or {@code null}
 */
public record IndexStatus(boolean available, long documents, String directory, int schemaVersion, String rebuildReason,
		WorkProgress rebuild, ConsistencyReport lastCheck) {
}
