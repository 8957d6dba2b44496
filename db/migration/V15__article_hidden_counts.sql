-- Readers do not see an article its provider withheld or withdrew (V12), so the counts for browsing
-- (V6) keep, beside all the articles of each day and source, how many of them are so hidden: editors
-- read the one, readers the difference. The article module keeps it in the transaction that changes an
-- article's visibility, date or source (article.ArticleCounts), and the delete trigger below.
-- An embargo is not counted here, since it ends by itself: readers' counts take away the articles under
-- embargo at the time, found by the index below, which a range from now reads only the pending ones of.
alter table article_count add column hidden integer not null default 0;
alter table article_year_count add column hidden integer not null default 0;

update article_count c set hidden = h.n
from (select published_date, source_id, count(*) n from article where visibility <> 'VISIBLE' group by 1, 2) h
where c.published_date is not distinct from h.published_date and c.source_id is not distinct from h.source_id;

update article_year_count c set hidden = h.n
from (select extract(year from published_date)::int y, source_id, count(*) n from article
      where visibility <> 'VISIBLE' group by 1, 2) h
where c.year is not distinct from h.y and c.source_id is not distinct from h.source_id;

create index article_embargo_idx on article (embargoed_until) include (published_date, source_id, visibility)
    where embargoed_until is not null;

create or replace function article_counts_on_delete() returns trigger as $$
declare
    gone integer := case when old.visibility <> 'VISIBLE' then 1 else 0 end;
begin
    update article_count set articles = articles - 1, hidden = hidden - gone
    where published_date is not distinct from old.published_date and source_id is not distinct from old.source_id;
    update article_year_count set articles = articles - 1, hidden = hidden - gone
    where year is not distinct from extract(year from old.published_date)::int
      and source_id is not distinct from old.source_id;
    return old;
end
$$ language plpgsql;
