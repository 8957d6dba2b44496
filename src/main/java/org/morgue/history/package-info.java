/**
 * The history of editorial changes: every change another module publishes as an
 * {@link org.morgue.system.EditorialChange} is recorded in the transaction that makes it,
 * with who made it, when, and the state before and after, for an article's history and
 * the audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History")
package org.morgue.history;
