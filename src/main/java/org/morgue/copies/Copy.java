package org.morgue.copies;

import java.time.LocalDate;

/**
 * One copy in a group.
 *
 * @param similarity the share of the shorter text's word shingles the other has too, from
 * 0 to 1: how much of one is in the other
 */
public record Copy(long id, String source, LocalDate publishedDate, String title, double similarity) {
}
