package org.morgue.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server for feed tests: it serves what a test puts at a path, with an
 * {@code ETag} of its content, answers {@code 304} to a request that sends that tag back,
 * and records every request's path and {@code If-None-Match}.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Document> documents = new ConcurrentHashMap<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	record Document(String contentType, String body, int status, long delayMillis) {
	}

	FeedServer() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
			requests.add(path + " " + ((condition != null) ? condition : "-"));
			Document document = documents.get(path);
			try {
				if (document != null && document.delayMillis() > 0) {
					Thread.sleep(document.delayMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (document == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				String etag = "\"" + Integer.toHexString(document.body().hashCode()) + "\"";
				exchange.getResponseHeaders().add("ETag", etag);
				if (etag.equals(condition)) {
					exchange.sendResponseHeaders(304, -1);
				}
				else {
					byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", document.contentType());
					exchange.sendResponseHeaders(document.status(), (body.length > 0) ? body.length : -1);
					exchange.getResponseBody().write(body);
				}
			}
			exchange.close();
		});
		server.start();
	}

	void serve(String path, String contentType, String body) {
		documents.put(path, new Document(contentType, body, 200, 0));
	}

	void serveSlowly(String path, String contentType, String body, long delayMillis) {
		documents.put(path, new Document(contentType, body, 200, delayMillis));
	}

	void fail(String path, int status) {
		documents.put(path, new Document("text/plain", "broken", status, 0));
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** An RSS 2.0 feed of items, each {guid, title, link, content or null}. */
	static String rss(String title, String[]... items) {
		StringBuilder rss = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				<channel><title>%s</title><link>https://news.example.org/</link><description>News</description>
				""".formatted(title));
		for (String[] item : items) {
			rss.append("<item><guid isPermaLink=\"false\">")
				.append(item[0])
				.append("</guid><title>")
				.append(item[1])
				.append("</title><link>")
				.append(item[2])
				.append("</link><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate>");
			if (item[3] != null) {
				rss.append("<content:encoded><![CDATA[").append(item[3]).append("]]></content:encoded>");
			}
			rss.append("</item>\n");
		}
		return rss.append("</channel></rss>\n").toString();
	}

	/** A web page with one article. */
	static String page(String title, String... paragraphs) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
			.append(title)
			.append("</title></head><body><article><h1>")
			.append(title)
			.append("</h1>");
		for (String paragraph : paragraphs) {
			html.append("<p>").append(paragraph).append("</p>");
		}
		return html.append("</article></body></html>").toString();
	}

}
