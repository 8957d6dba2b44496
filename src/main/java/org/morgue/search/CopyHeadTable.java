package org.morgue.search;

import java.util.Arrays;

/**
 * The earliest matching copy of each group seen while counting, in open addressing over
 * primitive arrays: a common word matches hundreds of thousands of copies, and a map of
 * boxed keys and records would cost more than the counting itself.
 */
final class CopyHeadTable {

	private static final long EMPTY = 0;

	private long[] groups = new long[64];

	private long[] published = new long[64];

	private long[] ids = new long[64];

	private int[] docs = new int[64];

	private int size;

	/** Keeps the copy if it is the group's earliest so far (by publication, then id). */
	void offer(long group, long when, long id, int doc) {
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
				published[slot] = when;
				ids[slot] = id;
				docs[slot] = doc;
				size++;
				return;
			}
			if (found == group) {
				if (when < published[slot] || (when == published[slot] && id < ids[slot])) {
					published[slot] = when;
					ids[slot] = id;
					docs[slot] = doc;
				}
				return;
			}
			slot = (slot + 1) & mask;
		}
	}

	/** Takes in what another slice saw. */
	void addAll(CopyHeadTable other) {
		for (int slot = 0; slot < other.groups.length; slot++) {
			if (other.groups[slot] != EMPTY) {
				offer(other.groups[slot], other.published[slot], other.ids[slot], other.docs[slot]);
			}
		}
	}

	/** How many groups had a match. */
	int size() {
		return size;
	}

	/** The documents of the earliest copies, across the whole index. */
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
		long[] oldPublished = published;
		long[] oldIds = ids;
		int[] oldDocs = docs;
		int capacity = oldGroups.length * 2;
		groups = new long[capacity];
		published = new long[capacity];
		ids = new long[capacity];
		docs = new int[capacity];
		size = 0;
		for (int slot = 0; slot < oldGroups.length; slot++) {
			if (oldGroups[slot] != EMPTY) {
				offer(oldGroups[slot], oldPublished[slot], oldIds[slot], oldDocs[slot]);
			}
		}
	}

	private static int slot(long group, int mask) {
		long z = group * 0x9E3779B97F4A7C15L;
		return (int) (z ^ (z >>> 32)) & mask;
	}

	@Override
	public String toString() {
		return "CopyHeadTable" + Arrays.toString(docs());
	}

}
