package org.morgue.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample documents of the formats' publishers (IPTC's NewsML-G2 listings, CC BY 4.0;
 * its ninjs examples, MIT), read where the project's shared data keeps them, beside the
 * project, not copied into it.
 */
public final class WireSamples {

	private static final Path DIRECTORY = Path.of("..", "shared", "data", "wire");

	private WireSamples() {
	}

	/** The sample's bytes, e.g. {@code ninjs/1.6_004_simple_text_article.json}. */
	public static byte[] bytes(String name) {
		Path file = DIRECTORY.resolve(name);
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The wire sample " + file.toAbsolutePath().normalize()
					+ " is not there: the tests read the shared data beside the project", ex);
		}
	}

	/** The sample's text (the samples are UTF-8). */
	public static String text(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

}
