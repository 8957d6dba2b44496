package org.morgue.backup;

import java.time.Instant;
import java.util.List;

/**
 * The first entry of a backup: what it holds and in which order, so that a restore can
 * build the schema it needs and load the tables without looking further.
 *
 * @param format the layout of the file ({@link #FORMAT})
 * @param schemaVersion the Flyway version of the database backed up
 * @param takenAt when the snapshot was taken
 * @param tables every table, in an order in which each comes after the tables it refers
 * to
 * @param sequences the used sequences' values at the snapshot
 */
record BackupManifest(int format, String schemaVersion, Instant takenAt, List<Table> tables,
		List<SequenceValue> sequences) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	static final String SUMMARY_ENTRY = "summary.json";

	/**
	 * A table and the columns its entry holds, in their order.
	 */
	record Table(String name, List<String> columns) {

		String entry() {
			return "tables/" + name + ".copy";
		}

	}

	/**
	 * The last value of a sequence that has been used.
	 */
	record SequenceValue(String name, long lastValue) {
	}

	/**
	 * The last entry: how many rows each table entry holds. A backup without it was cut
	 * short.
	 */
	record Summary(java.util.Map<String, Long> rows, Instant finishedAt) {
	}

}
