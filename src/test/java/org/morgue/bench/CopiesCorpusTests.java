package org.morgue.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.morgue.article.ArticleText;
import org.morgue.bench.CopiesCorpus.Edit;
import org.morgue.bench.CopiesCorpus.Item;
import org.morgue.bench.CopiesCorpus.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CopiesCorpus}'s edits on hand-made text, quickly; and, with
 * {@code -Dbench.copies=true} (it reads Reuters-21578, from {@code -Dbench.reuters=} or
 * {@code ../shared/data/news/reuters21578}), the corpus for 1,500 originals, with its
 * counts and a sample copy printed.
 */
class CopiesCorpusTests {

	private static final Pattern FIGURE = Pattern.compile("\\d[\\d,.]*");

	@Test
	void houseStyleSpellsOutAbbreviations() {
		assertThat(CopiesCorpus.houseStyle(
				"Net rose 5 pct to 12 mln dlrs in the U.S. The company said \"demand was good\" in U.S. markets.", true,
				true))
			.isEqualTo(
					"Net rose 5 per cent to 12 million dollars in the US. The company says \u2018demand was good\u2019 in US markets.");
		assertThat(CopiesCorpus.houseStyle("SHR 34 CTS VS 1.19 DLRS", false, false))
			.isEqualTo("SHARE 34 CENTS VS 1.19 DOLLARS");
	}

