/**
 * Feeds the archive takes copy from unattended: addresses polled on a schedule (RSS,
 * Atom, or a NewsML-G2, NITF or ninjs document or message) with conditional requests and
 * back-off, and drop folders agencies push files into; each poll claimed in PostgreSQL,
 * so that several archive nodes on one database never poll one feed at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feeds")
package org.morgue.feed;
