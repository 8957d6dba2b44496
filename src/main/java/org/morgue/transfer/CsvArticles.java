package org.morgue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.morgue.ingest.ArticleInput;

/**
 * The articles of a CSV file, one record each, read one record at a time. The first row
 * names the columns, in any order and case: {@link #COLUMNS}, of which only {@code body}
 * is required. Cells are quoted as RFC 4180 says, so a quoted body may run over several
 * lines; an empty cell is {@code null}. A blank line between records is skipped.
 * <p>
 * The file is decoded strictly as UTF-8 (a byte order mark is dropped). What makes the
 * rest of the file unreadable (bytes that are not UTF-8, broken quoting, a record longer
 * than the limit, which could only be passed by reading all of it) ends the items with
 * one {@link ImportItem.Unreadable} saying where; the records before it are read as
 * usual. So is a header with an unknown column or without {@code body}, before any
 * record. Not thread-safe.
 */
final class CsvArticles implements ImportSource {

	/** The columns a file may name, as the API spells them. */
	public static final List<String> COLUMNS = List.of("title", "body", "source", "byline", "dateline", "publishedAt",
			"url", "language");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	/**
	 * What {@link #count(Path, long)} gets for each record that would be an article:
	 * nothing is built.
	 */
	private static final ImportItem COUNTED = new ImportItem.Unreadable(new ImportPlace(null, 0), "counted only");

	private final StrictUtf8Reader reader;

	private final String file;

	private final long total;

	/** When counting, records are checked and counted but no item is built. */
	private final boolean counting;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	/** The header cells as received, for the raw text of each record. */
	private List<String> header;

	/** For each column of the file, its index in {@link #COLUMNS}. */
	private int[] fields;

	private ImportItem failure;

	private boolean finished;

	/**
	 * Articles of a stream whose length is not known beforehand.
	 * @param file the file name for the items' places, or {@code null} for a request body
	 * @param maxRecordChars the longest record read, in characters (approximately: the
	 * parser reads a few kilobytes ahead); a longer one ends the reading, as the next
	 * record cannot be found without reading it all
	 */
	public CsvArticles(InputStream in, String file, long maxRecordChars) {
		this(in, file, maxRecordChars, -1);
	}

	/**
	 * Articles of a file counted beforehand with {@link #count(Path, long)}.
	 * @param total the number of items, or -1 when unknown
	 */
	public CsvArticles(InputStream in, String file, long maxRecordChars, long total) {
		this(in, file, maxRecordChars, total, false);
	}

	private CsvArticles(InputStream in, String file, long maxRecordChars, long total, boolean counting) {
		this.reader = new StrictUtf8Reader(in, maxRecordChars);
		this.file = file;
		this.total = total;
		this.counting = counting;
	}

	/** Opens a file, counting its items first. */
	public static CsvArticles open(Path path, String file, long maxRecordChars) throws IOException {
		long total = count(path, maxRecordChars);
		return new CsvArticles(Files.newInputStream(path), file, maxRecordChars, total);
	}

	/**
	 * The number of items a {@code CsvArticles} over the file gives, by parsing it
	 * without keeping anything: one per record, one for a header that cannot be used and
	 * one for a rest that cannot be read.
	 */
	public static long count(Path path, long maxRecordChars) throws IOException {
		long items = 0;
		try (CsvArticles counter = new CsvArticles(Files.newInputStream(path), null, maxRecordChars, -1, true)) {
			while (counter.next() != null) {
				items++;
			}
		}
		return items;
	}

	@Override
	public ImportItem next() throws IOException {
		if (finished) {
			return null;
		}
		if (records == null) {
			parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
			records = parser.iterator();
			ImportItem unusable = readHeader();
			if (unusable != null) {
				finished = true;
				return unusable;
			}
		}
		while (true) {
			long line = parser.getCurrentLineNumber() + 1;
			CSVRecord record = nextRecord(line);
			if (record == null) {
				finished = true;
				return failure;
			}
			if (isBlank(record)) {
				continue;
			}
			ImportPlace place = new ImportPlace(file, line);
			if (record.size() > fields.length) {
				return new ImportItem.Unreadable(place,
						"The record at line " + line + " has " + record.size() + " cells but the header names "
								+ fields.length + " columns; quote a cell that holds a comma.");
			}
			return counting ? COUNTED : item(place, record);
		}
	}

	@Override
	public long total() {
		return total;
	}

