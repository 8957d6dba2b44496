package org.morgue.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a byline line: {@code "By AFP"}, {@code "By Jane Doe"},
 * {@code "By Jane Doe, Reuters"}, {@code "By JANE DOE / AP"},
 * {@code "By Jane Doe and John Roe"}. Thread-safe and stateless.
 *
 * <p>
 * A byline names people or an agency, so every word after "By" must look like part of a
 * name (capitalised, an initial, or a particle such as "and", "de" or "van"). That is
 * what rejects sentences such as "By the end of the year, prices had doubled." A name
 * written all in capitals is shown in display case.
 */
final class BylineParser {

	private static final int MAX_WORDS = 8;

	private static final Pattern BY = Pattern.compile("(?iu)^by\\s+(\\S.*)$");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * Between the names and the agency: "Jane Doe, Reuters", "JANE DOE / AP", "Jane Doe |
	 * AFP", "Jane Doe - dpa".
	 */
	private static final Pattern PART_SEPARATOR = Pattern.compile("\\s*(?:[,/|]|\\s[-–—]\\s)\\s*|\\s+for\\s+");

	/**
	 * "Jane Doe in Yangon": the place is where the reporter filed from, not part of the
	 * name.
	 */
	private static final Pattern FILED_FROM = Pattern.compile("\\s+in\\s+\\p{Lu}[\\p{L}\\p{M}.'’\\- ]*$");

	private static final Pattern NAME_WORD = Pattern
		.compile("(?u)\\p{Lu}[\\p{L}\\p{M}.'’\\-]*|\\p{Ll}{1,3}-\\p{Lu}[\\p{L}\\p{M}.'’\\-]*|&");

	private static final Pattern LOWER_CASE = Pattern.compile("\\p{Ll}");

	private static final Set<String> PARTICLES = Set.of("and", "de", "da", "das", "do", "dos", "du", "di", "del",
			"della", "la", "le", "van", "von", "der", "den", "ter", "ten", "bin", "bint", "ibn", "al", "el", "y", "e");

	/**
	 * The byline on a line.
	 * @param line one line of copy
	 * @return the byline, or empty when the line is not a byline
	 */
	public Optional<Byline> parse(String line) {
		if (line == null) {
			return Optional.empty();
		}
		Matcher by = BY.matcher(WHITESPACE.matcher(line.strip()).replaceAll(" "));
		if (!by.matches()) {
			return Optional.empty();
		}
		String rest = by.group(1).strip();
		if (WHITESPACE.split(rest).length > MAX_WORDS) {
			return Optional.empty();
		}
		List<String> parts = new ArrayList<>();
		for (String part : PART_SEPARATOR.split(rest)) {
			if (!part.isBlank()) {
				parts.add(part.strip());
			}
		}
		if (parts.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> agency = Agencies.canonical(parts.get(parts.size() - 1));
		if (agency.isPresent()) {
			parts.remove(parts.size() - 1);
			if (parts.isEmpty()) {
				return Optional.of(new Byline(agency.get(), agency.get()));
			}
		}
		List<String> names = new ArrayList<>(parts.size());
		for (String part : parts) {
			String name = FILED_FROM.matcher(part).replaceFirst("");
			if (!looksLikeName(name)) {
				return Optional.empty();
			}
			names.add(LOWER_CASE.matcher(name).find() ? name : DatelineParser.displayForm(name));
		}
		return Optional.of(new Byline(String.join(", ", names), agency.orElse(null)));
	}

	private static boolean looksLikeName(String part) {
		String[] words = WHITESPACE.split(part);
		if (!NAME_WORD.matcher(words[0]).matches() || words[0].equals("&")) {
			return false;
		}
		for (String word : words) {
			if (!NAME_WORD.matcher(word).matches() && !PARTICLES.contains(word)) {
				return false;
			}
		}
		return true;
	}

}
