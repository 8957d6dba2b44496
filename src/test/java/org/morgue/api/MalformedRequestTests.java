package org.morgue.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.HttpApi;
import org.morgue.HttpApi.Response;
import org.morgue.TestUsers;
import org.morgue.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.morgue.api.ArticleApiTests.assertProblem;

/**
 * The malformed requests the fuzzer ({@link HostileInputTests}) found answered with a
 * server error or an answer that was not problem details, each sent once over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	JdbcTemplate jdbc;

	HttpApi admin;

	String marker;

	@BeforeEach
	void signIn() {
		TestUsers.ensure(users);
		admin = HttpApi.as(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		marker = "malformed" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void aSearchParameterThatIsNotUtf8IsRefusedNamingTheQuery() {
		// when: %C3%28 is not UTF-8 (the search criteria used to fail on it with a 500)
		Response response = admin.get("/api/v1/articles?q=%C3%28");

		// then
		assertProblem(response, 400, "query");
	}

	@Test
	void aNulCharacterInAParameterIsRefused() {
		// when: PostgreSQL's text cannot hold a NUL (the tag page used to answer 500)
		Response tags = admin.get("/tags?prefix=%00");
		Response api = admin.get("/api/v1/tags?prefix=a%00b");

		// then
		assertProblem(tags, 400, "prefix");
		assertProblem(api, 400, "prefix");

		// and a browser asking for the page gets a page that says so
		Response page = admin.get("/tags?prefix=%00", "Accept", "text/html,application/xhtml+xml");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.text()).contains("<h1>Invalid input</h1>").contains("prefix").contains("/articles");
		// while the API answers problem details whatever it is asked for
		Response apiFromBrowser = admin.get("/api/v1/tags?prefix=a%00b", "Accept", "text/html");
		assertThat(apiFromBrowser.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aNulCharacterInAnyOtherTextIsRefusedAndNothingIsStored() {
		// when: a token named with a NUL (PostgreSQL refused it, and the client was told
		// of a server error), and a saved search whose tags hold one
		Response response = admin.post("/api/v1/tokens", "application/json",
				"{\"name\": \"" + marker + "\\u0000 token\"}");
		Response inAList = admin.post("/api/v1/saved-searches", "application/json",
				"{\"name\": \"" + marker + "\", \"q\": \"budget\", \"tags\": [\"a\\u0000b\"]}");

		// then: refused as the request is read, naming the field
		assertProblem(response, 400, "name");
		assertThat(response.json().get("detail").asString()).contains("NUL");
		assertProblem(inAList, 400, "tags");
		assertThat(inAList.json().get("detail").asString()).contains("NUL");
		assertThat(jdbc.queryForObject("select count(*) from saved_search where name = ?", Long.class, marker))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from api_token where name like ?", Long.class, marker + "%"))
			.isZero();
	}

	@Test
	void aNulCharacterInAnArticleIsRefusedAndNothingIsStored() {
		// when
		Response json = admin.post("/api/v1/articles", "application/json",
				"{\"title\": \"Nul\\u0000title\", \"body\": \"Officials met on " + marker + ".\"}");
		Response body = admin.post("/api/v1/articles", "application/json",
				"{\"title\": \"Nul\", \"body\": \"Officials met\\u0000on " + marker + ".\"}");

		// then
		assertProblem(json, 400, "title");
		assertProblem(body, 400, "body");
		assertThat(
				jdbc.queryForObject("select count(*) from article where body like ?", Long.class, "%" + marker + "%"))
			.isZero();
	}

	@Test
	void anUploadWithoutItsBoundaryIsRefused() {
		// when: multipart without a boundary, to an endpoint that takes none (it used to
		// fail parsing, a 500)
		Response response = admin.post("/api/v1/saved-searches", "multipart/form-data",
				"--x\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nabc\r\n--x--\r\n");

		// then
		assertProblem(response, 400, "files");
	}

	@Test
	void anUploadCutShortFromASignedInPageIsRefusedWithProblemDetails() {
		// given: a browser's session, which the API takes with the CSRF token
		HttpApi page = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);

		// when: an upload without its boundary or cut short, to an endpoint that takes no
		// body (the CSRF check read the token from it, and the web server answered with
		// its own error, not problem details)
		Response withoutBoundary = page.post("/api/v1/admin/index/check", "multipart/form-data",
				"--b\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nabc\r\n--b--\r\n");
		Response cutShort = page.post("/api/v1/admin/copies/backlog", "multipart/form-data; boundary=b",
				"--b\r\nContent-Disposition: form-da");

		// then: refused as for any other client, and the token is not looked for in the
		// body
		assertProblem(withoutBoundary, 403, null);
		assertThat(withoutBoundary.json().get("detail").asString()).contains("X-CSRF-TOKEN");
		assertProblem(cutShort, 403, null);
	}

	@Test
	void theApiTakesASessionsCsrfTokenFromTheHeaderOnly() {
		// given
		HttpApi page = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		String csrf = page.csrfToken("/admin/import");
		String body = "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--b--\r\n";

		// when: the token in a form field, then in the header with a body cut short
		Response inTheBody = page.post("/api/v1/saved-searches", "multipart/form-data; boundary=b", body);
		Response cutShort = page.postWithHeader("/api/v1/saved-searches", "multipart/form-data; boundary=b",
				body.substring(0, 30), "X-CSRF-TOKEN", csrf);

		// then: the first is refused for want of the header, the second for the upload
		assertProblem(inTheBody, 403, null);
		assertThat(inTheBody.json().get("detail").asString()).contains("X-CSRF-TOKEN");
		assertProblem(cutShort, 400, "files");
	}

	@Test
	void anEncodedPercentInThePathIsRefusedWithProblemDetails() {
		// when: Spring Security's firewall refuses %25 in a path
		Response response = admin.get("/api/v1/tags/%25zz/articles");

		// then
		assertProblem(response, 400, null);
	}

	@Test
	void anImportFileWithANameLongerThanAFileSystemKeepsIsRefused() {
		// given
		HttpApi page = HttpApi.signedIn(port, TestUsers.ADMIN, TestUsers.PASSWORD);
		String csrf = page.csrfToken("/admin/import");
		String name = "x".repeat(300) + ".txt";
		byte[] upload = ("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name + "\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nLONDON (Reuters) - Officials met on " + marker + ".\r\n--b--\r\n")
			.getBytes(StandardCharsets.UTF_8);

		// when: (it used to fail saving the file, a 500)
		Response response = page.post("/admin/import", "multipart/form-data; boundary=b", upload);

		// then
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).contains("longer than 255 bytes");
	}

}
