package org.morgue.search;

import org.apache.lucene.util.InPlaceMergeSorter;

/**
 * The ids and versions of the articles in an index, sorted by id, as the consistency
 * check walks them beside PostgreSQL's. Primitive arrays: an index of millions of
 * articles fits in a few tens of megabytes.
 */
final class IndexedVersions {

	private final long[] ids;

	private final int[] versions;

	private final int size;

	/**
	 * @param ids the articles' ids, in any order, in the first {@code size} places
	 * @param versions their versions, in the same order (-1 for unknown)
	 */
	IndexedVersions(long[] ids, int[] versions, int size) {
		this.ids = ids;
		this.versions = versions;
		this.size = size;
		sort();
	}

	private void sort() {
		new InPlaceMergeSorter() {

			@Override
			protected int compare(int i, int j) {
				return Long.compare(ids[i], ids[j]);
			}

			@Override
			protected void swap(int i, int j) {
				long id = ids[i];
				ids[i] = ids[j];
				ids[j] = id;
				int version = versions[i];
				versions[i] = versions[j];
				versions[j] = version;
			}

		}.sort(0, size);
	}

	int size() {
		return size;
	}

	long id(int index) {
		return ids[index];
	}

	int version(int index) {
		return versions[index];
	}

}
