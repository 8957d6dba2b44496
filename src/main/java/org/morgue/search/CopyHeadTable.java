package org.morgue.search;

import java.util.Collection;

/**
 * The first copy received (lowest article id) of each group among the matches of one
 * slice of the index, in open addressing over primitive arrays: a common word matches
 * hundreds of thousands of copies, and a map of boxed keys would cost more than the
 * counting itself.
 */
final class CopyHeadTable {

	private static final long EMPTY = 0;

	private long[] groups = new long[64];

	private long[] ids = new long[64];

	private int[] docs = new int[64];

	private int size;

	/** Keeps the copy if it is the group's first received so far. */
	void offer(long group, long id, int doc) {
		if (group == EMPTY) {
			return;
		}
		if (size * 2 >= groups.length) {
			grow();
		}
		int mask = groups.length - 1;
		int slot = slot(group, mask);
		while (true) {
			long found = groups[slot];
			if (found == EMPTY) {
				groups[slot] = group;
				ids[slot] = id;
				docs[slot] = doc;
				size++;
				return;
			}
			if (found == group) {
				if (id < ids[slot]) {
					ids[slot] = id;
					docs[slot] = doc;
				}
				return;
			}
			slot = (slot + 1) & mask;
		}
	}

	/** How many groups had a match. */
	int size() {
		return size;
	}

	/** The first copy of each group over several slices. */
	static CopyHeadTable merge(Collection<CopyHeadTable> slices) {
		if (slices.size() == 1) {
			return slices.iterator().next();
		}
		CopyHeadTable merged = new CopyHeadTable();
		for (CopyHeadTable slice : slices) {
			for (int slot = 0; slot < slice.groups.length; slot++) {
				if (slice.groups[slot] != EMPTY) {
					merged.offer(slice.groups[slot], slice.ids[slot], slice.docs[slot]);
				}
			}
		}
		return merged;
	}

	/** The documents of the first copies, across the whole index. */
	int[] docs() {
		int[] heads = new int[size];
		int count = 0;
		for (int slot = 0; slot < groups.length; slot++) {
			if (groups[slot] != EMPTY) {
				heads[count++] = docs[slot];
			}
		}
		return heads;
	}

	private void grow() {
		long[] oldGroups = groups;
		long[] oldIds = ids;
		int[] oldDocs = docs;
		int capacity = oldGroups.length * 2;
		groups = new long[capacity];
		ids = new long[capacity];
		docs = new int[capacity];
		size = 0;
		for (int slot = 0; slot < oldGroups.length; slot++) {
			if (oldGroups[slot] != EMPTY) {
				offer(oldGroups[slot], oldIds[slot], oldDocs[slot]);
			}
		}
	}

	private static int slot(long group, int mask) {
		long z = group * 0x9E3779B97F4A7C15L;
		return (int) (z ^ (z >>> 32)) & mask;
	}

}
