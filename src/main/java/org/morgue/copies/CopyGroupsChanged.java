package org.morgue.copies;

import java.util.List;

/**
 * Articles whose group of copies changed (joined, split, relabelled, left alone by a
 * deletion), published in the changing transaction. Not the articles just stored: those
 * are read with their group when they are indexed.
 */
public record CopyGroupsChanged(List<Long> articleIds) {

	public CopyGroupsChanged {
		articleIds = List.copyOf(articleIds);
	}

}
