package org.morgue.search;

import org.springframework.test.context.TestPropertySource;

/** The contract of every entry point of a search on the embedded Lucene index. */
@TestPropertySource(properties = "morgue.search.backend=embedded")
class SearchEntryPointsTests extends SearchEntryPointsContract {

}
