-- How many articles mention each entity, kept up to date instead of counted from `mention` on every
-- request: the entity index sorts a whole archive's entities by it.
alter table entity add column article_count integer not null default 0;

update entity e set article_count = (select count(distinct m.article_id) from mention m where m.entity_id = e.id);

create index entity_article_count_idx on entity (article_count desc, id);
create index entity_type_article_count_idx on entity (type, article_count desc, id);

-- Deleting an article deletes its mentions (on delete cascade); its entities then count one article
-- fewer. Analyses and curation keep the counts themselves (ner.EntityStore).
create function entity_counts_on_article_delete() returns trigger as $$
begin
    update entity set article_count = article_count - 1
    where id in (select distinct m.entity_id from mention m where m.article_id = old.id);
    return old;
end
$$ language plpgsql;

create trigger article_delete_entity_counts before delete on article
    for each row execute function entity_counts_on_article_delete();
