package org.morgue.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.MorgueApplication;
import org.morgue.TestDatabase;
import org.morgue.TestUsers;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken through the API of a running archive while an editor goes on writing,
 * restored with the {@code restore} command into an empty database and a new data
 * directory, gives back an archive whose articles, corrections, tags, notes, saved
 * searches, users, tokens and history are all there and searchable, with an index that
 * agrees with PostgreSQL. Each archive has a database of its own on the tests'
 * PostgreSQL.
 */
class BackupRestoreTests {

	private static final String ADMIN_PASSWORD = TestUsers.FIRST_ADMIN_PASSWORD;

	@TempDir
	Path files;

	@Test
	void aBackupOfARunningArchiveRestoresEverythingIntoAnEmptyDatabase() throws Exception {
		String source = TestDatabase.newDatabase("backup_source");
		String target = TestDatabase.newDatabase("backup_target");
		Path backupFile = files.resolve("morgue.zip");
		long corrected;
		String token;
		int acknowledgedBefore;
		AtomicInteger acknowledged = new AtomicInteger();
		try (ConfigurableApplicationContext archive = start(source, files.resolve("source"))) {
			// given: articles, one of them corrected, tagged and annotated, a saved
			// search, an editor with a token
			HttpApi admin = HttpApi.as(port(archive), "admin", ADMIN_PASSWORD);
			assertThat(admin
				.post("/api/v1/users", "application/json",
						"{\"username\": \"desk\", \"password\": \"desk-password-1\", \"role\": \"EDITOR\"}")
				.status()).isEqualTo(201);
			HttpApi editor = HttpApi.as(port(archive), "desk", "desk-password-1");
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				ids.add(store(editor, "Harbour story number " + i,
						"The harbour of Port Ellis reopened on Tuesday after storm number " + i
								+ " had closed it for a week."));
			}
			corrected = ids.get(0);
			Response patched = editor.patch("/api/v1/articles/" + corrected, "application/json",
					"{\"version\": " + editor.get("/api/v1/articles/" + corrected).json().get("version").asLong()
							+ ", \"title\": \"Harbour reopens after the storm\", "
							+ "\"body\": \"The harbour of Port Ellis reopened on Tuesday; the quarantined "
							+ "ferries sailed at noon.\"}");
			assertThat(patched.status()).as(patched.text()).isEqualTo(200);
			assertThat(editor.put("/api/v1/articles/" + corrected + "/tags/Shipping").status()).isEqualTo(200);
			Response note = editor.post("/api/v1/articles/" + corrected + "/annotations", "application/json", """
					{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
					 "body": {"type": "TextualBody", "value": "Check the **ferry** times.", "format": "text/markdown"},
					 "target": {"selector": {"type": "TextPositionSelector", "start": 4, "end": 11}}}""");
			assertThat(note.status()).as(note.text()).isEqualTo(201);
			assertThat(editor
				.post("/api/v1/saved-searches", "application/json", "{\"name\": \"Ferries\", \"q\": \"ferries\"}")
				.status()).isEqualTo(201);
			token = editor.post("/api/v1/tokens", "application/json", "{\"name\": \"feed reader\"}")
				.json()
				.get("secret")
				.stringValue();

			// when: backed up while an editor stores articles and tags each
			AtomicBoolean writing = new AtomicBoolean(true);
			Thread writer = new Thread(() -> {
				for (int i = 0; writing.get(); i++) {
					long id = store(editor, "Live report " + i,
							"Live report number " + i + " from the quayside, where cranes stood idle.");
					editor.put("/api/v1/articles/" + id + "/tags/Live");
					acknowledged.incrementAndGet();
				}
			});
			writer.start();
			Eventually.until(acknowledged::get, count -> count >= 3);
			acknowledgedBefore = acknowledged.get();
			Response backup = admin.get("/api/v1/admin/backup");
			Eventually.until(acknowledged::get, count -> count >= acknowledgedBefore + 3);
			writing.set(false);
			writer.join();
			assertThat(backup.status()).isEqualTo(200);
			assertThat(backup.header("Content-Disposition")).contains("morgue-backup-").contains(".zip");
			Files.write(backupFile, backup.bytes());
		}
		Command restore = command(files, "restore", backupFile.toString(), target, files.resolve("target"));

		// then: the restored database is the archive at one moment: every article the
		// writer had tagged by then, with its tag counted
		assertThat(restore.status).as(restore.out + restore.err).isZero();
		assertThat(restore.out).contains("Restored").contains("rebuilt");
		long articles;
		try (Connection connection = DriverManager.getConnection(target, TestDatabase.connection().username(),
				TestDatabase.connection().password()); Statement sql = connection.createStatement()) {
			articles = count(sql, "select count(*) from article");
			long live = count(sql, "select count(*) from article where title like 'Live report%'");
			assertThat(live).isBetween((long) acknowledgedBefore, (long) acknowledged.get() + 1);
			long tagged = count(sql,
					"select count(*) from article_tag at join tag t on t.id = at.tag_id " + "where t.name = 'Live'");
			assertThat(count(sql, "select coalesce(sum(article_count), 0) from tag where name = 'Live'"))
				.isEqualTo(tagged);
			assertThat(tagged).isBetween(live - 1, live);
		}

