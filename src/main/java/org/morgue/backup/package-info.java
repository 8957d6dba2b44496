/**
 * Backups of the whole archive and their restore: every table of the database copied in
 * one consistent snapshot, from the running archive or the command line, and restored
 * into an empty database, after which the search index is rebuilt from it. As a backup of
 * the database it reads every module's tables by name from PostgreSQL's catalogue, not
 * through the modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backups")
package org.morgue.backup;
