package org.morgue.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.Eventually;
import org.morgue.MorgueApplication;
import org.morgue.TestDatabase;
import org.morgue.annotation.AnnotationService;
import org.morgue.annotation.AnnotationTarget;
import org.morgue.article.ArticleDetails;
import org.morgue.article.ArticleService;
import org.morgue.ner.EntityBacklog;
import org.morgue.ner.EntityCuration;
import org.morgue.ner.EntityService;
import org.morgue.search.IndexMaintenance;
import org.morgue.system.WorkProgress;
import org.morgue.tag.TagService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving an archive: exported from the command line and imported into an empty archive,
 * it is the same archive (text, metadata, provenance, entities as curated), but for the
 * new ids. Each archive is a database of its own on the tests' PostgreSQL, with files of
 * its own.
 */
class ArchiveRoundTripTests {

	private static final int ARTICLES = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path files;

	@Test
	void anExportImportedIntoAnEmptyArchiveGivesBackTheSameArchive() throws Exception {
		// given: an archive of a few hundred articles, analysed, with an entity renamed,
		// a title corrected
		// and tags
		String source = TestDatabase.newDatabase("roundtrip_source");
		String target = TestDatabase.newDatabase("roundtrip_target");
		try (ConfigurableApplicationContext archive = new SpringApplicationBuilder(MorgueApplication.class)
			.web(WebApplicationType.NONE)
			.run(settings(source, "source").stream().map(setting -> "--" + setting).toArray(String[]::new))) {
			ImportSummary summary = archive.getBean(BulkImport.class)
				.run(new NdjsonLines(new ByteArrayInputStream(corpus().getBytes(StandardCharsets.UTF_8)), "corpus",
						1 << 20), "test", outcome -> {
						}, progress -> {
						});
			assertThat(summary.created()).isEqualTo(ARTICLES);
			EntityBacklog backlog = archive.getBean(EntityBacklog.class);
			Eventually.until(() -> backlog.start("test") || backlog.progress().running(), started -> started);
			Eventually.until(backlog::progress, progress -> progress.state() == WorkProgress.State.DONE,
					Duration.ofSeconds(120));
			EntityService entities = archive.getBean(EntityService.class);
			long lavrov = entities.idsNamed("Sergei Lavrov").get(0);
			archive.getBean(EntityCuration.class).rename(lavrov, "Sergey Lavrov");
			ArticleService articles = archive.getBean(ArticleService.class);
			ArticleDetails first = articles.details(articles.versionsAfter(0, 1).stream().map(v -> v.id()).toList())
				.get(0);
			articles.correct(first.id(), first.version(), first.metadata().withTitle("A corrected headline"));
			TagService tags = archive.getBean(TagService.class);
			tags.tagAll("Foreign affairs", articles.versionsAfter(0, 3).stream().map(v -> v.id()).toList());
			tags.add(first.id(), "Corrected");
			AnnotationService annotations = archive.getBean(AnnotationService.class);
			annotations.create(first.id(), "Check the **figures** with the desk.", AnnotationTarget.ofPosition(20, 40));
			long orphan = annotations
				.create(first.id(), "About a passage that goes.", AnnotationTarget.ofPosition(0, 5))
				.id();
			ArticleDetails titled = articles.get(first.id());
			articles.correctText(first.id(), titled.version(), java.util.List
				.of(org.morgue.article.ArticleParagraph.paragraph(titled.body().substring(5).strip())));
			assertThat(annotations.get(orphan).orphaned()).isTrue();
			Eventually.until(() -> entities.isAnalysed(first.id(), first.version() + 2), analysed -> analysed,
					Duration.ofSeconds(60));
		}

		// when: exported, imported into an empty archive, and exported from there
		Path exported = files.resolve("source.ndjson");
		Path again = files.resolve("target.ndjson");
		Command export = command("export", exported.toString(), source, "source");
		Command restore = command("import", exported.toString(), target, "target");
		Command reexport = command("export", again.toString(), target, "target");

		// then: the same articles, line for line, but for ids and versions
		assertThat(export.status).as(export.err).isZero();
		assertThat(restore.status).as(restore.err).isZero();
		assertThat(restore.out).contains("%,d created".formatted(ARTICLES)).contains("0 errors");
		assertThat(reexport.status).as(reexport.err).isZero();
		List<JsonNode> before = lines(exported);
		List<JsonNode> after = lines(again);
		assertThat(before).hasSize(ARTICLES);
		assertThat(after).isEqualTo(before);
		assertThat(before.get(0).get("title").stringValue()).isEqualTo("A corrected headline");
		assertThat(before).allMatch(line -> line.get("entitiesAnalysed").booleanValue());
		assertThat(before.get(0).get("tags").toString()).isEqualTo("[\"Corrected\",\"Foreign affairs\"]");
		assertThat(before.stream().filter(line -> line.get("tags").toString().contains("Foreign affairs"))).hasSize(3);
		assertThat(before.get(0).get("annotations")).hasSize(2);
		assertThat(before.get(0).get("annotations").toString()).contains("Check the **figures** with the desk.")
			.contains("\"orphaned\":true");
		assertThat(after.toString()).contains("\"name\":\"Sergey Lavrov\"")
			.doesNotContain("\"name\":\"Sergei Lavrov\"");
	}

