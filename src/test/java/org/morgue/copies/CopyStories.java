package org.morgue.copies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stories for the copies tests, the API's and the pages': an agency story with words of
 * its own (so that no other test's article is like it), and the copies outlets make of
 * it.
 */
public final class CopyStories {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] WORDS = { "harbour", "council", "ferry", "storm", "minister", "tariff", "wheat",
			"cargo", "strike", "union", "port", "budget", "railway", "drought", "coffee", "tin", "copper", "refinery",
			"bank", "loan", "tender", "export", "quota", "shipment", "dock", "pier", "freight", "crop", "harvest",
			"rain" };

	private CopyStories() {
	}

	/** A word no other test uses. */
	public static String marker() {
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** Four paragraphs of a story about the marker, about 180 words. */
	public static List<String> story(String marker, long seed) {
		Random random = new Random(seed);
		List<String> paragraphs = new ArrayList<>();
		for (int p = 0; p < 4; p++) {
			StringBuilder paragraph = new StringBuilder();
			for (int sentence = 0; sentence < 3; sentence++) {
				paragraph.append((sentence == 0 && p == 0) ? "The " + marker : "The")
					.append(' ')
					.append(WORDS[random.nextInt(WORDS.length)]);
				for (int w = 0; w < 13; w++) {
					paragraph.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
					if (w == 6) {
						paragraph.append(' ').append(random.nextInt(1000));
					}
				}
				paragraph.append(" said ").append(marker).append(". ");
			}
			paragraphs.add(paragraph.toString().strip());
		}
		return paragraphs;
	}

	/** The story as another outlet ran it: the ending cut and a local paragraph added. */
	public static List<String> cutWithLocalParagraph(List<String> story, String local) {
		List<String> copy = new ArrayList<>(story.subList(0, story.size() - 1));
		copy.add(local);
		return copy;
	}

	/** The story in another house style, with a typo. */
	public static List<String> restyled(List<String> story) {
		List<String> copy = new ArrayList<>();
		for (String paragraph : story) {
			copy.add(
					paragraph.replace(" said ", " says ").replace("harbour", "harbor").replaceFirst("cargo", "carg o"));
		}
		return copy;
	}

	/** An article as the API takes it in JSON. */
	public static String json(String title, String source, String publishedAt, List<String> paragraphs) {
		return JSON.writeValueAsString(Map.of("title", title, "source", source, "publishedAt", publishedAt, "body",
				String.join("\n\n", paragraphs)));
	}

}
