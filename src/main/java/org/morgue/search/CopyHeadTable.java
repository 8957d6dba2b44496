package org.morgue.search;

import java.io.IOException;
import java.util.Collection;

import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.FixedBitSet;

/**
 * The first copy received (lowest article id) of each group among the matches of one
 * slice of the index. A group is numbered after its first copy received, so when that
 * copy matches it is the one shown, known from its {@link ArticleFields#COPY_GROUP} value
 * alone and kept as a bit per group: a common word matches hundreds of thousands of
 * copies, and a lookup per match would cost more than the counting itself. Only a group
 * whose first copy does not match needs the ids of its matching copies, kept in open
 * addressing over primitive arrays.
 */
final class CopyHeadTable {

	private static final long EMPTY = 0;

	/** Groups whose first copy matched, by group number. */
	private FixedBitSet named = new FixedBitSet(1 << 16);

	private int[] namedDocs = new int[64];

	private int namedCount;

	private long[] groups = new long[64];

	private long[] ids = new long[64];

	private int[] docs = new int[64];

	private int size;

	/**
	 * Takes a match with copies into account.
	 * @param value its {@link ArticleFields#COPY_GROUP} value, not 0
	 * @param doc its document across the whole index
	 * @param leafIds the article ids of its segment, read only when needed (so matches
	 * must come in document order, as collectors get them)
	 * @param leafDoc its document in its segment
	 */
	void offer(long value, int doc, NumericDocValues leafIds, int leafDoc) throws IOException {
		long group = ArticleFields.copyGroup(value);
		boolean indexable = group < Integer.MAX_VALUE - 1;
		if (ArticleFields.namesCopyGroup(value) && indexable) {
			name((int) group, doc);
		}
		else if (!isNamed(group)) {
			offer(group, leafIds.advanceExact(leafDoc) ? leafIds.longValue() : Long.MAX_VALUE, doc);
		}
	}

	private void name(int group, int doc) {
		named = FixedBitSet.ensureCapacity(named, group);
		named.set(group);
		name(doc);
	}

	/** Keeps the copy if it is the group's first received so far. */
	private void offer(long group, long id, int doc) {
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
		int unnamed = 0;
		for (int slot = 0; slot < groups.length; slot++) {
			if (groups[slot] != EMPTY && !isNamed(groups[slot])) {
				unnamed++;
			}
		}
		return namedCount + unnamed;
	}

	/** The first copy of each group over several slices. */
	static CopyHeadTable merge(Collection<CopyHeadTable> slices) {
		if (slices.size() == 1) {
			return slices.iterator().next();
		}
		CopyHeadTable merged = new CopyHeadTable();
		for (CopyHeadTable slice : slices) {
			merged.named = FixedBitSet.ensureCapacity(merged.named, slice.named.length() - 1);
			merged.named.or(slice.named);
			for (int i = 0; i < slice.namedCount; i++) {
				merged.name(slice.namedDocs[i]);
			}
		}
		for (CopyHeadTable slice : slices) {
			for (int slot = 0; slot < slice.groups.length; slot++) {
				if (slice.groups[slot] != EMPTY && !merged.isNamed(slice.groups[slot])) {
					merged.offer(slice.groups[slot], slice.ids[slot], slice.docs[slot]);
				}
			}
		}
		return merged;
	}

	/** The documents of the first copies, across the whole index. */
	int[] docs() {
		int[] heads = new int[size()];
		System.arraycopy(namedDocs, 0, heads, 0, namedCount);
		int count = namedCount;
		for (int slot = 0; slot < groups.length; slot++) {
			if (groups[slot] != EMPTY && !isNamed(groups[slot])) {
				heads[count++] = docs[slot];
			}
		}
		return heads;
	}

	private void name(int doc) {
		if (namedCount == namedDocs.length) {
			int[] grown = new int[Math.max(namedDocs.length * 2, namedCount + 1)];
			System.arraycopy(namedDocs, 0, grown, 0, namedCount);
			namedDocs = grown;
		}
		namedDocs[namedCount++] = doc;
	}

	private boolean isNamed(long group) {
		return group < named.length() && named.get((int) group);
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