	@Test
	void theCommandImportsAFolderOfEveryFormatAndListsWhatItCouldNotStore() throws Exception {
		// given: CSV with a bad row, wire copy, Reuters SGML with a brief, and a file in
		// no known format
		String marker = "fmt" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		Path folder = Files.createDirectories(files.resolve("back-issues"));
		Files.writeString(folder.resolve("archive.csv"), """
				title,body,source,publishedAt
				Harbour reopens,"The harbour in %1$s reopened on Tuesday.

				Ferries resumed at noon.",Gazette,2019-05-07
				No body here,,Gazette,2019-05-08
				""".formatted(marker));
		Files.writeString(Files.createDirectories(folder.resolve("wires")).resolve("story.txt"),
				"By AFP\nYANGON: Monsoon rains reached %s early this year, forecasters said on Monday.\n"
					.formatted(marker));
		Files.writeString(folder.resolve("reut2-000.sgm"), """
				<!DOCTYPE lewis SYSTEM "lewis.dtd">
				<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="1">
				<DATE>26-FEB-1987 15:01:01.79</DATE>
				<TEXT>&#2;
				<TITLE>WIDGET MAKER SELLS %1$s UNIT</TITLE>
				<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>Acme Widget Corp said it agreed to
				sell its %1$s division for 40 mln dlrs in cash.
				 Reuter
				&#3;</BODY></TEXT>
				</REUTERS>
				<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="2">
				<DATE>26-FEB-1987 15:02:20.00</DATE>
				<TEXT TYPE="BRIEF">&#2;
				<TITLE>WIDGET BRIEF</TITLE>
				&#3;</TEXT>
				</REUTERS>
				""".formatted(marker));
		Files.writeString(folder.resolve("notes.docx"), "not an archive");
		String database = TestDatabase.newDatabase("roundtrip_formats");

		// when
		Command command = command("import", folder.toString(), database, "formats");

		// then: three articles, and the two items that could not be stored, with where
		// and why
		assertThat(command.status).as(command.out + command.err).isEqualTo(1);
		assertThat(command.out).contains("3 created").contains("2 errors");
		assertThat(command.err).contains("archive.csv:5")
			.contains("body")
			.contains("reut2-000.sgm:11")
			.contains("brief");
		try (Connection connection = DriverManager.getConnection(database, TestDatabase.connection().username(),
				TestDatabase.connection().password());
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery("""
						select a.title, s.name, a.dateline_place, a.published_date, a.sign_off from article a
						left join source s on s.id = a.source_id order by a.title""")) {
			List<String> stored = new ArrayList<>();
			while (rows.next()) {
				stored.add(rows.getString(1) + " | " + rows.getString(2) + " | " + rows.getString(3) + " | "
						+ rows.getString(4) + " | " + rows.getString(5));
			}
			assertThat(stored).containsExactly("Harbour reopens | Gazette | null | 2019-05-07 | null",
					"Monsoon rains reached %s early this year | AFP | YANGON | null | null".formatted(marker),
					"WIDGET MAKER SELLS %s UNIT | Reuters | NEW YORK | 1987-02-26 | Reuter".formatted(marker));
		}
	}

