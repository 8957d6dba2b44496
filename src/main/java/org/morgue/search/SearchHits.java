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
 * PostgreSQL and highlighted by re-analysing them as the index analyses documents, the
 * same whichever engine holds the index. A long page is done in two halves side by side,
 * one on a search thread and one on the caller's, which nearly halves the wait on two
 * cores.
 */
@Component
class SearchHits {

	/**
	 * Pages of at least this many hits are read and highlighted in two halves at once.
	 */
	private static final int SPLIT_PAGES_FROM = 8;

	private final ArticleService articles;

	private final Workers workers;

	private final ArticleQueries queries;

	SearchHits(ArticleService articles, Workers workers, ArticleQueries queries) {
		this.articles = articles;
		this.workers = workers;
		this.queries = queries;
	}

	/**
	 * @param text the query of the search, whose words are marked (its filters are not)
	 * @param ids the page's articles, in order
	 * @throws InvalidQueryException when the query cannot be read
	 */
	Page read(String text, List<Long> ids) {
		long start = System.nanoTime();
		Query query = queries.text(text);
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
