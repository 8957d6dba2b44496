package org.morgue.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.ingest.ArticleInput;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.ParsedCopy;

class ImportReadersTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/**
	 * Invented stories in the form of a Reuters-21578 file: a story with a byline, a
	 * dateline, character references and the wire's control characters; a brief; an
	 * unprocessed story; and a story whose time is garbled.
	 */
	private static final String SGML = """
			<!DOCTYPE lewis SYSTEM "lewis.dtd">
			<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="1">
			<DATE>26-FEB-1987 15:01:01.79</DATE>
			<TOPICS><D>widgets</D></TOPICS>
			<UNKNOWN>\s
			&#5;&#5;&#5;C T
			&#22;&#22;&#1;f0001&#31;reute
			u f BC-ACME-WIDGET   02-26 0042</UNKNOWN>
			<TEXT>&#2;
			<TITLE>ACME &lt;ACM> TO SELL WIDGET UNIT</TITLE>
			<AUTHOR>    By Jane Doe, Reuters</AUTHOR>
			<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>Acme Widget Corp &lt;ACM> said it agreed to
			sell its industrial widget division to Example &amp; Sons for 40
			mln dlrs in cash.
			    The company said the sale would be completed in the second
			quarter and would produce a gain of about five mln dlrs.
			 Reuter
			&#3;</BODY></TEXT>
			</REUTERS>
			<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="2">
			<DATE>26-FEB-1987 15:10:00.00</DATE>
			<TEXT TYPE="BRIEF">&#2;
			******<TITLE>ACME SEES HIGHER WIDGET SALES
			</TITLE>Invented brief text.
			&#3;

			</TEXT>
			</REUTERS>
			<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="3">
			<DATE> 5-MAR-1987 09:05:00.10</DATE>
			<TEXT TYPE="UNPROC">&#2;
			WIDGET SHAREHOLDER MEETINGS - MARCH 5
			 Acme Widget Corp
			 Example Holdings Inc
			 Reuter
			&#3;

			</TEXT>
			</REUTERS>
			<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="4" NEWID="4">
			<DATE>31-MAR-1987 605:12:19.12</DATE>
			<TEXT>&#2;
			<TITLE>EXAMPLE CORP NAMES CHAIRMAN</TITLE>
			<DATELINE>    CHICAGO, March 31 - </DATELINE><BODY>Example Corp said it named Jane Roe chairman.
			 Reuter
			&#3;</BODY></TEXT>
			</REUTERS>
			""";

	@TempDir
	Path dir;

	// ---- NDJSON
	// --------------------------------------------------------------------------------------------------

	@Test
	void ndjsonGivesOneItemPerNonBlankLineNumberedFromOne() throws IOException {
		// given
		byte[] body = concat(BOM, utf8("{\"body\":\"a\"}\n\n  \t\r\n{\"body\":\"b\"}\r\n{\"body\":\"é\"}"));

		// when
		List<ImportItem> items = readAll(new NdjsonLines(new ByteArrayInputStream(body), null, 1024));

		// then
		assertThat(items).containsExactly(new ImportItem.Json(new ImportPlace(null, 1), "{\"body\":\"a\"}"),
				new ImportItem.Json(new ImportPlace(null, 4), "{\"body\":\"b\"}"),
				new ImportItem.Json(new ImportPlace(null, 5), "{\"body\":\"é\"}"));
	}

	@Test
	void ndjsonReportsALineThatIsNotUtf8AndReadsOnAfterIt() throws IOException {
		// given
		byte[] body = concat(utf8("{\"body\":\"a\"}\n{\"body\":\""), new byte[] { (byte) 0xE9 },
				utf8("\"}\n{\"body\":\"c\"}\n"));

		// when
		List<ImportItem> items = readAll(new NdjsonLines(new ByteArrayInputStream(body), "articles.ndjson", 1024));

		// then
		assertThat(items).hasSize(3);
		assertThat(items.get(1)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace("articles.ndjson", 2));
			assertThat(unreadable.reason()).startsWith("line 2 is not valid UTF-8 text");
		});
		assertThat(items.get(2))
			.isEqualTo(new ImportItem.Json(new ImportPlace("articles.ndjson", 3), "{\"body\":\"c\"}"));
	}

	@Test
	void ndjsonSkipsALineLongerThanTheLimitToTheNextNewline() throws IOException {
		// given: the long line spans several of the reader's blocks; a line at the limit
		// ends in \r\n
		String atLimit = "{\"body\":\"" + "x".repeat(90) + "\"}";
		String tooLong = "{\"body\":\"" + "y".repeat(200_000) + "\"}";
		byte[] body = utf8(atLimit + "\r\n" + tooLong + "\n{\"body\":\"z\"}\n");

		// when
		List<ImportItem> items = readAll(new NdjsonLines(new ByteArrayInputStream(body), null, atLimit.length()));

		// then
		assertThat(items).hasSize(3);
		assertThat(items.get(0)).isEqualTo(new ImportItem.Json(new ImportPlace(null, 1), atLimit));
		assertThat(items.get(1)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace(null, 2));
			assertThat(unreadable.reason()).contains("line 2", atLimit.length() + " bytes");
		});
		assertThat(items.get(2)).isEqualTo(new ImportItem.Json(new ImportPlace(null, 3), "{\"body\":\"z\"}"));
	}

	@Test
	void ndjsonCountsItsNonBlankLinesBeforeReading() throws IOException {
		// given
		Path file = write("a.ndjson", concat(BOM, utf8("{}\n\n \r\n{}\r\n\n{\"x\":1}")));

		// when
		try (NdjsonLines lines = NdjsonLines.open(file, "a.ndjson", 1024)) {
			// then
			assertThat(lines.total()).isEqualTo(3);
			assertThat(readAll(lines)).hasSize(3);
		}
		assertThat(new NdjsonLines(new ByteArrayInputStream(new byte[0]), null, 10).total()).isEqualTo(-1);
	}

	// ---- CSV
	// -----------------------------------------------------------------------------------------------------

	@Test
	void csvReadsColumnsInAnyOrderAndAQuotedBodyOverSeveralLines() throws IOException {
		// given
		String csv = " URL ,Body,title,PublishedAt,byline\r\n"
				+ "https://example.org/1,\"First paragraph, with a comma.\r\n\r\nSecond \"\"quoted\"\" paragraph.\","
				+ "Acme sells unit,2022-08-03,Jane Doe\r\n" + "\r\n" + ",Only a body,,,\r\n";
		Path file = write("articles.csv", concat(BOM, utf8(csv)));

		// when
		List<ImportItem> items;
		try (CsvArticles articles = CsvArticles.open(file, "articles.csv", 10_000)) {
			assertThat(articles.total()).isEqualTo(2);
			items = readAll(articles);
		}

		// then
		assertThat(items).hasSize(2);
		ImportItem.Fields first = (ImportItem.Fields) items.get(0);
		assertThat(first.place()).isEqualTo(new ImportPlace("articles.csv", 2));
		assertThat(first.fields()).isEqualTo(new ArticleInput("Acme sells unit",
				"First paragraph, with a comma.\r\n\r\nSecond \"quoted\" paragraph.", "Jane Doe", null, null,
				"2022-08-03", "https://example.org/1", null));
		List<CSVRecord> raw = CSVFormat.RFC4180.parse(new StringReader(first.rawText())).getRecords();
		assertThat(raw).hasSize(2);
		assertThat(raw.get(0).toList()).containsExactly(" URL ", "Body", "title", "PublishedAt", "byline");
		assertThat(raw.get(1).get(1)).isEqualTo("First paragraph, with a comma.\r\n\r\nSecond \"quoted\" paragraph.");
		ImportItem.Fields second = (ImportItem.Fields) items.get(1);
		assertThat(second.place()).isEqualTo(new ImportPlace("articles.csv", 6));
		assertThat(second.fields())
			.isEqualTo(new ArticleInput(null, "Only a body", null, null, null, null, null, null));
	}

	@Test
	void csvWithAnUnknownColumnIsOneUnreadableItemNamingItAndTheAcceptedColumns() throws IOException {
		// when
		List<ImportItem> items = readCsv("body,Author,title\nSome text,Jane,A title\n");

		// then
		assertThat(items).singleElement().isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace("a.csv", 0));
			assertThat(unreadable.reason())
				.contains("\"Author\"", "title, body, source, byline, dateline, publishedAt, " + "url, language")
				.doesNotContain("no body");
		});
	}

	@Test
	void csvWithoutABodyColumnIsOneUnreadableItem() throws IOException {
		// when
		List<ImportItem> items = readCsv("title,source\nA title,AFP\n");

		// then
		assertThat(items).singleElement()
			.isInstanceOfSatisfying(ImportItem.Unreadable.class,
					unreadable -> assertThat(unreadable.reason()).contains("no body column", "only body is required"));
	}

	@Test
	void csvRecordWithMoreCellsThanTheHeaderIsUnreadableAndTheNextIsRead() throws IOException {
		// when
		List<ImportItem> items = readCsv("title,body\nA,one,two\nB,three\n");

		// then
		assertThat(items).hasSize(2);
		assertThat(items.get(0)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace("a.csv", 2));
			assertThat(unreadable.reason()).contains("3 cells", "2 columns");
		});
		assertThat(((ImportItem.Fields) items.get(1)).fields().body()).isEqualTo("three");
	}

	@Test
	void csvThatStopsBeingUtf8IsReadUpToThatPointAndThenReported() throws IOException {
		// given: the bad byte comes well within the parser's read-ahead of the records
		// before it
		byte[] csv = concat(utf8("title,body\nA,one\nB,two\nC,caf"), new byte[] { (byte) 0xE9 }, utf8("\nD,four\n"));

		// when
		List<ImportItem> items = readCsv(csv);

		// then
		assertThat(items).hasSize(3);
		assertThat(items.subList(0, 2)).allMatch(ImportItem.Fields.class::isInstance);
		assertThat(items.get(2)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace("a.csv", 4));
			assertThat(unreadable.reason()).contains("not valid UTF-8", "line 4");
		});
	}

	@Test
	void csvWithBrokenQuotingIsReportedNotThrown() throws IOException {
		// when
		List<ImportItem> items = readCsv("title,body\nA,one\nB,\"two\"x\nC,three\n");

		// then
		assertThat(items).hasSize(2);
		assertThat(items.get(1)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace("a.csv", 3));
			assertThat(unreadable.reason()).contains("not valid CSV");
		});
	}

	@Test
	void csvRecordLongerThanTheLimitEndsTheReading() throws IOException {
		// given: a quoted cell far longer than the limit, and more than the parser reads
		// ahead
		String csv = "title,body\nA,one\nB,\"" + "long text ".repeat(10_000) + "\"\nC,three\n";

		// when
		List<ImportItem> items = readAll(new CsvArticles(new ByteArrayInputStream(utf8(csv)), "a.csv", 20_000));

		// then
		assertThat(items).hasSize(2);
		assertThat(items.get(1)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace("a.csv", 3));
			assertThat(unreadable.reason()).contains("longer than 20000 characters");
		});
	}

	// ---- Reuters-21578
	// -------------------------------------------------------------------------------------------

	@Test
	void reutersStoryIsWireCopyWithItsTitleDateAndSource() throws IOException {
		// given
		Path file = write("reut2-000.sgm", SGML.getBytes(StandardCharsets.ISO_8859_1));

		// when
		ImportItem item;
		try (ReutersSgml stories = ReutersSgml.open(file, "reut2-000.sgm", 100_000)) {
			item = stories.next();
		}

		// then
		ImportItem.Copy copy = (ImportItem.Copy) item;
		assertThat(copy.place()).isEqualTo(new ImportPlace("reut2-000.sgm", 2));
		assertThat(copy.corrections()).isEqualTo(new CopyCorrections("ACME <ACM> TO SELL WIDGET UNIT", null, "Reuters",
				null, "1987-02-26T15:01:01Z", null, null));
		assertThat(copy.raw())
			.contains("    NEW YORK, Feb 26 - Acme Widget Corp <ACM> said it agreed to\n", "Example & Sons")
			.doesNotContain("&lt;", "&#", "\u0002", "\u0003", "<BODY>");
		ParsedCopy parsed = ParsedCopy.of(copy.raw());
		assertThat(parsed.dateline().place()).isEqualTo("NEW YORK");
		assertThat(parsed.byline()).isEqualTo("Jane Doe");
		assertThat(parsed.paragraphs()).hasSize(2);
		assertThat(parsed.paragraphs().get(0).text()).isEqualTo("Acme Widget Corp <ACM> said it agreed to sell its "
				+ "industrial widget division to Example & Sons for 40 mln dlrs in cash.");
		assertThat(parsed.body()).doesNotContain("Reuter");
		assertThat(parsed.signOff()).isEqualTo("Reuter");
	}

	@Test
	void reutersBriefIsUnreadableAndUnprocessedStoryHasNoTitle() throws IOException {
		// given
		Path file = write("reut2-000.sgm", SGML.getBytes(StandardCharsets.ISO_8859_1));

		// when
		List<ImportItem> items;
		try (ReutersSgml stories = ReutersSgml.open(file, "reut2-000.sgm", 100_000)) {
			assertThat(stories.total()).isEqualTo(4);
			items = readAll(stories);
		}

		// then
		assertThat(items).extracting(ImportItem::place)
			.extracting(ImportPlace::line)
			.containsExactly(2L, 20L, 29L, 40L);
		assertThat(items.get(1)).isInstanceOfSatisfying(ImportItem.Unreadable.class,
				unreadable -> assertThat(unreadable.reason()).contains("has no body (a brief: title only)",
						"ACME SEES HIGHER WIDGET SALES"));
		ImportItem.Copy unprocessed = (ImportItem.Copy) items.get(2);
		assertThat(unprocessed.corrections().title()).isNull();
		assertThat(unprocessed.corrections().publishedAt()).isEqualTo("1987-03-05T09:05:00Z");
		assertThat(unprocessed.raw()).contains("WIDGET SHAREHOLDER MEETINGS - MARCH 5\n Acme Widget Corp\n");
		ParsedCopy parsed = ParsedCopy.of(unprocessed.raw());
		assertThat(parsed.title()).isEqualTo("WIDGET SHAREHOLDER MEETINGS - MARCH 5");
		assertThat(parsed.body()).isEqualTo("Acme Widget Corp Example Holdings Inc");
		// a garbled time keeps the day
		assertThat(((ImportItem.Copy) items.get(3)).corrections().publishedAt()).isEqualTo("1987-03-31");
	}

	@Test
	void reutersStoryWithoutItsEndTagIsReportedAndTheNextStoryRead() throws IOException {
		// given
		String sgml = SGML.replaceFirst("</REUTERS>", "");

		// when
		List<ImportItem> items = readAll(new ReutersSgml(
				new ByteArrayInputStream(sgml.getBytes(StandardCharsets.ISO_8859_1)), "x.sgm", 100_000, -1));

		// then
		assertThat(items).hasSize(4);
		assertThat(items.get(0)).isInstanceOfSatisfying(ImportItem.Unreadable.class,
				unreadable -> assertThat(unreadable.reason()).contains("line 2", "no </REUTERS> end tag"));
		assertThat(items.get(1).place().line()).isEqualTo(20);
	}

	@Test
	void reutersStoryLongerThanTheLimitIsSkipped() throws IOException {
		// when
		List<ImportItem> items = readAll(new ReutersSgml(
				new ByteArrayInputStream(SGML.getBytes(StandardCharsets.ISO_8859_1)), "x.sgm", 600, -1));

		// then
		assertThat(items).hasSize(4);
		assertThat(items.get(0)).isInstanceOfSatisfying(ImportItem.Unreadable.class,
				unreadable -> assertThat(unreadable.reason()).contains("longer than 600 characters"));
		assertThat(items.get(3)).isInstanceOf(ImportItem.Copy.class);
	}

	// ---- files and folders
	// ---------------------------------------------------------------------------------------

	@Test
	void folderIsWalkedInSortedOrderWithPlacesRelativeToIt() throws IOException {
		// given
		Path archive = Files.createDirectories(dir.resolve("archive"));
		Files.createDirectories(archive.resolve("b/nested"));
		Files.createDirectories(archive.resolve(".hidden"));
		Files.writeString(archive.resolve("c.txt"), "LONDON (AFP) - Third.");
		Files.writeString(archive.resolve("a.ndjson"), "{}\n\n{}\n");
		Files.writeString(archive.resolve("b/nested/d.TXT"), "PARIS (AFP) - Nested.");
		Files.writeString(archive.resolve("b/e.csv"), "body\none\ntwo\n");
		Files.writeString(archive.resolve("b/notes.pdf"), "ignored");
		Files.writeString(archive.resolve(".hidden/f.txt"), "ignored");
		Files.writeString(archive.resolve("._c.txt"), "ignored");
		Files.write(archive.resolve("reut2-000.sgm"), SGML.getBytes(StandardCharsets.ISO_8859_1));

		// when
		List<ImportItem> items;
		try (ImportSource source = ImportFiles.open(List.of(archive), 1000)) {
			assertThat(source.total()).isEqualTo(2 + 1 + 2 + 1 + 4);
			items = readAll(source);
		}

		// then
		assertThat(items).extracting(item -> item.place().toString())
			.containsExactly("a.ndjson:1", "a.ndjson:3", "b/e.csv:2", "b/e.csv:3", "b/nested/d.TXT", "c.txt",
					"reut2-000.sgm:2", "reut2-000.sgm:20", "reut2-000.sgm:29", "reut2-000.sgm:40");
		assertThat(items.get(5)).isEqualTo(
				new ImportItem.Copy(new ImportPlace("c.txt", 0), "LONDON (AFP) - Third.", CopyCorrections.none()));
	}

	@Test
	void wireCopyFileThatIsNotUtf8OrTooLargeIsUnreadable() throws IOException {
		// given
		Path latin1 = write("latin1.txt", "PARIS (AFP) - Le caf\u00e9.".getBytes(StandardCharsets.ISO_8859_1));
		Path large = write("large.txt", utf8("LONDON (AFP) - " + "word ".repeat(30)));
		Path bom = write("bom.txt", concat(BOM, utf8("LONDON (AFP) - Short.")));

		// when
		List<ImportItem> items;
		try (ImportSource source = ImportFiles.open(List.of(latin1, large, bom), 100)) {
			items = readAll(source);
		}

		// then
		assertThat(items).hasSize(3);
		assertThat(items.get(0)).isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace(latin1.toString(), 0));
			assertThat(unreadable.reason()).contains("not valid UTF-8");
		});
		assertThat(items.get(1)).isInstanceOfSatisfying(ImportItem.Unreadable.class,
				unreadable -> assertThat(unreadable.reason()).contains("100 bytes", "morgue.ingest.max-body-bytes"));
		assertThat(items.get(2)).isInstanceOfSatisfying(ImportItem.Copy.class,
				copy -> assertThat(copy.raw()).isEqualTo("LONDON (AFP) - Short."));
	}

	@Test
	void fileNamedExplicitlyInAnUnknownFormatIsUnreadable() throws IOException {
		// given
		Path pdf = write("story.pdf", utf8("%PDF"));

		// when
		List<ImportItem> items;
		try (ImportSource source = ImportFiles.open(List.of(pdf), 1000)) {
			assertThat(source.total()).isEqualTo(1);
			items = readAll(source);
		}

		// then
		assertThat(items).singleElement().isInstanceOfSatisfying(ImportItem.Unreadable.class, unreadable -> {
			assertThat(unreadable.place()).isEqualTo(new ImportPlace(pdf.toString(), 0));
			assertThat(unreadable.reason()).contains(".txt", ".ndjson", ".jsonl", ".csv", ".sgm");
		});
	}

	@Test
	void missingPathFailsBeforeAnythingIsRead() throws IOException {
		// given
		Path present = write("a.txt", utf8("LONDON (AFP) - Text."));
		Path missing = dir.resolve("missing.ndjson");

		// then
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> ImportFiles.open(List.of(present, missing), 1000))
			.withMessageContaining("missing.ndjson");
	}

	// ---- helpers
	// -------------------------------------------------------------------------------------------------

	private List<ImportItem> readCsv(String csv) throws IOException {
		return readCsv(utf8(csv));
	}

	private List<ImportItem> readCsv(byte[] csv) throws IOException {
		return readAll(new CsvArticles(new ByteArrayInputStream(csv), "a.csv", 10_000));
	}

	private static List<ImportItem> readAll(ImportSource source) throws IOException {
		List<ImportItem> items = new ArrayList<>();
		try (source) {
			ImportItem item;
			while ((item = source.next()) != null) {
				items.add(item);
			}
		}
		return items;
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part);
		}
		return out.toByteArray();
	}

}
