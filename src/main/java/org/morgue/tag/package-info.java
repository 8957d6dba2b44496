/**
 * Tags editors give articles, one at a time or to every result of a search, with renaming
 * and merging, per-tag article counts, and the articles of each tag.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tags")
package org.morgue.tag;
