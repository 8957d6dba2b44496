package org.morgue.search;

import org.springframework.test.context.TestPropertySource;

/** How search shows copies of one story, on the embedded Lucene index. */
@TestPropertySource(properties = "morgue.search.backend=embedded")
class SearchCopiesTests extends SearchCopiesContract {

}
