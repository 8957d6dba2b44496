package org.morgue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.lucene.search.Query;
import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.system.Workers;

import org.springframework.stereotype.Component;

/**
 * The hits of a page, made from the ids the index ranked: the articles' texts read from
 * PostgreSQL and highlighted. A long page is done in two halves side by side, one on a
 * search thread and one on the caller's, which nearly halves the wait on two cores.
 */
@Component
class SearchHits {

	/**
	 * Pages of at least this many hits are read and highlighted in two halves at once.
	 */
	private static final int SPLIT_PAGES_FROM = 8;

	private final ArticleService articles;

	private final Workers workers;

	SearchHits(ArticleService articles, Workers workers) {
		this.articles = articles;
		this.workers = workers;
	}

	/**
	 * @param query the words to mark (the text of the search, without its filters)
	 * @param ids the page's articles, in order
	 */
	Page read(Query query, List<Long> ids) {
		long start = System.nanoTime();
		if (ids.size() < SPLIT_PAGES_FROM || workers.searchThreads() < 2) {
			Part whole = part(query, ids);
			return new Page(whole.hits(), whole.fetchedAt() - start);
		}
		int half = (ids.size() + 1) / 2;
		CompletableFuture<Part> first = CompletableFuture.supplyAsync(() -> part(query, ids.subList(0, half)),
				workers.search());
		Part second = part(query, ids.subList(half, ids.size()));
		Part firstPart;
		try {
			firstPart = first.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		List<SearchHit> hits = new ArrayList<>(firstPart.hits());
		hits.addAll(second.hits());
		return new Page(hits, Math.max(firstPart.fetchedAt(), second.fetchedAt()) - start);
	}

	private Part part(Query query, List<Long> ids) {
		List<ArticleContent> texts = articles.contents(ids);
		long fetchedAt = System.nanoTime();
		try {
			return new Part(HitHighlighter.highlight(query, texts), fetchedAt);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param fetchNanos the time until the texts were read from PostgreSQL
	 */
	record Page(List<SearchHit> hits, long fetchNanos) {
	}

	private record Part(List<SearchHit> hits, long fetchedAt) {
	}

}
