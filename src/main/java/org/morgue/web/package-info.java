/**
 * The pages people use in a browser: signing in, the article list and article pages, adding and
 * correcting copy, accounts and tokens, and user administration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages")
package org.morgue.web;
