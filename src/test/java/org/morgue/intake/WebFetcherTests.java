package org.morgue.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.morgue.intake.WebFetcher.FetchConditions;
import org.morgue.intake.WebFetcher.FetchedDocument;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetcher against a server on 127.0.0.1: loopback refused unless allowed, redirects
 * checked hop by hop, the connection made to the addresses checked (a name that answers a
 * public address and then 127.0.0.1 never reaches the server), conditional fetches, the
 * size limit and the time-out.
 */
class WebFetcherTests {

	/** TEST-NET-3: an address on the internet as far as the guard is concerned. */
	private static final String PUBLIC = "203.0.113.10";

	HttpServer server;

	ExecutorService handlers;

	int port;

	final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	final Map<String, String> sentHeaders = new ConcurrentHashMap<>();

	WebFetcher fetcher;

	@BeforeEach
	void setUp() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		handlers = Executors.newCachedThreadPool();
		server.setExecutor(handlers);
		server.createContext("/", this::serve);
		server.start();
		port = server.getAddress().getPort();
	}

	@AfterEach
	void tearDown() {
		if (fetcher != null) {
			fetcher.close();
		}
		server.stop(0);
		handlers.shutdownNow();
	}

	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		exchange.getRequestHeaders()
			.forEach((name, values) -> sentHeaders.put(name.toLowerCase(), String.join(",", values)));
		try (exchange) {
			switch (path) {
				case "/page" -> {
					String etag = "\"v1\"";
					exchange.getResponseHeaders().add("ETag", etag);
					exchange.getResponseHeaders().add("Last-Modified", "Tue, 03 Jun 2025 10:00:00 GMT");
					if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
						exchange.sendResponseHeaders(304, -1);
						return;
					}
					send(exchange, 200, "text/html; charset=utf-8", "<p>The page</p>");
				}
				case "/old" -> {
					exchange.getResponseHeaders().add("Location", "/page");
					exchange.sendResponseHeaders(302, -1);
				}
				case "/inside" -> {
					exchange.getResponseHeaders().add("Location", "http://inside.test:" + port + "/secret");
					exchange.sendResponseHeaders(302, -1);
				}
				case "/secret" -> send(exchange, 200, "text/plain", "the newsroom's secret");
				case "/large" -> send(exchange, 200, "text/plain", "x".repeat(5000));
				case "/large-chunked" -> {
					exchange.getResponseHeaders().add("Content-Type", "text/plain");
					exchange.sendResponseHeaders(200, 0);
					OutputStream body = exchange.getResponseBody();
					for (int i = 0; i < 50; i++) {
						body.write("y".repeat(100).getBytes(StandardCharsets.US_ASCII));
					}
				}
				case "/stall" -> {
					pause(10_000);
					send(exchange, 200, "text/plain", "too late");
				}
				case "/trickle" -> {
					exchange.getResponseHeaders().add("Content-Type", "text/plain");
					exchange.sendResponseHeaders(200, 0);
					OutputStream body = exchange.getResponseBody();
					for (int i = 0; i < 100; i++) {
						body.write('z');
						body.flush();
						pause(200);
					}
				}
				default -> exchange.sendResponseHeaders(404, -1);
			}
		}
	}

	private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	private static void pause(long millis) throws IOException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("stopped", ex);
		}
	}

	private int requests(String path) {
		AtomicInteger count = requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	private URI local(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static IntakeProperties properties(List<String> allowedHosts, Duration timeout, DataSize limit) {
		return new IntakeProperties(false, allowedHosts, timeout, limit);
	}

	private static IntakeProperties allowingLoopback() {
		return properties(List.of("127.0.0.1"), Duration.ofSeconds(5), DataSize.ofMegabytes(1));
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Answers the names given, and looks others up as usual; counts its lookups. */
	private static final class Names implements Function<String, InetAddress[]> {

		final Map<String, List<String>> answers;

		final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

		Names(Map<String, List<String>> answers) {
			this.answers = answers;
		}

		@Override
		public InetAddress[] apply(String host) {
			int lookup = lookups.computeIfAbsent(host, (h) -> new AtomicInteger()).getAndIncrement();
			List<String> answer = answers.get(host);
			if (answer == null) {
				try {
					return InetAddress.getAllByName(host);
				}
				catch (UnknownHostException ex) {
					return new InetAddress[0];
				}
			}
			// the first lookup gets the first answer, every later one the last
			return new InetAddress[] { address(answer.get(Math.min(lookup, answer.size() - 1))) };
		}

		int lookups(String host) {
			AtomicInteger count = lookups.get(host);
			return (count != null) ? count.get() : 0;
		}

	}

	@Test
	void loopbackIsRefusedWithoutAllowance() {
		fetcher = new WebFetcher(properties(List.of(), Duration.ofSeconds(5), DataSize.ofMegabytes(1)));
		assertThatThrownBy(() -> fetcher.fetch(local("/page"), FetchConditions.none()))
			.isInstanceOf(FetchRefusedException.class)
			.hasMessageContaining("127.0.0.1")
			.hasMessageContaining("morgue.intake.allowed-hosts");
		assertThatThrownBy(() -> fetcher.check(local("/page"))).isInstanceOf(FetchRefusedException.class);
		assertThat(requests("/page")).isZero();
	}

	@Test
	void otherSchemesAreRefused() {
		fetcher = new WebFetcher(allowingLoopback());
		assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/hosts"), FetchConditions.none()))
			.isInstanceOf(FetchRefusedException.class)
			.hasMessageContaining("only http and https");
	}

	@Test
	void loopbackNamedInAllowedHostsIsFetched() {
		fetcher = new WebFetcher(allowingLoopback());
		fetcher.check(local("/page"));
		FetchedDocument document = fetcher.fetch(local("/page"), FetchConditions.none());
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.notModified()).isFalse();
		assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo("<p>The page</p>");
		assertThat(document.contentType()).isEqualTo("text/html; charset=utf-8");
		assertThat(document.etag()).isEqualTo("\"v1\"");
		assertThat(document.lastModified()).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
		assertThat(sentHeaders).containsEntry("user-agent", "Morgue");
	}

	@Test
	void redirectsAreFollowed() {
		fetcher = new WebFetcher(allowingLoopback());
		FetchedDocument document = fetcher.fetch(local("/old"), FetchConditions.none());
		assertThat(document.url()).isEqualTo(local("/page"));
		assertThat(document.status()).isEqualTo(200);
	}

	@Test
	void aRedirectToAPrivateAddressIsRefused() {
		Names names = new Names(Map.of("inside.test", List.of("127.0.0.1")));
		fetcher = new WebFetcher(allowingLoopback(), names);
		assertThatThrownBy(() -> fetcher.fetch(local("/inside"), FetchConditions.none()))
			.isInstanceOf(FetchRefusedException.class)
			.hasMessageContaining("http://inside.test:" + port + "/secret")
			.hasMessageContaining("inside.test is 127.0.0.1");
		assertThat(requests("/inside")).isEqualTo(1);
		assertThat(requests("/secret")).isZero();
	}

	@Test
	void aNameThatRebindsToLoopbackNeverReachesIt() {
		// public to the first lookup, 127.0.0.1 to any later one
		Names names = new Names(Map.of("rebind.test", List.of(PUBLIC, "127.0.0.1")));
		fetcher = new WebFetcher(properties(List.of(), Duration.ofSeconds(1), DataSize.ofMegabytes(1)), names);
		URI url = URI.create("http://rebind.test:" + port + "/secret");
		// the connection goes to the public address checked, which does not answer here
		assertThatThrownBy(() -> fetcher.fetch(url, FetchConditions.none())).isInstanceOf(FetchFailedException.class)
			.isNotInstanceOf(FetchRefusedException.class);
		assertThat(names.lookups("rebind.test")).isEqualTo(1);
		assertThat(requests("/secret")).isZero();
		// a second fetch looks up again, is told 127.0.0.1, and is refused
		assertThatThrownBy(() -> fetcher.fetch(url, FetchConditions.none())).isInstanceOf(FetchRefusedException.class)
			.hasMessageContaining("rebind.test is 127.0.0.1");
		assertThat(requests("/secret")).isZero();
	}

	@Test
	void theConnectionGoesToTheAddressLookedUpOnce() {
		// an allowed name: 127.0.0.1 to the first lookup, a public address to later ones
		Names names = new Names(Map.of("pinned.test", List.of("127.0.0.1", PUBLIC)));
		fetcher = new WebFetcher(properties(List.of("pinned.test"), Duration.ofSeconds(5), DataSize.ofMegabytes(1)),
				names);
		FetchedDocument document = fetcher.fetch(URI.create("http://pinned.test:" + port + "/secret"),
				FetchConditions.none());
		assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo("the newsroom's secret");
		assertThat(names.lookups("pinned.test")).isEqualTo(1);
		assertThat(sentHeaders).containsEntry("host", "pinned.test:" + port);
	}

	@Test
	void aConditionalFetchOfAnUnchangedDocumentIsNotModified() {
		fetcher = new WebFetcher(allowingLoopback());
		FetchedDocument first = fetcher.fetch(local("/page"), FetchConditions.none());
		FetchedDocument second = fetcher.fetch(local("/page"), new FetchConditions(first.etag(), first.lastModified()));
		assertThat(sentHeaders).containsEntry("if-none-match", "\"v1\"")
			.containsEntry("if-modified-since", "Tue, 03 Jun 2025 10:00:00 GMT");
		assertThat(second.status()).isEqualTo(304);
		assertThat(second.notModified()).isTrue();
		assertThat(second.content()).isEmpty();
		assertThat(second.etag()).isEqualTo("\"v1\"");
		assertThat(second.lastModified()).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
	}

	@Test
	void aDocumentOverTheSizeLimitFails() {
		fetcher = new WebFetcher(properties(List.of("127.0.0.1"), Duration.ofSeconds(5), DataSize.ofBytes(1000)));
		assertThatThrownBy(() -> fetcher.fetch(local("/large"), FetchConditions.none()))
			.isInstanceOf(FetchFailedException.class)
			.hasMessageContaining("more than 1000 bytes")
			.hasMessageContaining("morgue.intake.max-fetch-bytes");
		assertThatThrownBy(() -> fetcher.fetch(local("/large-chunked"), FetchConditions.none()))
			.isInstanceOf(FetchFailedException.class)
			.hasMessageContaining("morgue.intake.max-fetch-bytes");
		// the fetcher goes on working
		assertThat(fetcher.fetch(local("/page"), FetchConditions.none()).status()).isEqualTo(200);
	}

	@Test
	void aServerThatStallsTimesOut() {
		fetcher = new WebFetcher(properties(List.of("127.0.0.1"), Duration.ofSeconds(1), DataSize.ofMegabytes(1)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> fetcher.fetch(local("/stall"), FetchConditions.none()))
			.isInstanceOf(FetchFailedException.class)
			.hasMessageContaining("morgue.intake.fetch-timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aServerThatTricklesIsCutOffAtTheTimeOut() {
		fetcher = new WebFetcher(properties(List.of("127.0.0.1"), Duration.ofSeconds(1), DataSize.ofMegabytes(1)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> fetcher.fetch(local("/trickle"), FetchConditions.none()))
			.isInstanceOf(FetchFailedException.class)
			.hasMessageContaining("within the time-out");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

}
