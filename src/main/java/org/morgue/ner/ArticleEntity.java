package org.morgue.ner;

/**
 * An entity an article mentions.
 *
 * @param mentions how many times the article mentions it
 */
public record ArticleEntity(long id, String name, EntityType type, int mentions) {
}
