/**
 * The pages people use in a browser: signing in, searching with facets and a timeline,
 * article pages, adding and correcting copy, accounts and tokens, and administration of
 * users, the index and imports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages")
package org.morgue.web;
