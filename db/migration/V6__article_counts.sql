-- How many articles each day and source holds, kept up to date instead of counting a million rows
-- on every browse page. One row per (publication date, source); either may be null (no known date,
-- no source). The article module keeps it in the transaction that stores, corrects or deletes an
-- article (article.ArticleCounts), updating rows in key order so concurrent imports never deadlock.
-- Counts change by insert ... on conflict do update; there is no check on the sign, which would
-- refuse the -1 row proposed for a key before the conflict with its existing row is seen.
create table article_count (
    published_date date,
    source_id      bigint references source (id) on delete cascade,
    articles       integer not null,
    constraint article_count_key unique nulls not distinct (published_date, source_id)
);

insert into article_count (published_date, source_id, articles)
select published_date, source_id, count(*) from article group by published_date, source_id;

create index article_count_source_idx on article_count (source_id, published_date);

-- The same per year and source: a few hundred rows for the year list and the source list, where the
-- table above has one row per day and source (some 300,000 over twenty years of forty sources).
create table article_year_count (
    year      integer,
    source_id bigint references source (id) on delete cascade,
    articles  integer not null,
    constraint article_year_count_key unique nulls not distinct (year, source_id)
);

insert into article_year_count (year, source_id, articles)
select extract(year from published_date)::int, source_id, sum(articles) from article_count group by 1, 2;

create index article_year_count_source_idx on article_year_count (source_id, year);

-- However an article is deleted (the archive's own delete, or SQL by hand), its counts go down with
-- it. Deletions are rare and one at a time, so a row trigger is enough here; inserts and corrections
-- are counted by the application in key order, which a trigger fired row by row could not do.
create function article_counts_on_delete() returns trigger as $$
begin
    update article_count set articles = articles - 1
    where published_date is not distinct from old.published_date and source_id is not distinct from old.source_id;
    update article_year_count set articles = articles - 1
    where year is not distinct from extract(year from old.published_date)::int
      and source_id is not distinct from old.source_id;
    return old;
end
$$ language plpgsql;

create trigger article_delete_counts after delete on article
    for each row execute function article_counts_on_delete();

-- A source's articles newest first, read from the index alone.
drop index article_source_idx;
create index article_source_published_idx
    on article (source_id, published_date desc nulls last, published_time desc nulls last, id desc);
