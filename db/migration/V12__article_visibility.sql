-- Whether readers see an article: a story its provider withheld or withdrew (killed), or one under
-- embargo until a time, is kept and shown to editors, marked, but left out of readers' search,
-- pages and feeds. The story module sets it as versions of a story arrive.
alter table article add column visibility text not null default 'VISIBLE';
alter table article add constraint article_visibility_check
    check (visibility in ('VISIBLE', 'WITHHELD', 'WITHDRAWN'));
alter table article add column embargoed_until timestamptz;
