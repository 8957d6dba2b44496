/**
 * Republished copies of one story: every article's MinHash signature over word shingles,
 * candidates found by the signature's bands, the real overlap of the texts deciding,
 * groups joined transitively within a time window, editors' splits and joins kept for
 * later articles, and a backlog job for archives that had no signatures yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Copies")
package org.morgue.copies;
