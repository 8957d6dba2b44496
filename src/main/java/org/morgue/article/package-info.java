/**
 * The stored article and its source: saving copy once, reading it back, correcting its
 * metadata under optimistic locking, and announcing each change as an event for the
 * modules that follow it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package org.morgue.article;
