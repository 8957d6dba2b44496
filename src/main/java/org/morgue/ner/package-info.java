/**
 * Named entities: people, organisations and places extracted from articles after they are
 * saved, one canonical entity per real-world name across the archive, and the editors'
 * curation of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Named entities")
package org.morgue.ner;
