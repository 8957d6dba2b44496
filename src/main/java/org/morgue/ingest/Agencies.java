package org.morgue.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The news agencies the parser recognises in bylines, datelines and sign-offs, with their
 * canonical display names.
 */
final class Agencies {

	/** Lower-case spelling as it appears in copy mapped to the name shown to readers. */
	private static final Map<String, String> CANONICAL = Map.ofEntries(Map.entry("afp", "AFP"),
			Map.entry("agence france-presse", "AFP"), Map.entry("agence france presse", "AFP"),
			Map.entry("reuters", "Reuters"), Map.entry("reuter", "Reuters"), Map.entry("thomson reuters", "Reuters"),
			Map.entry("ap", "AP"), Map.entry("associated press", "AP"), Map.entry("bloomberg", "Bloomberg"),
			Map.entry("bloomberg news", "Bloomberg"), Map.entry("dpa", "dpa"),
			Map.entry("deutsche presse-agentur", "dpa"), Map.entry("efe", "EFE"), Map.entry("ansa", "ANSA"),
			Map.entry("xinhua", "Xinhua"), Map.entry("kyodo", "Kyodo"), Map.entry("kyodo news", "Kyodo"),
			Map.entry("tass", "TASS"), Map.entry("upi", "UPI"), Map.entry("united press international", "UPI"),
			Map.entry("pa", "PA"), Map.entry("press association", "PA"), Map.entry("pa media", "PA"),
			Map.entry("ani", "ANI"), Map.entry("yonhap", "Yonhap"), Map.entry("bernama", "Bernama"),
			Map.entry("aap", "AAP"), Map.entry("australian associated press", "AAP"));

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern LEADING_THE = Pattern.compile("^the ");

	private static final Pattern TRAILING_DOTS = Pattern.compile("(?<!\\.)\\.+$");

	private Agencies() {
	}

	/**
	 * The canonical name of a known agency, ignoring case, surrounding whitespace, a
	 * leading "The" and trailing dots.
	 * @param name a name as written in copy, e.g. {@code "Agence France-Presse"} or
	 * {@code "REUTER"}
	 * @return the canonical name, e.g. {@code "AFP"} or {@code "Reuters"}; empty for
	 * unknown names and {@code null}
	 */
	public static Optional<String> canonical(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String key = WHITESPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
		key = TRAILING_DOTS.matcher(LEADING_THE.matcher(key).replaceFirst("")).replaceFirst("");
		return Optional.ofNullable(CANONICAL.get(key));
	}

}
