/**
 * The archive's collection on SolrCloud: its configset, installed from the classpath, and
 * the collections an alias points at.
 */
package org.morgue.search.solr;
