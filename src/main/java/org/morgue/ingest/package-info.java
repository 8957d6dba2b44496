/**
 * Turning what editors and clients bring (pasted wire copy, text files, JSON fields) into
 * articles: parsing bylines, datelines, sign-offs, crossheads and repeated copy, and
 * refusing bad input with a message that names the field.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package org.morgue.ingest;
