package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a harness's section into {@code docs/reliability.md} between its markers
 * ({@code <!-- reliability NAME -->} ... {@code <!-- end of reliability NAME -->}),
 * keeping the rest of the file; a section not there yet is added at the end.
 */
final class ReliabilityReport {

	private static final String HEADER = """
			# Reliability

			What Morgue keeps through power cuts and how it answers under mixed load, measured by the
			harnesses in `src/test/java/org/morgue/bench` on the packaged archive. Each section below is
			rewritten by the run that measures it; the method is in the section.

			""";

	private ReliabilityReport() {
	}

	/** The machine, as the sections name it: processor, cores, memory. */
	static String machine() {
		return String.format(Locale.ROOT, "%s, %d cores, %s RAM", SearchBenchmark.Machine.cpuModel(),
				Runtime.getRuntime().availableProcessors(), BenchReport.bytes(SearchBenchmark.Machine.memoryBytes()));
	}

	static void write(Path file, String name, String section) throws IOException {
		String text = Files.isRegularFile(file) ? Files.readString(file) : HEADER;
		String marked = "<!-- reliability " + name + " -->\n" + section.strip() + "\n<!-- end of reliability " + name
				+ " -->\n";
		Matcher existing = Pattern
			.compile("<!-- reliability " + Pattern.quote(name) + " -->\\n.*?<!-- end of reliability "
					+ Pattern.quote(name) + " -->\\n", Pattern.DOTALL)
			.matcher(text);
		if (existing.find()) {
			text = text.substring(0, existing.start()) + marked + text.substring(existing.end());
		}
		else {
			text = text + (text.endsWith("\n\n") ? "" : "\n") + marked;
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, text);
		CorpusLoader.log("Wrote the section %s to %s", name, file);
	}

}
