package org.morgue.search;

import java.util.List;

/**
 * One matching article: its id, its title with the matched words marked, and passages of
 * its body with the matched words marked. The HTML holds only escaped text and
 * {@code <mark>} elements.
 */
public record SearchHit(long id, String titleHtml, List<String> snippetsHtml) {
}
