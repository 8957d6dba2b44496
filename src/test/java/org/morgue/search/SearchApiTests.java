package org.morgue.search;

/**
 * The search API's contract on the embedded Lucene index, the default backend (the
 * application context the other tests share).
 */
class SearchApiTests extends SearchApiContract {

}