	@Test
	void typosChangeAboutOneWordInAHundredAndFifty() {
		List<String> paragraphs = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			paragraphs.add("The ministry said exports of rubber and palm oil would increase again next quarter.");
		}
		List<String> misspelt = CopiesCorpus.typos(paragraphs, new Random(1));
		int changed = 0;
		for (int i = 0; i < paragraphs.size(); i++) {
			if (!paragraphs.get(i).equals(misspelt.get(i))) {
				changed++;
			}
		}
		// 300 paragraphs of 14 words, 11 of them long enough: about 22 typos.
		assertThat(changed).isBetween(8, 40);
		assertThat(CopiesCorpus.typos(List.of("One paragraph with words."), new Random(1)))
			.isNotEqualTo(List.of("One paragraph with words."));
	}

	@Test
	void cutKeepsTheLeadAndWholeParagraphs() {
		List<String> paragraphs = List.of("Lead paragraph here. It has two sentences.", "Second one. Also two.",
				"Third one here.", "Fourth and last.");
		for (long seed = 0; seed < 50; seed++) {
			List<String> cut = CopiesCorpus.cut(paragraphs, new Random(seed));
			assertThat(cut.get(0)).isEqualTo(paragraphs.get(0));
			assertThat(cut).hasSizeLessThanOrEqualTo(paragraphs.size());
			for (int i = 0; i < cut.size() - 1; i++) {
				assertThat(cut.get(i)).isEqualTo(paragraphs.get(i));
			}
			assertThat(paragraphs.get(cut.size() - 1)).startsWith(cut.get(cut.size() - 1));
		}
	}

	@Test
	void headlinesAreNeverTheTitle() {
		String title = "ACME TOOL <ACT> TO OPEN NEW PLANT";
		Set<String> headlines = new HashSet<>();
		for (long seed = 0; seed < 100; seed++) {
			String headline = CopiesCorpus.headline(title, seed % 2 == 0, new Random(seed));
			assertThat(headline).isNotEqualTo(title);
			headlines.add(headline);
		}
		assertThat(headlines.size()).isGreaterThan(10);
	}

	@Test
	void formulaicItemsAreRecognised() {
		assertThat(CopiesCorpus.formulaic("HARBOR SAVINGS CORP <HSC> YEAR NET",
				List.of("Shr 41 cts vs 1.07 dlrs", "Net 912,000 vs 2,440,000", "Assets 388.1 mln vs 361.5 mln")))
			.isTrue();
		assertThat(CopiesCorpus.formulaic("ACME TOOL INC <ACT> RAISES QTLY DIVIDEND",
				List.of("Qtly div nine cts vs 8.5 cts prior", "Pay April 30", "Record April 10")))
			.isTrue();
		List<String> prose = List.of(String.join(" ", java.util.Collections.nCopies(12,
				"The ministry said the talks on tariffs would resume after the holiday in Geneva.")));
		assertThat(CopiesCorpus.formulaic("TRADE TALKS TO RESUME", prose)).isFalse();
		assertThat(CopiesCorpus.originalCandidate("TRADE TALKS TO RESUME", List.of("trade"), prose)).isTrue();
		assertThat(CopiesCorpus.originalCandidate("TRADE TALKS TO RESUME", List.of("earn"), prose)).isFalse();
		assertThat(CopiesCorpus.originalCandidate("TRADE TALKS TO RESUME", List.of(),
				prose.subList(0, 1).stream().map((text) -> text.substring(0, 200)).toList()))
			.isFalse();
	}

	@Test
	void variantsChangeTheCompanyAndEveryFigureAndDate() {
		Item template = new Item("r7", "ACME TOOL INC <ACT> RAISES QTLY DIVIDEND",
				List.of("Acme Tool Inc said its quarterly dividend is 15 cts, up from 7.5 cts, payable March 31.",
						"Qtly div 15 cts vs 7.5 cts prior", "Pay March 31", "Record March 13, 1987"),
				"Reuters", LocalDate.of(1987, 2, 26), "formulaic-r7", Kind.FORMULAIC);
		for (long seed = 0; seed < 20; seed++) {
			Item variant = CopiesCorpus.variant(template, "r7-f1", new Random(seed));
			assertThat(variant.story()).isEqualTo("formulaic-r7-f1");
			assertThat(variant.kind()).isEqualTo(Kind.FORMULAIC);
			assertThat(variant.title()).doesNotContain("ACME").doesNotContain("<ACT>").endsWith("RAISES QTLY DIVIDEND");
			assertThat(variant.body()).doesNotContain("Acme").contains("1987");
			assertThat(variant.publishedDate()).isBetween(LocalDate.of(1987, 2, 26), LocalDate.of(1987, 3, 1));
			for (int i = 0; i < template.paragraphs().size(); i++) {
				List<String> before = figures(template.paragraphs().get(i));
				List<String> after = figures(variant.paragraphs().get(i));
				assertThat(after).hasSameSizeAs(before);
				for (int f = 0; f < before.size(); f++) {
					if (!before.get(f).equals("1987")) {
						assertThat(after.get(f)).as(variant.paragraphs().get(i)).isNotEqualTo(before.get(f));
					}
				}
			}
		}
	}

	/** The corpus for 1,500 originals: counts, uniqueness, determinism, a sample. */
	@Test
	@EnabledIfSystemProperty(named = "bench.copies", matches = "true")
	void corpusForFifteenHundredOriginals() {
		ReutersCorpus reuters = ReutersCorpus.read(BenchSettings.fromSystemProperties().reuters());
		long started = System.nanoTime();
		CopiesCorpus corpus = CopiesCorpus.generate(reuters, 1500, 21578L);
		long millis = (System.nanoTime() - started) / 1_000_000;
		List<Item> items = corpus.items();
		Map<Kind, Long> counts = corpus.counts();
		System.out.printf("%,d items in %,d ms: %s%n", items.size(), millis, counts);
		assertThat(counts.get(Kind.ORIGINAL)).isEqualTo(1500);
		assertThat(counts.get(Kind.COPY)).isBetween(1500L * 3, 1500L * 4);
		assertThat(counts.get(Kind.FORMULAIC)).isGreaterThanOrEqualTo(counts.get(Kind.COPY));
		assertThat(items.stream().filter((item) -> item.key().contains("-f")).count())
			.isGreaterThanOrEqualTo(counts.get(Kind.COPY) / 2);
		assertThat(counts.get(Kind.BACKGROUND)).isGreaterThan(10_000);

		Set<String> keys = new HashSet<>();
		Set<String> hashes = new HashSet<>();
		Map<String, Item> originals = new HashMap<>();
		Map<Edit, Integer> edits = new EnumMap<>(Edit.class);
		long formulaicStories = 0;
		for (Item item : items) {
			assertThat(keys.add(item.key())).isTrue();
			assertThat(hashes.add(ArticleText.contentHash(item.body()))).as(item.key()).isTrue();
			assertThat(item.title()).isNotBlank();
			assertThat(item.publishedDate().getYear()).isEqualTo(1987);
			if (item.kind() == Kind.ORIGINAL) {
				originals.put(item.story(), item);
			}
			if (item.kind() == Kind.FORMULAIC) {
				formulaicStories++;
			}
			for (Edit edit : corpus.edits(item.key())) {
				edits.merge(edit, 1, Integer::sum);
			}
		}
		assertThat(items.stream().filter((item) -> item.kind() == Kind.FORMULAIC).map(Item::story).distinct().count())
			.isEqualTo(formulaicStories);
		Item sample = null;
		for (Item item : items) {
			if (item.kind() == Kind.COPY) {
				Item original = originals.get(item.story());
				assertThat(original).as(item.key()).isNotNull();
				assertThat(item.publishedDate()).isBetween(original.publishedDate(),
						original.publishedDate().plusDays(3));
				assertThat(corpus.edits(item.key())).contains(Edit.HEADLINE).hasSizeGreaterThan(1);
				if (sample == null && corpus.edits(item.key()).size() >= 4) {
					sample = item;
				}
			}
		}
		System.out.println("Copies per edit: " + edits);
		PairwiseScores perfect = PairwiseScores.of(items, perfectGrouping(items));
		System.out.println("Perfect grouping: " + perfect);
		assertThat(perfect.f1()).isEqualTo(1.0);

		Item original = originals.get(sample.story());
		System.out.println("\n--- original " + original.key() + " (" + original.publishedDate() + ")\n"
				+ original.title() + "\n\n" + original.body());
		System.out.println("\n--- copy " + sample.key() + ", " + sample.source() + " (" + sample.publishedDate() + "), "
				+ corpus.edits(sample.key()) + "\n" + sample.title() + "\n\n" + sample.body());
		Item formulaic = items.stream()
			.filter((item) -> item.kind() == Kind.FORMULAIC && item.key().endsWith("-f1"))
			.findFirst()
			.orElseThrow();
		Item template = items.stream()
			.filter((item) -> item.key().equals(formulaic.key().substring(0, formulaic.key().indexOf('-'))))
			.findFirst()
			.orElseThrow();
		System.out.println("\n--- formulaic " + template.key() + "\n" + template.title() + "\n\n" + template.body());
		System.out.println("\n--- formulaic " + formulaic.key() + "\n" + formulaic.title() + "\n\n" + formulaic.body());

		assertThat(CopiesCorpus.generate(reuters, 1500, 21578L).items()).isEqualTo(items);
	}

	private static Map<String, Long> perfectGrouping(List<Item> items) {
		Map<String, Long> groupOfStory = new HashMap<>();
		Map<String, Long> groups = new HashMap<>();
		for (Item item : items) {
			if (item.story() != null) {
				groups.put(item.key(), groupOfStory.computeIfAbsent(item.story(), (story) -> groupOfStory.size() + 1L));
			}
		}
		return groups;
	}

	private static List<String> figures(String text) {
		List<String> figures = new ArrayList<>();
		Matcher figure = FIGURE.matcher(text.replaceAll("[.,](?=\\s|$)", ""));
		while (figure.find()) {
			figures.add(figure.group());
		}
		return figures;
	}

}
