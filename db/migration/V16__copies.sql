-- Republished copies of one story, grouped by the overlap of their texts.
-- article_copy: each article's signature facts and the group it belongs to (group_id is the
-- lowest article id the group had when it formed; an article alone is its own group).
create table article_copy (
    article_id    bigint   primary key references article (id) on delete cascade,
    group_id      bigint   not null,
    day           date     not null,
    shingles      integer  not null,
    text_hash     bigint   not null,
    bands         bigint[] not null,
    signature_version smallint not null
);
comment on column article_copy.day is 'The day that places the article in the grouping window: publication, else receipt';
comment on column article_copy.text_hash is 'Hash of the shingle set: a correction that leaves the text the same changes nothing';
create index article_copy_group_idx on article_copy (group_id);

-- The signature's bands: articles that share one are candidates, and the real overlap of their
-- texts decides. Rows go with their article's (CopyStore knows the bands), so there is no foreign
-- key to keep up on every insert, nor a key: a plain index on the band is the least an insertion
-- costs.
create table copy_band (
    band        bigint not null,
    article_id  bigint not null,
    day         date   not null
);
create index copy_band_band_idx on copy_band (band);

-- Editors' decisions, kept for later articles: two articles are apart (never in one group) or
-- together (in one group whatever their texts). Stored with article_id < other_id.
create table copy_decision (
    article_id  bigint      not null references article (id) on delete cascade,
    other_id    bigint      not null references article (id) on delete cascade,
    kind        text        not null,
    decided_by  text        not null,
    decided_at  timestamptz not null,
    primary key (article_id, other_id),
    constraint copy_decision_kind check (kind in ('apart', 'together')),
    constraint copy_decision_order check (article_id < other_id)
);
create index copy_decision_other_idx on copy_decision (other_id);
