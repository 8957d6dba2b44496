package org.morgue.transfer;

import java.time.Duration;
import java.util.List;

/**
 * The end of an import: how many items were read and what became of them, how long it
 * took, and the first of the items that were not stored.
 *
 * @param errorsShown the first errors, in the order read (at most
 * {@link BulkImport#ERRORS_KEPT})
 */
public record ImportSummary(long read, long created, long updated, long duplicates, long errors, Duration took,
		List<ImportOutcome> errorsShown) {

	public ImportSummary {
		errorsShown = List.copyOf(errorsShown);
	}

	/** Items read per second. */
	public double perSecond() {
		return read / Math.max(0.001, took.toMillis() / 1000.0);
	}

}
