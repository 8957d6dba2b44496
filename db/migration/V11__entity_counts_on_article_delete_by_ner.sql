-- The entities' article counts go down when an article is deleted in the ner module itself
-- (ner.ArticleDeletions, on ArticleDeleted, in the deleting transaction and before the article's row
-- goes), not by a trigger of that module on the article table, which belongs to the article module.
drop trigger article_delete_entity_counts on article;
drop function entity_counts_on_article_delete();
