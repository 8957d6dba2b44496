package org.morgue.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@link WireCopyParser} found in a piece of wire copy. Every field except
 * {@code paragraphs} and {@code notes} may be {@code null} when absent.
 *
 * @param title the headline, or a title derived from the lead; {@code null} only when the
 * body is empty
 * @param titleDerived true when no headline line was present and the title was derived
 * from the lead
 * @param byline the author(s) or agency in display case, e.g. {@code "AFP"},
 * {@code "Jane Doe"}
 * @param source the agency or publisher the copy names ({@code "AFP"}, {@code "Reuters"},
 * {@code "AP"})
 * @param dateline the dateline of the first story paragraph
 * @param publishedDate the date, only when a year is known from the dateline or a
 * stand-alone header date line; never guessed
 * @param paragraphs the cleaned story, once, in order, crossheads included as subheads
 * @param signOff sign-off and credit lines removed from the end, joined with {@code "\n"}
 * @param notes human-readable remarks for the editor about what the parser changed or
 * could not find
 */
public record ParsedCopy(String title, boolean titleDerived, String byline, String source, Dateline dateline,
		LocalDate publishedDate, List<Paragraph> paragraphs, String signOff, List<String> notes) {

	public ParsedCopy {
		paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
		notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
	}

	/** Reads raw wire copy as it was received (the parser is stateless and cheap). */
	public static ParsedCopy of(String raw) {
		return new WireCopyParser().parse(raw);
	}

	/**
	 * The cleaned body as stored: paragraph texts joined by a blank line, subheads
	 * included as their own paragraph.
	 * @return the body; empty when there are no paragraphs
	 */
	public String body() {
		return paragraphs.stream().map(Paragraph::text).collect(Collectors.joining("\n\n"));
	}

	/**
	 * The positions of the subheads.
	 * @return indexes into {@link #paragraphs()} of the paragraphs that are subheads,
	 * ascending
	 */
	public List<Integer> subheadIndexes() {
		return IntStream.range(0, paragraphs.size()).filter(i -> paragraphs.get(i).subhead()).boxed().toList();
	}
}
