package org.morgue.search;

/**
 * How search shows copies of one story, on the embedded Lucene index, the default backend
 * (the application context the other tests share).
 */
class SearchCopiesTests extends SearchCopiesContract {

}
