package org.morgue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (the system's {@code chromium} and {@code chromedriver},
 * installed by {@code .ci/run}; nothing is downloaded), driven as a person would use the
 * pages.
 * <p>
 * Starting Chromium takes seconds, so the browsers of a test run are kept:
 * {@link #close()} signs out of everything (cookies and every site's storage cleared,
 * extra windows closed, a blank page) and hands the browser to the next {@link #open}, as
 * a fresh profile would be. Tests that need two people at once open two.
 */
public final class Browser implements AutoCloseable {

	/** Browsers cleared and waiting for a test; quit when the test run ends. */
	private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (IDLE) {
				IDLE.forEach(ChromeDriver::quit);
				IDLE.clear();
			}
		}, "browsers-quit"));
	}

	private final ChromeDriver driver;

	private final String base;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	private static ChromeDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("CHROME_BIN", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024", "--user-data-dir=" + temporaryProfile());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** A browser signed in nowhere, on a blank page. */
	public static Browser open(int port) {
		ChromeDriver driver;
		synchronized (IDLE) {
			driver = IDLE.poll();
		}
		return new Browser((driver != null) ? driver : start(), port);
	}

	public Browser signIn(String username, String password) {
		go("/login");
		find(By.name("username")).sendKeys(username);
		find(By.name("password")).sendKeys(password);
		find(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	public void go(String path) {
		driver.get(base + path);
	}

	public WebElement find(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/**
	 * A wait on this page that asks again when an element it read was replaced meanwhile
	 * (a script updated it, or the page was reloaded between finding the element and
	 * reading it).
	 */
	public WebDriverWait waiting(Duration patience) {
		WebDriverWait wait = new WebDriverWait(driver, patience);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	public boolean has(By by) {
		return !driver.findElements(by).isEmpty();
	}

	/**
	 * Sets a field's value at once, as pasting does (typing 7 KB key by key is slow and
	 * not what editors do).
	 */
	public void paste(By field, String text) {
		driver.executeScript("arguments[0].value = arguments[1];", find(field), text);
	}

	/**
	 * Selects text in the article's story as a person dragging across it does, and lets
	 * the page know the mouse went up.
	 */
	public void selectInStory(String text) {
		driver.executeScript("""
				const text = arguments[0];
				const walker = document.createTreeWalker(document.querySelector('.story .body'), NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				  const at = node.textContent.indexOf(text);
				  if (at >= 0) {
				    node.parentElement.scrollIntoView({ block: 'center' });
				    const range = document.createRange();
				    range.setStart(node, at);
				    range.setEnd(node, at + text.length);
				    const selection = window.getSelection();
				    selection.removeAllRanges();
				    selection.addRange(range);
				    node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
				    return;
				  }
				}
				throw new Error('not in the story: ' + text);""", text);
	}

	public WebDriver driver() {
		return driver;
	}

	public String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	/** Clears the browser for the next test, or quits it if it cannot be cleared. */
	@Override
	public void close() {
		try {
			String first = driver.getWindowHandle();
			for (String window : driver.getWindowHandles()) {
				if (!window.equals(first)) {
					driver.switchTo().window(window).close();
				}
			}
			driver.switchTo().window(first);
			driver.get("about:blank");
			driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
			driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
		}
		catch (RuntimeException ex) {
			driver.quit();
			return;
		}
		synchronized (IDLE) {
			IDLE.push(driver);
		}
	}

	private static String executable(String variable, String fallback) {
		String configured = System.getenv(variable);
		return (configured != null && !configured.isBlank()) ? configured : fallback;
	}

	private static String temporaryProfile() {
		try {
			return Files.createTempDirectory("morgue-chromium").toString();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