	@Override
	public void close() throws IOException {
		if (parser != null) {
			parser.close();
		}
		reader.close();
	}

	/**
	 * Reads and checks the header row; returns why the file cannot be read, or
	 * {@code null}.
	 */
	private ImportItem readHeader() throws IOException {
		CSVRecord row = nextRecord(1);
		while (row != null && isBlank(row)) {
			row = nextRecord(parser.getCurrentLineNumber() + 1);
		}
		ImportPlace place = new ImportPlace(file, 0);
		if (row == null) {
			return (failure != null) ? failure : new ImportItem.Unreadable(place,
					"The file is empty; a CSV file starts with a header row naming " + "its columns, of " + accepted());
		}
		header = row.toList();
		fields = new int[header.size()];
		Map<String, Integer> known = new LinkedHashMap<>();
		for (int i = 0; i < COLUMNS.size(); i++) {
			known.put(COLUMNS.get(i).toLowerCase(Locale.ROOT), i);
		}
		List<String> unknown = new ArrayList<>();
		List<String> repeated = new ArrayList<>();
		boolean[] seen = new boolean[COLUMNS.size()];
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip();
			Integer field = known.get(name.toLowerCase(Locale.ROOT));
			if (field == null) {
				unknown.add(name.isEmpty() ? "an unnamed column (column " + (i + 1) + ")" : "\"" + name + "\"");
			}
			else if (seen[field]) {
				repeated.add(COLUMNS.get(field));
			}
			else {
				seen[field] = true;
				fields[i] = field;
			}
		}
		List<String> problems = new ArrayList<>();
		if (!unknown.isEmpty()) {
			problems.add("names " + ((unknown.size() == 1) ? "a column" : "columns") + " the archive does not know: "
					+ String.join(", ", unknown));
		}
		if (!repeated.isEmpty()) {
			problems.add("names " + String.join(", ", repeated) + " more than once");
		}
		if (!seen[COLUMNS.indexOf("body")]) {
			problems.add("has no body column");
		}
		if (problems.isEmpty()) {
			return null;
		}
		return new ImportItem.Unreadable(place, "The CSV header " + String.join(" and ", problems)
				+ "; nothing in the file was read. The columns are " + accepted());
	}

	/** A blank line reads as one empty cell. */
	private static boolean isBlank(CSVRecord record) {
		return record.size() == 1 && record.get(0).isEmpty();
	}

	private static String accepted() {
		return String.join(", ", COLUMNS) + " (in any order; only body is required).";
	}

	/**
	 * The next record, or {@code null} at the end or when the rest cannot be read; in
	 * that case {@link #failure} says why. Only the stream's own I/O errors are thrown.
	 */
	private CSVRecord nextRecord(long line) throws IOException {
		reader.startRecord();
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException ex) {
			if (reader.streamFailure() != null) {
				throw reader.streamFailure();
			}
			failure = new ImportItem.Unreadable(new ImportPlace(file, line), unreadableRest(ex.getCause(), line));
			return null;
		}
	}

	private static String unreadableRest(IOException cause, long line) {
		String rest = "; the records before it were read, this one and the rest of the file were not.";
		if (cause instanceof StrictUtf8Reader.NotUtf8Exception notUtf8) {
			return "The file is not valid UTF-8 text at line " + notUtf8.line() + rest + " Save the file as UTF-8.";
		}
		if (cause instanceof StrictUtf8Reader.RecordTooLargeException tooLarge) {
			return "The record at line " + line + " is longer than " + tooLarge.limit()
					+ " characters, the most one record may hold" + rest;
		}
		return "The file is not valid CSV from the record at line " + line + " (" + cause.getMessage() + ")" + rest
				+ " Check its quotes: a quote inside a quoted cell is written twice.";
	}

	private ImportItem item(ImportPlace place, CSVRecord record) throws IOException {
		String[] values = new String[COLUMNS.size()];
		for (int i = 0; i < record.size(); i++) {
			String cell = record.get(i);
			values[fields[i]] = cell.isEmpty() ? null : cell;
		}
		ArticleInput article = new ArticleInput(values[0], values[1], values[3], values[2], values[4], values[5],
				values[6], values[7]);
		StringBuilder raw = new StringBuilder();
		FORMAT.printRecord(raw, header.toArray());
		FORMAT.printRecord(raw, record.values());
		return new ImportItem.Fields(place, article, raw.toString());
	}

}
