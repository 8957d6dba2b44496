package org.morgue.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.Eventually;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.search.ArticleSearch;
import org.morgue.search.SearchRequest;
import org.morgue.system.MorgueProperties;
import org.morgue.transfer.ImportJobs;
import org.morgue.transfer.ImportJobs.ImportJob;
import org.morgue.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator imports back issues from the import page in a real browser: uploads
 * files, watches the import run, reads the summary with the items that were not stored,
 * and finds the articles by searching. Uploads that cannot be imported are refused with a
 * message and start nothing; editors cannot reach the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPageBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ArticleSearch search;

	@Autowired
	MorgueProperties properties;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void setUp() {
		TestUsers.ensure(users);
		// One import at a time: let one that another test started finish first.
		awaitNoImportRunning();
	}

	@AfterEach
	void tearDown() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anAdministratorImportsFilesAndFindsTheArticles() throws Exception {
		// given: three good lines and a bad one, and a file of wire copy
		String marker = marker();
		Path dir = Files.createTempDirectory("import");
		Path ndjson = dir.resolve("back-issues.ndjson");
		Files.writeString(ndjson,
				"""
						{"title": "Harbour reopens after the storm", "body": "The harbour reopened on Tuesday, %1$s officials said.", "source": "Import Wire", "publishedAt": "1998-04-02"}
						{"title": "Rice harvest comes in late", "body": "Farmers brought the %1$s harvest in a month late.", "source": "Import Wire", "publishedAt": "1998-04-03"}
						{"title": "A typo", "bdy": "Text with %1$s in it"}
						{"raw": "By AFP\\nYANGON: The ferry to %1$s sailed again on Monday, officials said.\\n\\nIt had been held in port for a week.", "title": "Ferry sails again"}
						"""
					.formatted(marker));
		Path wire = dir.resolve("wire.txt");
		Files.writeString(wire, "By Jane Doe\nPARIS (AFP) - The museum of " + marker
				+ " opened its doors again on Friday.\n\nVisitors queued from dawn.");
		browser = Browser.open(port).signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

		// when: the administrator finds the page in the navigation and uploads both files
		browser.go("/articles");
		browser.find(By.linkText("Import")).click();
		assertThat(browser.path()).isEqualTo("/admin/import");
		try (ArticlesLocked held = new ArticlesLocked(dataSource)) {
			browser.find(By.cssSelector("input[type=file]")).sendKeys(ndjson + "\n" + wire);
			browser.find(By.cssSelector(".import-upload button")).click();

			// then: while the import waits for the lock, the page shows it running
			// The script replaces the figures as the job reports: an element read may be
			// gone a moment later.
			browser.waiting(PATIENCE)
				.until(d -> d.findElement(By.cssSelector(".import-figures .done"))
					.getText()
					.equals("0 of 5 articles (0%)"));
			assertThat(browser.find(By.cssSelector(".import-state strong")).getText()).isEqualTo("Running");
			assertThat(browser.find(By.id("job-title")).getText()).isEqualTo("Import under way");
			assertThat(browser.find(By.cssSelector(".import-upload button")).isEnabled()).isFalse();
		}

		// then: once it can go on, the page follows it on its own (the test never
		// reloads) until its summary is there
		WebDriverWait wait = browser.waiting(PATIENCE);
		wait.ignoring(WebDriverException.class);
		wait.until(d -> !d.findElements(By.cssSelector(".import-summary")).isEmpty());
		assertThat(browser.path()).isEqualTo("/admin/import");
		assertThat(browser.find(By.cssSelector(".import-state strong")).getText()).isEqualTo("Done");
		assertThat(browser.find(By.cssSelector(".import-figures .done")).getText()).isEqualTo("5 of 5 articles (100%)");
		assertThat(browser.find(By.cssSelector(".import-files")).getText()).isEqualTo("back-issues.ndjson, wire.txt");
		assertThat(browser.find(By.cssSelector(".import-state")).getText())
			.isEqualTo("Done (uploaded by " + TestUsers.ADMIN + ")");
		assertThat(browser.find(By.cssSelector(".import-summary .read")).getText()).isEqualTo("5");
		assertThat(browser.find(By.cssSelector(".import-summary .created")).getText()).isEqualTo("4");
		assertThat(browser.find(By.cssSelector(".import-summary .duplicates")).getText()).isEqualTo("0");
		assertThat(browser.find(By.cssSelector(".import-summary .errors")).getText()).isEqualTo("1");
		assertThat(browser.find(By.cssSelector(".import-summary .took")).getText()).endsWith(" s");
		assertThat(browser.find(By.cssSelector(".import-summary .per-second")).getText()).endsWith("articles/s");
		List<WebElement> errors = browser.driver().findElements(By.cssSelector(".import-errors tbody tr"));
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).findElement(By.cssSelector(".place")).getText()).isEqualTo("back-issues.ndjson:3");
		assertThat(errors.get(0).findElement(By.cssSelector(".field")).getText()).isEqualTo("bdy");
		assertThat(errors.get(0).findElement(By.cssSelector(".reason")).getText()).startsWith("Unknown field 'bdy'");
		assertThat(browser.find(By.cssSelector(".import-upload button")).isEnabled()).isTrue();

		// when: the articles are searched for
		Eventually.until(() -> search.search(SearchRequest.of(marker)).total(), total -> total == 4, PATIENCE);
		browser.go("/articles?q=" + marker);

		// then
		browser.find(By.cssSelector(".results-head"));
		assertThat(browser.driver().findElements(By.cssSelector(".hits a.headline")).stream().map(WebElement::getText))
			.hasSize(4)
			.contains("Harbour reopens after the storm", "Rice harvest comes in late", "Ferry sails again");
	}

	@Test
	void wireDocumentsAreImportedAsStoriesAndALaterVersionCountsAsUpdated() throws Exception {
		// given: a NewsML-G2 item, a later version of it, and a ninjs document
		String marker = marker();
		Path dir = Files.createTempDirectory("import-wire");
		String item = """
				<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:%1$s" version="%2$s">
				<contentMeta><headline>Bridge opens %1$s</headline></contentMeta><contentSet><inlineXML><nitf><body>
				<body.content><p>%3$s %1$s.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>""";
		Path first = Files.writeString(dir.resolve("bridge-1.xml"), item.formatted(marker, "1", "The bridge opened"));
		Path second = Files.writeString(dir.resolve("bridge-2.xml"),
				item.formatted(marker, "2", "The bridge opened to traffic"));
		Path ninjs = Files.writeString(dir.resolve("tunnel.json"), """
				{"uri": "urn:example:tunnel-%1$s", "headline": "Tunnel closes %1$s",
				 "body_text": "The tunnel closed %1$s for repairs."}""".formatted(marker));
		browser = Browser.open(port).signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

		// when
		browser.go("/admin/import");
		browser.find(By.cssSelector("input[type=file]")).sendKeys(first + "\n" + second + "\n" + ninjs);
		browser.find(By.cssSelector(".import-upload button")).click();

		// then
		WebDriverWait wait = browser.waiting(PATIENCE);
		wait.ignoring(WebDriverException.class);
		wait.until(d -> !d.findElements(By.cssSelector(".import-summary")).isEmpty());
		assertThat(browser.find(By.cssSelector(".import-summary .read")).getText()).isEqualTo("3");
		assertThat(browser.find(By.cssSelector(".import-summary .created")).getText()).isEqualTo("2");
		assertThat(browser.find(By.cssSelector(".import-summary .updated")).getText()).isEqualTo("1");
		assertThat(browser.find(By.cssSelector(".import-summary .errors")).getText()).isEqualTo("0");
		Eventually.until(() -> search.search(SearchRequest.of(marker)).total(), total -> total == 2, PATIENCE);
		assertThat(search.search(SearchRequest.of(marker + " traffic")).total()).isEqualTo(1);
	}

	@Test
	void aWordFileIsRefusedWithAMessageAndNothingStarts() throws Exception {
		// given
		Path dir = Files.createTempDirectory("import");
		Path good = dir.resolve("good.ndjson");
		Files.writeString(good, "{\"title\": \"Fine\", \"body\": \"A fine line " + marker() + ".\"}\n");
		Path word = dir.resolve("report.docx");
		Files.write(word, new byte[] { 'P', 'K', 3, 4 });
		ImportJob before = jobs.current().orElse(null);
		browser = Browser.open(port).signIn(TestUsers.ADMIN, TestUsers.PASSWORD);
		browser.go("/admin/import");

		// when
		browser.find(By.cssSelector("input[type=file]")).sendKeys(good + "\n" + word);
		browser.find(By.cssSelector(".import-upload button")).click();

		// then
		assertThat(browser.find(By.cssSelector(".error")).getText()).isEqualTo(
				"“report.docx” cannot be imported: only .ndjson, .jsonl, .csv, .txt, .sgm, .sgml, .xml, .json, .html, .htm files can. "
						+ "Nothing was imported.");
		assertThat(browser.has(By.cssSelector(".notice"))).isFalse();
		assertThat(jobs.current().orElse(null)).isSameAs(before);
	}

	@Test
	void uploadsThatCannotBeImportedAnswer400AndStartNothing() {
		// given
		HttpApi admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		ImportJob before = jobs.current().orElse(null);

		// when: no file chosen (the browser still sends an empty part), a Word file, a
		// hidden file, a name
		// that is only a path, the same name twice
		Response none = upload(admin, Map.of("", new byte[0]));
		Response word = upload(admin, Map.of("report.docx", new byte[] { 'P', 'K', 3, 4 }));
		Response hidden = upload(admin, Map.of("._back.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8)));
		Response path = upload(admin, Map.of("back/..", "{}\n".getBytes(StandardCharsets.UTF_8)));
		Map<String, byte[]> twice = new LinkedHashMap<>();
		twice.put("a/back.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
		twice.put("b/back.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
		Response same = upload(admin, twice);

		// then
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.text()).contains("Choose one or more files to import.");
		assertThat(word.status()).isEqualTo(400);
		assertThat(word.text()).contains("“report.docx” cannot be imported");
		assertThat(hidden.status()).isEqualTo(400);
		assertThat(hidden.text()).contains("“._back.ndjson” is a hidden file");
		assertThat(path.status()).isEqualTo(400);
		assertThat(path.text()).contains("A file has no usable name (“back/..”)");
		assertThat(same.status()).isEqualTo(400);
		assertThat(same.text()).contains("Two files are called “back.ndjson”");
		assertThat(jobs.current().orElse(null)).isSameAs(before);
	}

	@Test
	void aFileIsSavedUnderItsOwnNameOnlyWhateverPathTheClientSends() {
		// given
		HttpApi admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		String name = "escape-" + marker() + ".ndjson";
		byte[] line = ("{\"title\": \"Escape\", \"body\": \"A line from " + name + ".\"}\n")
			.getBytes(StandardCharsets.UTF_8);

		// when
		Response response = upload(admin, Map.of("../../" + name, line));

		// then: imported from the upload folder as the plain name, and nothing written
		// above it
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/admin/import");
		ImportJob job = awaitNoImportRunning();
		assertThat(job.files()).containsExactly(name);
		assertThat(job.summary().created()).isEqualTo(1);
		Path data = properties.dataDir();
		assertThat(data.resolve(name)).doesNotExist();
		assertThat(data.getParent().resolve(name)).doesNotExist();
		assertThat(data.resolve("imports").resolve(name)).doesNotExist();
	}

	@Test
	void whileAnImportRunsThePageRefreshesItselfAndAnotherIsRefused() throws Exception {
		// given: an import held before it stores anything by a lock on the articles
		HttpApi admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		String marker = marker();
		try (ArticlesLocked held = new ArticlesLocked(dataSource)) {
			Response started = upload(admin,
					Map.of("held.ndjson", ("{\"title\": \"Held\", \"body\": \"Held back by " + marker + ".\"}\n")
						.getBytes(StandardCharsets.UTF_8)));
			assertThat(started.status()).isEqualTo(302);

			// when
			Response page = admin.get("/admin/import");
			Response progress = admin.get("/admin/import/progress");
			Response another = upload(admin, Map.of("another.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8)));

			// then: without script the page reloads itself; with script it polls the
			// progress
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.text()).contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>")
				.contains("data-import-progress=\"/admin/import/progress\"")
				.contains("Import under way")
				.contains("held.ndjson");
			assertThat(progress.contentType()).startsWith("application/json");
			assertThat(progress.json().get("running").booleanValue()).isTrue();
			assertThat(progress.json().get("state").stringValue()).isEqualTo("RUNNING");
			assertThat(another.status()).isEqualTo(409);
			assertThat(another.text()).contains("An import started by " + TestUsers.ADMIN + " is running");
			assertThat(jobs.current().orElseThrow().files()).containsExactly("held.ndjson");

			// when: the administrator signs out before the import is done
			admin.post("/logout", "application/x-www-form-urlencoded", "_csrf=" + admin.csrfToken("/admin/import"));
		}

		// then: once it can, it finishes, as the administrator who started it, and the
		// page stops refreshing
		ImportJob job = awaitNoImportRunning();
		assertThat(job.summary().created()).isEqualTo(1);
		assertThat(
				jdbc.queryForList("select created_by from article where body like ?", String.class, "%" + marker + "%"))
			.containsExactly(TestUsers.ADMIN);
		admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		Response page = admin.get("/admin/import");
		assertThat(page.text()).doesNotContain("http-equiv=\"refresh\"").doesNotContain("data-import-progress");
		assertThat(admin.get("/admin/import/progress").json().get("running").booleanValue()).isFalse();
	}

	@Test
	void onlyAdministratorsReachTheImportPage() {
		// given
		HttpApi editor = HttpApi.signedIn(port, TestUsers.EDITOR, TestUsers.PASSWORD);
		HttpApi admin = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		ImportJob before = jobs.current().orElse(null);

		// when
		Response page = editor.get("/admin/import");
		Response progress = editor.get("/admin/import/progress");
		Response upload = upload(editor, editor.csrfToken("/articles/new"), Map.of("back.ndjson",
				"{\"title\": \"No\", \"body\": \"Not for editors.\"}\n".getBytes(StandardCharsets.UTF_8)));

		// then
		assertThat(page.status()).isEqualTo(403);
		assertThat(progress.status()).isEqualTo(403);
		assertThat(upload.status()).isEqualTo(403);
		assertThat(jobs.current().orElse(null)).isSameAs(before);
		assertThat(editor.get("/articles").text()).doesNotContain("href=\"/admin/import\"");
		assertThat(admin.get("/articles").text()).contains("href=\"/admin/import\"");
	}

	/**
	 * Holds every import before it stores anything until closed: a transaction of the
	 * test's own with the articles locked (for reading too, so that the import waits
	 * before who stores is recorded).
	 */
	private static final class ArticlesLocked implements AutoCloseable {

		private final Connection connection;

		ArticlesLocked(DataSource dataSource) throws SQLException {
			this.connection = dataSource.getConnection();
			this.connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("lock table article in access exclusive mode");
			}
		}

		@Override
		public void close() throws SQLException {
			try {
				connection.rollback();
			}
			finally {
				connection.close();
			}
		}

	}

	private static Response upload(HttpApi api, Map<String, byte[]> files) {
		return upload(api, api.csrfToken("/admin/import"), files);
	}

	/**
	 * A multipart form as a browser sends it: the CSRF token, then each file under its
	 * submitted name.
	 */
	private static Response upload(HttpApi api, String csrf, Map<String, byte[]> files) {
		String boundary = "----morgue" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		files.forEach((name, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return api.post("/admin/import", "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	private ImportJob awaitNoImportRunning() {
		return Eventually.until(() -> jobs.current().orElse(null), job -> job == null || !job.running(), PATIENCE);
	}

	private static String marker() {
		return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
