/**
 * Full-text search: the Lucene index kept in step with PostgreSQL through article events,
 * the query language, highlights, facets and related articles, and rebuilding and
 * checking the index.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.morgue.search;
