package org.morgue.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.TestUsers;
import org.morgue.user.UserService;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documentation works offline: Swagger UI is served by the archive and reads its
 * OpenAPI description with the signed-in session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void aSignedInUserBrowsesTheApiDocumentation() {
		TestUsers.ensure(users);
		try (Browser browser = Browser.open(port)) {
			browser.signIn(TestUsers.READER, TestUsers.PASSWORD);

			browser.go("/swagger-ui.html");

			assertThat(browser.find(By.cssSelector(".swagger-ui .info .title")).getText()).contains("Morgue API");
			browser.waiting(Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("/api/v1/articles/{id}"));
			assertThat(browser.driver().getPageSource()).doesNotContain("Failed to load API definition");
		}
	}

}
