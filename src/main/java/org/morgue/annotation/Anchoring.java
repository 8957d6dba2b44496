package org.morgue.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds passages in an article's cleaned body: resolving the selectors a client gives
 * into both selectors, and re-anchoring stored selectors in a corrected body. Pure
 * functions of their input.
 */
final class Anchoring {

	/** How many characters of context the quote keeps either side. */
	static final int CONTEXT = 32;

	private Anchoring() {
	}

	/**
	 * Both selectors for the passage a client gave by quote, by position, or by both
	 * (which must agree). A quote found more than once is taken where its prefix and
	 * suffix fit best, and must then be the only best fit.
	 * @throws InvalidAnnotationException naming what is wrong
	 */
	static PassageSelectors resolve(AnnotationTarget target, String body) {
		boolean quoted = target.exact() != null;
		boolean positioned = target.start() != null || target.end() != null;
		if (!quoted && !positioned) {
			throw new InvalidAnnotationException("target.selector",
					"Say which passage: give a TextQuoteSelector (exact, with prefix and suffix if the words occur "
							+ "more than once) or a TextPositionSelector (start, end), or both.");
		}
		if (quoted && target.exact().isEmpty()) {
			throw new InvalidAnnotationException("exact", "The quote ('exact') is empty: quote the passage.");
		}
		if (positioned) {
			if (target.start() == null || target.end() == null) {
				throw new InvalidAnnotationException(target.start() == null ? "start" : "end",
						"A TextPositionSelector needs both 'start' and 'end'.");
			}
			int start = target.start();
			int end = target.end();
			if (start < 0 || end > body.length() || start >= end) {
				throw new InvalidAnnotationException("start",
						"The position %d..%d is not a passage of this article: ".formatted(start, end)
								+ "start must be at least 0, end at most %d (the length of its text), and "
									.formatted(body.length())
								+ "start before end.");
			}
			if (quoted && !body.substring(start, end).equals(target.exact())) {
				throw new InvalidAnnotationException("exact",
						"The selectors disagree: the text at %d..%d is “%s”, not “%s”.".formatted(start, end,
								shorten(body.substring(start, end)), shorten(target.exact())));
			}
			return at(body, start, end);
		}
		List<Integer> best = bestMatches(target.exact(), target.prefix(), target.suffix(), body);
		if (best.isEmpty()) {
			throw new InvalidAnnotationException("exact",
					"The quote “%s” is not in the article's text.".formatted(shorten(target.exact())));
		}
		if (best.size() > 1) {
			throw new InvalidAnnotationException("exact",
					("The quote “%s” occurs %d times and its prefix and suffix do "
							+ "not tell them apart: give more context or a TextPositionSelector.")
						.formatted(shorten(target.exact()), best.size()));
		}
		int start = best.get(0);
		return at(body, start, start + target.exact().length());
	}

	/**
	 * The passage in a corrected body: where it was, if its quote is still there; else
	 * the best fit of the quote by its prefix and suffix (the nearest to where it was
	 * among equal fits); else nothing, and the annotation is orphaned.
	 */
	static Optional<PassageSelectors> reanchor(PassageSelectors old, String body) {
		String exact = old.exact();
		if (old.start() >= 0 && old.end() <= body.length() && old.start() < old.end()
				&& body.substring(old.start(), old.end()).equals(exact)) {
			return Optional.of(at(body, old.start(), old.end()));
		}
		List<Integer> best = bestMatches(exact, old.prefix(), old.suffix(), body);
		if (best.isEmpty()) {
			return Optional.empty();
		}
		int nearest = best.get(0);
		for (int start : best) {
			if (Math.abs(start - old.start()) < Math.abs(nearest - old.start())) {
				nearest = start;
			}
		}
		return Optional.of(at(body, nearest, nearest + exact.length()));
	}

	/** Both selectors of the passage at these offsets. */
	static PassageSelectors at(String body, int start, int end) {
		return new PassageSelectors(body.substring(start, end), body.substring(Math.max(0, start - CONTEXT), start),
				body.substring(end, Math.min(body.length(), end + CONTEXT)), start, end);
	}

	/**
	 * The starts of the occurrences of {@code exact} whose context agrees most with the
	 * prefix and suffix.
	 */
	private static List<Integer> bestMatches(String exact, String prefix, String suffix, String body) {
		List<Integer> best = new ArrayList<>();
		int bestScore = -1;
		for (int at = body.indexOf(exact); at >= 0; at = body.indexOf(exact, at + 1)) {
			int score = commonSuffix(prefix, body, at) + commonPrefix(suffix, body, at + exact.length());
			if (score > bestScore) {
				best.clear();
				bestScore = score;
			}
			if (score == bestScore) {
				best.add(at);
			}
		}
		return best;
	}

	/**
	 * How many characters at the end of {@code prefix} match the body just before
	 * {@code at}.
	 */
	private static int commonSuffix(String prefix, String body, int at) {
		if (prefix == null) {
			return 0;
		}
		int n = 0;
		while (n < prefix.length() && at - n - 1 >= 0
				&& prefix.charAt(prefix.length() - n - 1) == body.charAt(at - n - 1)) {
			n++;
		}
		return n;
	}

	/**
	 * How many characters at the start of {@code suffix} match the body from {@code at}.
	 */
	private static int commonPrefix(String suffix, String body, int at) {
		if (suffix == null) {
			return 0;
		}
		int n = 0;
		while (n < suffix.length() && at + n < body.length() && suffix.charAt(n) == body.charAt(at + n)) {
			n++;
		}
		return n;
	}

	private static String shorten(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 77) + "…";
	}

}
