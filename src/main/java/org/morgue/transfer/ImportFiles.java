package org.morgue.transfer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The items of files and folders given to an import, in the order given; a folder is
 * walked in sorted order, its sub-folders included. The format follows the extension:
 * {@code .txt} is one article of wire copy, {@code .ndjson} and {@code .jsonl} are
 * NDJSON, {@code .csv} is CSV ({@link CsvArticles}), {@code .sgm} and {@code .sgml} are
 * Reuters-21578 ({@link ReutersSgml}). Inside a folder other files, and hidden files and
 * folders (a name starting with a dot, such as the {@code ._name.txt} files macOS
 * leaves), are passed over; a file named explicitly in another format is reported as
 * unreadable.
 * <p>
 * Opening lists the files and counts their items, which reads each file once; the items
 * are then read one file at a time, each file closed once read. Items are placed at the
 * file's path relative to the folder given, or at the path given for a file. Not
 * thread-safe.
 */
public final class ImportFiles implements ImportSource {

	/**
	 * Room for JSON syntax and other fields around a body, which the import service holds
	 * to the limit itself; the API allows as much for one article.
	 */
	private static final long OVERHEAD_BYTES = 64 * 1024;

	private static final String FORMATS = ".txt (wire copy, one article per file), .ndjson or .jsonl (one "
			+ "article per line), .csv (a header row and one article per record), .sgm or .sgml (Reuters-21578), "
			+ ".xml (NewsML-G2, NITF, RSS or Atom, told by the root element), .json (ninjs) and .html or .htm "
			+ "(a web page as saved)";

	/**
	 * How many times the limit on a body a document file may be: markup and a message's
	 * several items take room besides the text, as the API allows for one.
	 */
	private static final long DOCUMENT_COPIES = 4;

	private final List<Entry> entries;

	private final long maxBodyBytes;

	private final long total;

	private int next;

	private ImportSource current;

	private ImportFiles(List<Entry> entries, long maxBodyBytes) {
		this.entries = entries;
		this.maxBodyBytes = maxBodyBytes;
		this.total = entries.stream().mapToLong(Entry::count).sum();
	}

	/**
	 * Lists and counts the files to import.
	 * @param maxBodyBytes the largest article body, in bytes
	 * ({@code morgue.ingest.max-body-bytes}): a larger {@code .txt} file is not read, and
	 * a line, record or story is read up to about twice that
	 * @throws NoSuchFileException when a path does not exist, before anything is read
	 */
	/** The extensions of the files an import reads. */
	public static final List<String> EXTENSIONS = List.of(".ndjson", ".jsonl", ".csv", ".txt", ".sgm", ".sgml", ".xml",
			".json", ".html", ".htm");

	/**
	 * Whether an import reads a file of this name (a hidden file in a folder is passed
	 * over).
	 */
	public static boolean accepts(String fileName) {
		return !fileName.startsWith(".") && format(fileName) != Format.UNKNOWN;
	}

	public static ImportSource open(List<Path> paths, long maxBodyBytes) throws IOException {
		for (Path path : paths) {
			if (!Files.exists(path)) {
				throw new NoSuchFileException(path.toString());
			}
		}
		int limit = partLimit(maxBodyBytes);
		List<Entry> entries = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				walk(path, path, entries, limit);
			}
			else {
				entries.add(entry(path, path.toString(), format(path), limit));
			}
		}
		return new ImportFiles(List.copyOf(entries), maxBodyBytes);
	}

	@Override
	public ImportItem next() throws IOException {
		while (true) {
			if (current != null) {
				ImportItem item = current.next();
				if (item != null) {
					return item;
				}
				closeCurrent();
			}
			if (next == entries.size()) {
				return null;
			}
			Entry entry = entries.get(next++);
			int limit = partLimit(maxBodyBytes);
			switch (entry.format()) {
				case WIRE_COPY -> {
					return WireCopyFile.read(entry.path(), entry.name(), maxBodyBytes);
				}
				case DOCUMENT -> {
					return WireCopyFile.document(entry.path(), entry.name(), maxBodyBytes * DOCUMENT_COPIES);
				}
				case UNKNOWN -> {
					return new ImportItem.Unreadable(new ImportPlace(entry.name(), 0),
							"The import does not read this kind of file. It reads " + FORMATS + ".");
				}
				case NDJSON ->
					current = new NdjsonLines(Files.newInputStream(entry.path()), entry.name(), limit, entry.count());
				case CSV ->
					current = new CsvArticles(Files.newInputStream(entry.path()), entry.name(), limit, entry.count());
				case REUTERS ->
					current = new ReutersSgml(Files.newInputStream(entry.path()), entry.name(), limit, entry.count());
			}
		}
	}

	@Override
	public long total() {
		return total;
	}

	@Override
	public void close() throws IOException {
		closeCurrent();
	}

	private void closeCurrent() throws IOException {
		ImportSource closing = current;
		current = null;
		if (closing != null) {
			closing.close();
		}
	}

	/** The most one NDJSON line, CSV record or Reuters story may hold. */
	private static int partLimit(long maxBodyBytes) {
		return (int) Math.min(maxBodyBytes * 2 + OVERHEAD_BYTES, Integer.MAX_VALUE - 16);
	}

	/**
	 * Adds the files of a folder in sorted order, each sub-folder's where its name sorts.
	 */
	private static void walk(Path root, Path folder, List<Entry> entries, int limit) throws IOException {
		List<Path> children;
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			children = StreamSupport.stream(stream.spliterator(), false)
				.sorted(Comparator.comparing(child -> child.getFileName().toString()))
				.toList();
		}
		for (Path child : children) {
			if (child.getFileName().toString().startsWith(".")) {
				continue;
			}
			// a link to a folder is not followed: it could lead back up the tree
			if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
				walk(root, child, entries, limit);
			}
			else if (Files.isRegularFile(child) && format(child) != Format.UNKNOWN) {
				String name = StreamSupport.stream(root.relativize(child).spliterator(), false)
					.map(Path::toString)
					.collect(Collectors.joining("/"));
				entries.add(entry(child, name, format(child), limit));
			}
		}
	}

	private static Entry entry(Path path, String name, Format format, int limit) throws IOException {
		long count = switch (format) {
			case NDJSON -> NdjsonLines.count(path);
			case CSV -> CsvArticles.count(path, limit);
			case REUTERS -> ReutersSgml.count(path);
			case WIRE_COPY, DOCUMENT, UNKNOWN -> 1;
		};
		return new Entry(path, name, format, count);
	}

	private static Format format(Path path) {
		return format(path.getFileName().toString());
	}

	private static Format format(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		String extension = (dot < 0) ? "" : name.substring(dot + 1);
		return switch (extension) {
			case "txt" -> Format.WIRE_COPY;
			case "ndjson", "jsonl" -> Format.NDJSON;
			case "csv" -> Format.CSV;
			case "sgm", "sgml" -> Format.REUTERS;
			case "xml", "json", "html", "htm" -> Format.DOCUMENT;
			default -> Format.UNKNOWN;
		};
	}

	private enum Format {

		WIRE_COPY, NDJSON, CSV, REUTERS, DOCUMENT, UNKNOWN

	}

	/** A file to read, how and under which name, and how many items it holds. */
	private record Entry(Path path, String name, Format format, long count) {
	}

}
