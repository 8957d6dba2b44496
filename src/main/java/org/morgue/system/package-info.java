/**
 * What every module stands on: the data directory, the embedded PostgreSQL started when
 * no external database is configured, and auditing of who changed what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.morgue.system;
