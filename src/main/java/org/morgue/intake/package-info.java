/**
 * Taking in the flow of wire copy: reading NewsML-G2, NITF, ninjs, RSS and Atom feeds and
 * web pages into stories with their provider's id and version, and the feeds and drop
 * folders they arrive from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.morgue.intake;
