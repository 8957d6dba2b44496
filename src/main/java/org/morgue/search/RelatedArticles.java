package org.morgue.search;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.morgue.article.ArticleContent;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyService;

import org.springframework.stereotype.Service;

/**
 * The articles most like one article, by the distinctive words of its title and body.
 */
@Service
public class RelatedArticles {

	private final ArticleIndex index;

	private final ArticleQueries queries;

	private final ArticleService articles;

	private final CopyService copies;

	RelatedArticles(ArticleIndex index, ArticleService articles, ArticleQueries queries, CopyService copies) {
		this.copies = copies;
		this.index = index;
		this.queries = queries;
		this.articles = articles;
	}

	/**
	 * Up to {@code count} article ids, best first; none while the index is being built.
	 * Copies of the same story are not related articles: the article page lists them as
	 * copies.
	 */
	public List<Long> of(long articleId, int count) {
		List<ArticleContent> content = articles.contents(List.of(articleId));
		if (content.isEmpty()) {
			return List.of();
		}
		ArticleContent article = content.get(0);
		Long group = copies.indexedGroups(List.of(articleId)).get(articleId);
		return index.read(searcher -> {
			MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
			like.setAnalyzer(ArticleAnalyzers.STEMS);
			like.setFieldNames(new String[] { ArticleFields.TEXT });
			like.setMinTermFreq(1);
			like.setMinDocFreq(2);
			like.setMaxQueryTerms(25);
			Query similar = like.like(ArticleFields.TEXT, new StringReader(article.title() + "\n" + article.body()));
			BooleanQuery.Builder related = new BooleanQuery.Builder().add(similar, BooleanClause.Occur.MUST)
				.add(new TermQuery(ArticleFields.idTerm(articleId)), BooleanClause.Occur.MUST_NOT);
			if (group != null) {
				related.add(
						NumericDocValuesField.newSlowRangeQuery(ArticleFields.COPY_GROUP,
								ArticleFields.copyGroupValue(0, group), ArticleFields.copyGroupValue(group, group)),
						BooleanClause.Occur.MUST_NOT);
			}
			Query query = queries.forCaller(related.build());
			return RankedPage.ids(searcher, searcher.search(query, count).scoreDocs);
		}, List.of());
	}

}
