package org.morgue.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How well pages are read, measured on Mozilla Readability's own test pages (kept beside
 * the project in the shared data, never copied in): the word-level F1 of the text found
 * against the expected reader-mode text, and how many titles and bylines come out as
 * expected. The floors sit just under the figures measured (docs/intake.md), so a change
 * that reads pages worse fails here.
 */
class HtmlExtractionTests {

	private static final Path PAGES = Path.of("..", "shared", "data", "html");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HtmlPageReader reader = new HtmlPageReader();

	@Test
	void readsReadabilitysTestPagesAsTheirExpectedOutput() throws IOException {
		List<Path> pages;
		try (Stream<Path> listing = Files.list(PAGES)) {
			pages = listing.filter(Files::isDirectory).sorted().toList();
		}
		assertThat(pages).hasSize(20);
		List<Double> scores = new ArrayList<>();
		int titles = 0;
		int bylines = 0;
		int bylinesExpected = 0;
		StringBuilder table = new StringBuilder("| page | F1 | title | byline |\n|---|---|---|---|\n");
		for (Path page : pages) {
			String source = Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8);
			String expected = Jsoup.parse(Files.readString(page.resolve("expected.html"), StandardCharsets.UTF_8))
				.text();
			JsonNode metadata = JSON.readTree(Files.readString(page.resolve("expected-metadata.json")));
			String text = "";
			String title = null;
			String byline = null;
			try {
				WireStory story = reader.read(source, "http://fakehost/test/page.html");
				text = String.join(" ", story.paragraphs().stream().map(StoryParagraph::text).toList());
				title = story.title();
				byline = story.byline();
			}
			catch (InvalidWireDocumentException ex) {
				// no text found: scored as such
			}
			double f1 = f1(words(text), words(expected));
			scores.add(f1);
			boolean titleMatches = same(title, metadata.get("title"));
			titles += titleMatches ? 1 : 0;
			String bylineMark = "n/a";
			if (metadata.get("byline") != null && !metadata.get("byline").isNull()) {
				bylinesExpected++;
				boolean bylineMatches = same(byline, metadata.get("byline"));
				bylines += bylineMatches ? 1 : 0;
				bylineMark = bylineMatches ? "yes" : "no (" + byline + ")";
			}
			table.append("| ")
				.append(page.getFileName())
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.3f", f1))
				.append(" | ")
				.append(titleMatches ? "yes" : "no")
				.append(" | ")
				.append(bylineMark)
				.append(" |\n");
		}
		double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		List<Double> sorted = scores.stream().sorted().toList();
		double median = sorted.get(sorted.size() / 2);
		System.out.println(table);
		System.out.printf(Locale.ROOT, "mean F1 %.3f, median %.3f, titles %d/%d, bylines %d/%d%n", mean, median, titles,
				pages.size(), bylines, bylinesExpected);

		assertThat(mean).isGreaterThanOrEqualTo(MEAN_F1_FLOOR);
		assertThat(titles).isGreaterThanOrEqualTo(TITLES_FLOOR);
		assertThat(bylines).isGreaterThanOrEqualTo(BYLINES_FLOOR);
	}

	static final double MEAN_F1_FLOOR = 0.96;

	static final int TITLES_FLOOR = 19;

	static final int BYLINES_FLOOR = 8;

	private static boolean same(String found, JsonNode expected) {
		if (expected == null || expected.isNull()) {
			return found == null;
		}
		return found != null && normal(found).equals(normal(expected.asString()));
	}

	private static String normal(String text) {
		return String.join(" ", text.strip().split("\\s+"));
	}

	private static Map<String, Integer> words(String text) {
		Map<String, Integer> words = new HashMap<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.merge(word, 1, Integer::sum);
			}
		}
		return words;
	}

	/** Word-level F1 of two bags of words. */
	static double f1(Map<String, Integer> found, Map<String, Integer> expected) {
		int common = 0;
		for (Map.Entry<String, Integer> word : found.entrySet()) {
			common += Math.min(word.getValue(), expected.getOrDefault(word.getKey(), 0));
		}
		int foundTotal = found.values().stream().mapToInt(Integer::intValue).sum();
		int expectedTotal = expected.values().stream().mapToInt(Integer::intValue).sum();
		if (common == 0 || foundTotal == 0 || expectedTotal == 0) {
			return 0;
		}
		double precision = (double) common / foundTotal;
		double recall = (double) common / expectedTotal;
		return 2 * precision * recall / (precision + recall);
	}

}