		// and the archive started on it has everything back, searchable, with an index
		// that agrees
		try (ConfigurableApplicationContext restored = start(target, files.resolve("target"))) {
			HttpApi admin = HttpApi.as(port(restored), "admin", ADMIN_PASSWORD);
			HttpApi reader = HttpApi.withToken(port(restored), token);
			Eventually.until(() -> admin.get("/api/v1/admin/index").json(),
					status -> status.get("available").booleanValue() && status.get("documents").asLong() == articles,
					Duration.ofSeconds(60));
			JsonNode article = reader.get("/api/v1/articles/" + corrected).json();
			assertThat(article.get("title").stringValue()).isEqualTo("Harbour reopens after the storm");
			assertThat(article.get("body").stringValue()).contains("quarantined ferries");
			assertThat(article.get("tags").toString()).contains("Shipping");
			assertThat(reader.get("/api/v1/articles/" + corrected + "/raw").text()).contains("storm number 0");
			assertThat(
					reader.get("/api/v1/articles/" + corrected + "/annotations", "Accept", "application/json").text())
				.contains("Check the **ferry** times.");
			assertThat(reader.get("/api/v1/articles/" + corrected + "/history").text()).contains("desk");
			assertThat(reader.get("/api/v1/saved-searches").text()).contains("Ferries");
			JsonNode found = reader.get("/api/v1/articles?q=quarantined").json();
			assertThat(found.get("total").asLong()).isEqualTo(1);
			assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(corrected);
			assertThat(reader.get("/api/v1/articles?tag=Live").json().get("total").asLong()).isPositive();
			assertThat(reader.get("/api/v1/articles").json().get("total").asLong()).isEqualTo(articles);
			assertThat(admin.post("/api/v1/admin/index/check", "application/json", "").status()).isEqualTo(202);
			JsonNode check = Eventually.until(() -> admin.get("/api/v1/admin/index").json().get("lastCheck"),
					report -> report != null && !report.isNull(), Duration.ofSeconds(60));
			assertThat(check.get("articles").asLong()).isEqualTo(articles);
			assertThat(check.get("missing").asLong() + check.get("stale").asLong() + check.get("extra").asLong())
				.isZero();
			// new ids do not collide with the restored ones
			long next = store(HttpApi.as(port(restored), "desk", "desk-password-1"), "After the restore",
					"The first story stored after the archive came back from its backup.");
			assertThat(next).isGreaterThan(corrected);
		}
	}

	@Test
	void aRestoreIntoADatabaseThatIsNotEmptyOrFromACutBackupIsRefusedAndChangesNothing() throws Exception {
		// given: a backup of an archive, the same file cut short, and an archive in use
		String source = TestDatabase.newDatabase("backup_small");
		Path backupFile = files.resolve("small.zip");
		try (ConfigurableApplicationContext archive = start(source, files.resolve("small"))) {
			store(HttpApi.as(port(archive), "admin", ADMIN_PASSWORD), "A small archive",
					"A small archive holds one story about the lighthouse keeper's retirement.");
		}
		Command backup = command(files, "backup", backupFile.toString(), source, files.resolve("small"));
		assertThat(backup.status).as(backup.err).isZero();
		assertThat(backup.out).contains("Backed up 1 articles");
		byte[] whole = Files.readAllBytes(backupFile);
		Path cut = files.resolve("cut.zip");
		// cut in the middle of the articles' table
		int article = new String(whole, StandardCharsets.ISO_8859_1).indexOf("tables/article.copy");
		assertThat(article).isPositive();
		Files.write(cut, java.util.Arrays.copyOf(whole, article + 60));
		String empty = TestDatabase.newDatabase("backup_empty");

		// when
		Command intoUsed = command(files, "restore", backupFile.toString(), source, files.resolve("used"));
		Command fromCut = command(files, "restore", cut.toString(), empty, files.resolve("cut"));

		// then: both refused with the reason; the database in use keeps its one article,
		// the empty one stays empty
		assertThat(intoUsed.status).isEqualTo(2);
		assertThat(intoUsed.err).contains("not empty");
		assertThat(fromCut.status).isEqualTo(2);
		assertThat(fromCut.err).containsAnyOf("cut short", "damaged", "Unexpected end");
		try (Connection connection = DriverManager.getConnection(source, TestDatabase.connection().username(),
				TestDatabase.connection().password()); Statement sql = connection.createStatement()) {
			assertThat(count(sql, "select count(*) from article")).isEqualTo(1);
		}
		try (Connection connection = DriverManager.getConnection(empty, TestDatabase.connection().username(),
				TestDatabase.connection().password()); Statement sql = connection.createStatement()) {
			assertThat(count(sql, "select count(*) from pg_class where relnamespace = 'public'::regnamespace"))
				.isZero();
		}
		// and a restore of the whole file into that database works
		Command again = command(files, "restore", backupFile.toString(), empty, files.resolve("cut"));
		assertThat(again.status).as(again.err).isZero();
		assertThat(again.out).contains("Restored 1 articles");
	}

	private static long store(HttpApi api, String title, String body) {
		Response created = api.post("/api/v1/articles", "application/json",
				"{\"title\": \"%s\", \"body\": \"%s\", \"source\": \"Gazette\"}".formatted(title, body));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static long count(Statement sql, String query) throws Exception {
		try (ResultSet result = sql.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static ConfigurableApplicationContext start(String database, Path dataDir) {
		return new SpringApplicationBuilder(MorgueApplication.class).run("--spring.datasource.url=" + database,
				"--spring.datasource.username=" + TestDatabase.connection().username(),
				"--spring.datasource.password=" + TestDatabase.connection().password(), "--morgue.data-dir=" + dataDir,
				"--server.port=0", "--morgue.ner.enabled=false", "--morgue.copies.enabled=false");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static Command command(Path files, String command, String file, String database, Path dataDir) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = BackupCommand.run(
				new String[] { command, file, "--spring.datasource.url=" + database,
						"--spring.datasource.username=" + TestDatabase.connection().username(),
						"--spring.datasource.password=" + TestDatabase.connection().password(),
						"--morgue.data-dir=" + dataDir },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Command(int status, String out, String err) {
	}

}