	@Test
	void theCommandImportsWireDocumentsTellingXmlByItsRootElementAndJsonAsNinjs() throws Exception {
		// given: a NewsML-G2 item and a later version of it, NITF, ninjs, and XML that is
		// no news item
		String marker = "doc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		Path folder = Files.createDirectories(files.resolve("wire-drop"));
		Files.writeString(folder.resolve("a-budget-1.xml"), newsItem(marker, "1", "The budget passed"));
		Files.writeString(folder.resolve("b-budget-2.xml"), newsItem(marker, "2", "The budget passed at last"));
		Files.writeString(folder.resolve("c-ferry.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<nitf><head><docdata><doc-id id-string="ferry-%1$s"/></docdata></head>
				<body><body.head><hedline><hl1>Ferry sails %1$s</hl1></hedline></body.head>
				<body.content><p>The ferry sailed again %1$s.</p></body.content></body></nitf>
				""".formatted(marker));
		Files.writeString(folder.resolve("d-harbour.json"), """
				{"uri": "urn:example:harbour-%1$s", "version": "1", "headline": "Harbour reopens %1$s",
				 "body_text": "OSLO (NTB) -- The harbour reopened %1$s on Tuesday."}
				""".formatted(marker));
		Files.writeString(folder.resolve("e-catalog.xml"), "<catalog><item>" + marker + "</item></catalog>");
		String database = TestDatabase.newDatabase("roundtrip_documents");

		// when
		Command command = command("import", folder.toString(), database, "documents");

		// then: three stories, the second version applied to the first's article, the
		// catalog refused by name
		assertThat(command.status).as(command.out + command.err).isEqualTo(1);
		assertThat(command.out).contains("5 read, 3 created, 1 updated, 0 duplicates, 1 errors");
		assertThat(command.err).contains("e-catalog.xml").contains("not a news item").contains("<catalog>");
		try (Connection connection = DriverManager.getConnection(database, TestDatabase.connection().username(),
				TestDatabase.connection().password());
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery("""
						select a.title, s.name, a.dateline_place from article a
						left join source s on s.id = a.source_id order by a.title""")) {
			List<String> stored = new ArrayList<>();
			while (rows.next()) {
				stored.add(rows.getString(1) + " | " + rows.getString(2) + " | " + rows.getString(3));
			}
			assertThat(stored).containsExactly("Budget passes %s | null | null".formatted(marker),
					"Ferry sails %s | null | null".formatted(marker),
					"Harbour reopens %s | NTB | OSLO".formatted(marker));
		}
	}

	private static String newsItem(String marker, String version, String text) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:budget-%1$s" version="%2$s">
				<itemMeta><pubStatus qcode="stat:usable"/></itemMeta>
				<contentMeta><headline>Budget passes %1$s</headline></contentMeta>
				<contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>
				<p>%3$s %1$s.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>
				""".formatted(marker, version, text);
	}

	@Test
	void theCommandNamesAMissingPathAndDoesNotStart() {
		Command command = command("import", files.resolve("nowhere.ndjson").toString(),
				TestDatabase.newDatabase("roundtrip_missing"), "missing");

		assertThat(command.status).isEqualTo(2);
		assertThat(command.err).contains("There is no file or folder").contains("nowhere.ndjson");
	}

	@Test
	void theCommandSaysWhenTheSearchIndexIsInUseAndDoesNotStart() throws IOException {
		// given: a running archive on a database of its own (shared, so no data directory
		// lock), its
		// index in service
		String database = TestDatabase.newDatabase("roundtrip_inuse");
		Path copy = Files.writeString(files.resolve("story.txt"), "A story that waits " + UUID.randomUUID() + ".\n");
		try (ConfigurableApplicationContext archive = new SpringApplicationBuilder(MorgueApplication.class)
			.web(WebApplicationType.NONE)
			.run(settings(database, "inuse").stream().map(setting -> "--" + setting).toArray(String[]::new))) {
			IndexMaintenance maintenance = archive.getBean(IndexMaintenance.class);
			Eventually.until(maintenance::status, status -> status.available() && !maintenance.busy(),
					Duration.ofSeconds(60));

			// when: an import on the same files
			Command command = command("import", copy.toString(), database, "inuse");

			// then
			assertThat(command.status).as(command.out + command.err).isEqualTo(2);
			assertThat(command.err).contains("The search index is in use by another Morgue process");
		}
	}

	/**
	 * Articles naming people, organisations and places, in the NDJSON of the bulk import.
	 */
	private static String corpus() {
		String[] people = { "Sergei Lavrov", "Hun Sen", "Angela Merkel", "Jacinda Ardern" };
		String[] places = { "Moscow", "Cambodia", "Berlin", "Wellington", "Nairobi" };
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < ARTICLES; i++) {
			ObjectNode line = JSON.createObjectNode();
			String person = people[i % people.length];
			String place = places[i % places.length];
			line.put("title", "Talks in " + place + ", round " + i);
			line.put("body",
					person + " arrived in " + place + " on Monday for talks with the United Nations, "
							+ "officials said. It was meeting number " + i + " this year.\n\nThe talks cover trade and "
							+ "security, and end on Friday " + UUID.randomUUID() + ".");
			line.put("source", (i % 2 == 0) ? "AFP" : "Reuters");
			line.put("publishedAt", "2020-01-%02dT%02d:00:00Z".formatted(1 + i % 28, i % 24));
			lines.append(JSON.writeValueAsString(line)).append('\n');
		}
		return lines.toString();
	}

	private List<String> settings(String database, String name) {
		TestDatabase.Connection server = TestDatabase.connection();
		List<String> settings = new ArrayList<>();
		settings.add("spring.datasource.url=" + database);
		settings.add("spring.datasource.username=" + server.username());
		settings.add("spring.datasource.password=" + server.password());
		settings.add("morgue.data-dir=" + files.resolve(name + "-data"));
		return settings;
	}

	private Command command(String command, String operand, String database, String name) {
		List<String> args = new ArrayList<>(List.of(command, operand));
		settings(database, name).forEach(setting -> args.add("--" + setting));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ArchiveCommand.run(MorgueApplication.class, args.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Command(int status, String out, String err) {
	}

	/**
	 * The lines of an export, without what an archive assigns itself: ids and versions.
	 */
	private static List<JsonNode> lines(Path file) throws IOException {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			ObjectNode node = (ObjectNode) JSON.readTree(line);
			node.remove("id");
			node.remove("version");
			lines.add(node);
		}
		return lines;
	}

}
