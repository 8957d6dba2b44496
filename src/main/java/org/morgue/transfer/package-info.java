/**
 * Bringing archives in and taking them out whole: bulk import of NDJSON, CSV, folders of
 * wire copy and Reuters-21578 SGML (over the API, from the command line and from the
 * import page), and the export of the whole archive as NDJSON that imports back into the
 * same archive.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import and export")
package org.morgue.transfer;
