package org.morgue.search;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;

import org.springframework.stereotype.Service;

/**
 * The articles most like one article, by the distinctive words of its title and body.
 */
@Service
public class RelatedArticles {

	private final ArticleIndex index;

	private final ArticleQueries queries;

	private final ArticleService articles;

	RelatedArticles(ArticleIndex index, ArticleService articles, ArticleQueries queries) {
		this.index = index;
		this.queries = queries;
		this.articles = articles;
	}

	/**
	 * Up to {@code count} article ids, best first; none while the index is being built.
	 */
	public List<Long> of(long articleId, int count) {
		List<ArticleContent> content = articles.contents(List.of(articleId));
		if (content.isEmpty()) {
			return List.of();
		}
		ArticleContent article = content.get(0);
		return index.read(searcher -> {
			MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
			like.setAnalyzer(ArticleAnalyzers.STEMS);
			like.setFieldNames(new String[] { ArticleFields.TEXT });
			like.setMinTermFreq(1);
			like.setMinDocFreq(2);
			like.setMaxQueryTerms(25);
			Query similar = like.like(ArticleFields.TEXT, new StringReader(article.title() + "\n" + article.body()));
			Query query = queries.forCaller(new BooleanQuery.Builder().add(similar, BooleanClause.Occur.MUST)
				.add(new TermQuery(ArticleFields.idTerm(articleId)), BooleanClause.Occur.MUST_NOT)
				.build());
			return RankedPage.ids(searcher, searcher.search(query, count).scoreDocs);
		}, List.of());
	}

}
