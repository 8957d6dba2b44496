package org.morgue.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.util.FixedBitSet;

/**
 * The first matching copy of each group, in index order (the order copies were indexed,
 * normally the order they came in), seen while counting one slice of the index. A common
 * word matches hundreds of thousands of copies: a bit per group number says whether the
 * group has its copy already, which costs a few nanoseconds a match where a map of groups
 * to their earliest copy cost more than all the counting besides.
 */
final class CopyHeadTable {

	private FixedBitSet seen = new FixedBitSet(1 << 16);

	private long[] groups = new long[64];

	private int[] docs = new int[64];

	private int size;

	/** The slice's first document, for putting slices in index order. */
	private int firstDoc = Integer.MAX_VALUE;

	/** Notes the copy unless its group has one already (documents come in order). */
	void offer(long group, int doc) {
		if (group <= 0 || group > Integer.MAX_VALUE - 1) {
			return;
		}
		int bit = (int) group;
		if (bit >= seen.length()) {
			seen = FixedBitSet.ensureCapacity(seen, bit);
		}
		if (seen.getAndSet(bit)) {
			return;
		}
		if (size == docs.length) {
			docs = Arrays.copyOf(docs, size * 2);
			groups = Arrays.copyOf(groups, size * 2);
		}
		firstDoc = Math.min(firstDoc, doc);
		groups[size] = group;
		docs[size++] = doc;
	}

	/** How many groups had a match. */
	int size() {
		return size;
	}

	/**
	 * The first copy of each group over several slices: the slices in index order, a
	 * group's copy from the first slice that has one.
	 */
	static CopyHeadTable merge(Collection<CopyHeadTable> slices) {
		if (slices.size() == 1) {
			return slices.iterator().next();
		}
		List<CopyHeadTable> ordered = slices.stream()
			.sorted(Comparator.comparingInt((CopyHeadTable slice) -> slice.firstDoc))
			.toList();
		CopyHeadTable merged = new CopyHeadTable();
		for (CopyHeadTable slice : ordered) {
			for (int i = 0; i < slice.size; i++) {
				merged.offer(slice.groups[i], slice.docs[i]);
			}
		}
		return merged;
	}

	/** The documents of the first copies, across the whole index. */
	int[] docs() {
		return Arrays.copyOf(docs, size);
	}

}
