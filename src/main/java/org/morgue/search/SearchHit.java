package org.morgue.search;

import org.morgue.copies.CopyCount;

import java.util.List;

/**
 * One matching article: its id, its title with the matched words marked, and passages of
 * its body with the matched words marked. The HTML holds only escaped text and
 * {@code <mark>} elements. With it, its group of republished copies: how many, from which
 * sources.
 */
public record SearchHit(long id, String titleHtml, List<String> snippetsHtml, CopyCount copies) {

	SearchHit(long id, String titleHtml, List<String> snippetsHtml) {
		this(id, titleHtml, snippetsHtml, CopyCount.alone(id, null));
	}

	SearchHit withCopies(CopyCount copies) {
		return new SearchHit(id, titleHtml, snippetsHtml, (copies != null) ? copies : this.copies);
	}

}
