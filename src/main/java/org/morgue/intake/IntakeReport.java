package org.morgue.intake;

import java.util.List;

/**
 * What became of a document taken in, story by story, in the document's order.
 *
 * @param several whether the document is one that holds several stories (a NewsML-G2
 * message, a feed, a list of addresses), however many it held this time
 * @param items one for each story
 */
public record IntakeReport(boolean several, List<IntakeItem> items) {

	public IntakeReport {
		items = List.copyOf(items);
	}

	public long created() {
		return count(IntakeItem.Outcome.CREATED);
	}

	public long updated() {
		return count(IntakeItem.Outcome.UPDATED) + count(IntakeItem.Outcome.OLDER);
	}

	public long duplicates() {
		return count(IntakeItem.Outcome.DUPLICATE);
	}

	public long failed() {
		return count(IntakeItem.Outcome.FAILED);
	}

	private long count(IntakeItem.Outcome outcome) {
		return items.stream().filter((item) -> item.outcome() == outcome).count();
	}

}
