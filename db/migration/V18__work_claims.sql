-- Work that one archive node at a time may do, when several share this database: a claim names
-- the work ('import', 'entity-backlog', 'node:<id>' for a node's own presence...) and the node
-- that holds it until expires_at. The holder renews it while it works (a heartbeat); a node that
-- stops cleanly deletes its claims; one that dies leaves them to lapse, and any node may then
-- take them over. Times are the database's, so that the nodes' clocks need not agree.
create table work_claim (
    name        text        primary key,
    holder      text        not null,
    claimed_at  timestamptz not null,
    expires_at  timestamptz not null,
    -- What the holder is doing, for the others to say (an import's "uploaded by admin").
    detail      text,
    constraint work_claim_name_length check (length(name) <= 200),
    constraint work_claim_holder_length check (length(holder) <= 200)
);
create index work_claim_holder_idx on work_claim (holder);

-- The node whose transaction published each event (the session setting morgue.node, which every
-- connection of a node's pool sets), so that a node's unfinished publications can be told from
-- the others': a live node works off its own, and those of a node that died are handed to a
-- live one, never both. Null for publications from before this column, or from a connection
-- without the setting: they count as a dead node's.
alter table event_publication add column published_by text default current_setting('morgue.node', true);
create index event_publication_incomplete_by_node_idx on event_publication (published_by)
    where completion_date is null;
