package org.morgue.search;

/**
 * The contract of every entry point of a search on the embedded Lucene index, the default
 * backend (the application context the other tests share).
 */
class SearchEntryPointsTests extends SearchEntryPointsContract {

}
