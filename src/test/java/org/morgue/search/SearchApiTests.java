package org.morgue.search;

import org.springframework.test.context.TestPropertySource;

/** The search API's contract on the embedded Lucene index. */
@TestPropertySource(properties = "morgue.search.backend=embedded")
class SearchApiTests extends SearchApiContract {

}
