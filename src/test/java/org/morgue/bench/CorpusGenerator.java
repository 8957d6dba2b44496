package org.morgue.bench;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.morgue.article.ArticleText;

/**
 * Builds the benchmark's synthetic articles from real Reuters-21578 paragraphs, always
 * the same ones for the same count (fixed seed): each article is the lead paragraph of a
 * random story under that story's real TITLE, followed by 2 to 7 paragraphs drawn from
 * random stories, dated uniformly over 2006-2025 and credited to one of {@link #SOURCES}.
 * Text is real newswire English, so term frequencies, phrase statistics and paragraph
 * lengths are those of real copy; only the combination, the dates and the sources are
 * invented.
 * <p>
 * One article in {@link #COPY_SHARE} is a republished copy of one of the last
 * {@link #RECENT} originals, as another outlet runs it: its own headline, the same day to
 * three days later, its last paragraph cut half the time, house style ({@code per cent}
 * for {@code pct}) and a typo; so the archive has groups of copies to show once.
 */
final class CorpusGenerator {

	/**
	 * Invented-but-plausible sources; the real agencies among them are just names here.
	 */
	static final List<String> SOURCES = List.of("Reuters", "AFP", "AP", "Bloomberg", "Kyodo", "DPA", "ANSA", "EFE",
			"Xinhua", "PTI", "Yonhap", "Anadolu", "The Daily Ledger", "The Morning Courier", "Evening Standard-Gazette",
			"Northern Echo Press", "Harbour City Times", "Valley Herald", "The Capital Observer", "Midland Post",
			"Coastal Record", "The Financial Register", "Metro Business Daily", "Commodity Wire", "Energy Desk Weekly",
			"Farm & Grain Report", "The Trade Journal", "River County News", "Lakeside Tribune", "The Western Star",
			"Eastern Mercury", "Union Bulletin", "The Sentinel", "Pacific Dispatch", "Atlantic Monitor",
			"Continental Review", "Highland Chronicle", "The Civic Voice", "Port Authority Gazette", "Summit Examiner");

	static final LocalDate FIRST_DAY = LocalDate.of(2006, 1, 1);

	static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

	private static final long SEED = 21578L;

	/** The share of the articles that are copies of a recent one. */
	static final double COPY_SHARE = 0.2;

	/** How many of the latest originals a copy may be of. */
	private static final int RECENT = 2_000;

	private final ReutersCorpus corpus;

	private final int[] storiesWithTitle;

	CorpusGenerator(ReutersCorpus corpus) {
		this.corpus = corpus;
		this.storiesWithTitle = java.util.stream.IntStream.range(0, corpus.storyCount())
			.filter(story -> corpus.title(story) != null && !corpus.title(story).isBlank())
			.toArray();
	}

	/** One generated article; {@code sourceIndex} indexes {@link #SOURCES}. */
	record SyntheticArticle(long id, String title, String body, int sourceIndex, LocalDate publishedDate, int wordCount,
			String contentHash) {
	}

	/**
	 * Calls {@code sink} with articles 1 to {@code count}, in order. A body that happens
	 * to equal an earlier one (the hash is unique in the database) is drawn again, so the
	 * ids stay dense.
	 * @return how many drawn bodies were duplicates and skipped
	 */
	long generate(long count, Consumer<SyntheticArticle> sink) {
		Random random = new Random(SEED);
		// 64 bits of each SHA-256 are plenty to tell about a million bodies apart, in a
		// fraction of the memory.
		Set<Long> seen = new HashSet<>((int) Math.min(Integer.MAX_VALUE / 2, count * 2));
		long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
		long duplicates = 0;
		StringBuilder body = new StringBuilder(4096);
		SyntheticArticle[] recent = new SyntheticArticle[RECENT];
		int originals = 0;
		for (long id = 1; id <= count;) {
			if (originals > 0 && random.nextDouble() < COPY_SHARE) {
				SyntheticArticle original = recent[random.nextInt(Math.min(originals, RECENT))];
				SyntheticArticle copy = copy(original, id, random);
				String hash = copy.contentHash();
				if (!seen.add(Long.parseUnsignedLong(hash.substring(0, 16), 16))) {
					duplicates++;
					continue;
				}
				sink.accept(copy);
				id++;
				continue;
			}
			int story = storiesWithTitle[random.nextInt(storiesWithTitle.length)];
			body.setLength(0);
			body.append(corpus.paragraph(corpus.leadParagraph(story)));
			int more = 2 + random.nextInt(6);
			for (int i = 0; i < more; i++) {
				body.append("\n\n").append(corpus.paragraph(random.nextInt(corpus.paragraphCount())));
			}
			LocalDate date = LocalDate.ofEpochDay(FIRST_DAY.toEpochDay() + (long) (random.nextDouble() * days));
			int source = random.nextInt(SOURCES.size());
			String text = body.toString();
			String hash = ArticleText.contentHash(text);
			if (!seen.add(Long.parseUnsignedLong(hash.substring(0, 16), 16))) {
				duplicates++;
				continue;
			}
			SyntheticArticle article = new SyntheticArticle(id, corpus.title(story), text, source, date,
					ArticleText.wordCount(text), hash);
			sink.accept(article);
			recent[originals++ % RECENT] = article;
			id++;
		}
		return duplicates;
	}

	/** Another outlet's copy of the article. */
	private static SyntheticArticle copy(SyntheticArticle original, long id, Random random) {
		List<String> paragraphs = new java.util.ArrayList<>(List.of(original.body().split("\n\n")));
		if (paragraphs.size() > 2 && random.nextBoolean()) {
			paragraphs.remove(paragraphs.size() - 1);
		}
		int typo = random.nextInt(paragraphs.size());
		paragraphs.set(typo, typo(paragraphs.get(typo), random));
		String text = String.join("\n\n", paragraphs).replace(" pct", " per cent");
		String title = (random.nextBoolean() ? "UPDATE 1-" : "") + original.title();
		int source = (original.sourceIndex() + 1 + random.nextInt(SOURCES.size() - 1)) % SOURCES.size();
		return new SyntheticArticle(id, title, text, source, original.publishedDate().plusDays(random.nextInt(4)),
				ArticleText.wordCount(text), ArticleText.contentHash(text));
	}

	/** Two letters of a long word swapped. */
	private static String typo(String paragraph, Random random) {
		String[] words = paragraph.split(" ");
		for (int tries = 0; tries < 10; tries++) {
			int w = random.nextInt(words.length);
			String word = words[w];
			if (word.length() >= 6 && word.chars().allMatch(Character::isLetter)) {
				int at = 1 + random.nextInt(word.length() - 3);
				words[w] = word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
				return String.join(" ", words);
			}
		}
		return paragraph;
	}

}
