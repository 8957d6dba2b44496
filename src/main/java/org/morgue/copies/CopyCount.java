package org.morgue.copies;

import java.util.List;

/**
 * How many copies an article's group has and where they come from, for a search hit or an
 * article's JSON.
 *
 * @param group the group's number
 * @param count copies in the group, the article included (1 when it has none)
 * @param sources the copies' sources, each once, in the order they published
 */
public record CopyCount(long group, int count, List<String> sources) {

	public CopyCount {
		sources = List.copyOf(sources);
	}

	public static CopyCount alone(long articleId, String source) {
		return new CopyCount(articleId, 1, (source != null) ? List.of(source) : List.of());
	}

}
