/**
 * Saved searches and alerts: a user keeps a search by name, sees how many matches arrived
 * since they last ran it, and follows it in a feed reader as an Atom feed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Saved searches")
package org.morgue.alert;
