package org.morgue.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.morgue.Browser;
import org.morgue.TestUsers;
import org.morgue.user.Role;
import org.morgue.user.UserService;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor who mistypes the password again and again is told to wait, in a real browser,
 * and signs in once the wait is over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void afterFiveWrongPasswordsTheSignInPageSaysHowLongToWait() {
		// given
		String name = "b" + UUID.randomUUID().toString().substring(0, 8);
		users.create(name, TestUsers.PASSWORD, Role.EDITOR);
		try (Browser browser = Browser.open(port)) {
			for (int i = 0; i < 5; i++) {
				attempt(browser, name, "mistyped-" + i);
				assertThat(browser.find(By.cssSelector("p.error")).getText())
					.isEqualTo("That user name and password do not match.");
			}

			// when: the sixth attempt, right or wrong, comes before the wait is over
			attempt(browser, name, TestUsers.PASSWORD);

			// then
			String message = browser.find(By.cssSelector("p.sign-in-wait")).getText();
			assertThat(message).startsWith("Too many failed sign-ins for this account from here.")
				.contains("wait 1 second, then try again");
			assertThat(browser.path()).startsWith("/login");

			// and: once the wait (1 s) is over the right password signs in
			browser.waiting(Duration.ofSeconds(10)).until((driver) -> {
				attempt(browser, name, TestUsers.PASSWORD);
				return !browser.path().startsWith("/login");
			});
			assertThat(browser.path()).startsWith("/articles");
		}
	}

	private static void attempt(Browser browser, String name, String password) {
		browser.go("/login");
		browser.find(By.name("username")).sendKeys(name);
		browser.find(By.name("password")).sendKeys(password);
		browser.find(By.cssSelector("form button[type=submit]")).click();
		browser.waiting(Duration.ofSeconds(10))
			.until((driver) -> driver.getCurrentUrl().contains("/login?")
					|| !driver.getCurrentUrl().contains("/login"));
	}

}
