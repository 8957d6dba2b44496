package org.morgue.search;

import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.morgue.ner.EntityService;
import org.morgue.system.CurrentActor;

import org.springframework.stereotype.Component;

/**
 * The Lucene query of a search: its text in the query language and every filter of the
 * request. The one place a filter of {@link SearchRequest} becomes part of a query.
 */
@Component
class ArticleQueries {

	private final EntityService entities;

	ArticleQueries(EntityService entities) {
		this.entities = entities;
	}

	/**
	 * The query with its filters.
	 * @throws InvalidQueryException when the query cannot be read
	 */
	Query of(SearchRequest request) {
		return filtered(text(request.query()), request);
	}

	/**
	 * The words of the query alone, which is what highlighting marks.
	 * @throws InvalidQueryException when the query cannot be read
	 */
	Query text(String query) {
		return new ArticleQueryParser(entities::idsNamed).parse(query);
	}

	/**
	 * The text query narrowed by the request's filters, which do not count towards
	 * ranking.
	 */
	Query filtered(Query text, SearchRequest request) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
		if (!request.sources().isEmpty()) {
			BooleanQuery.Builder sources = new BooleanQuery.Builder();
			request.sources()
				.forEach(source -> sources.add(
						new TermQuery(new Term(ArticleFields.SOURCE, ArticleFields.sourceKey(source))),
						BooleanClause.Occur.SHOULD));
			query.add(sources.build(), BooleanClause.Occur.FILTER);
		}
		for (String tag : request.tags()) {
			query.add(ArticleQueryParser.tag(tag), BooleanClause.Occur.FILTER);
		}
		for (String entity : request.entities()) {
			query.add(ArticleQueryParser.entities(entities.idsNamed(entity)), BooleanClause.Occur.FILTER);
		}
		if (request.from() != null || request.to() != null) {
			query.add(ArticleQueryParser.dateRange(request.from(), request.to()), BooleanClause.Occur.FILTER);
		}
		if (request.ingestedAfter() != null) {
			long after = request.ingestedAfter().toEpochMilli();
			query.add(LongField.newRangeQuery(ArticleFields.INGESTED, (after == Long.MAX_VALUE) ? after : after + 1,
					Long.MAX_VALUE), BooleanClause.Occur.FILTER);
		}
		hideFromReaders(query);
		return query.build();
	}

	/**
	 * The query as the caller may see its matches: for someone who only reads, without
	 * the articles readers do not see (withheld, withdrawn, under embargo now).
	 */
	Query forCaller(Query query) {
		if (!CurrentActor.readsOnly()) {
			return query;
		}
		BooleanQuery.Builder visible = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
		hideFromReaders(visible);
		return visible.build();
	}

	private static void hideFromReaders(BooleanQuery.Builder query) {
		if (CurrentActor.readsOnly()) {
			long now = System.currentTimeMillis();
			query.add(LongField.newRangeQuery(ArticleFields.HIDDEN_UNTIL, now + 1, Long.MAX_VALUE),
					BooleanClause.Occur.MUST_NOT);
		}
	}

}
