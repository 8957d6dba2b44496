package org.morgue.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Fetches documents for the archive (pages, feeds, wire documents) over http and https,
 * guarding the newsroom's network: other schemes are refused, and unless
 * {@code morgue.intake.allow-private-addresses} is on, so is a host any of whose
 * addresses is loopback, any-local, link-local, private (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7) or multicast, unless {@code morgue.intake.allowed-hosts} names it.
 * Redirects are followed here, at most five, each hop checked the same way. A fetch has a
 * time-out and a size limit, kept while reading; it may be conditional
 * ({@code If-None-Match}, {@code If-Modified-Since}). Thread-safe.
 */
@Component
public class WebFetcher {

	private static final int MAX_REDIRECTS = 5;

	private final IntakeProperties properties;

	private final HttpClient client;

	WebFetcher(IntakeProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.fetchTimeout())
			.build();
	}

	/**
	 * The document at an address.
	 * @throws FetchRefusedException when the address, or one it redirects to, is not one
	 * the server fetches from
	 * @throws FetchFailedException when no document came
	 */
	public FetchedDocument fetch(URI url, FetchConditions conditions) {
		URI current = url;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			check(current);
			HttpRequest.Builder request = HttpRequest.newBuilder(current)
				.timeout(properties.fetchTimeout())
				.header("User-Agent", "Morgue")
				.GET();
			if (conditions.etag() != null) {
				request.header("If-None-Match", conditions.etag());
			}
			if (conditions.lastModified() != null) {
				request.header("If-Modified-Since", conditions.lastModified());
			}
			HttpResponse<InputStream> response;
			try {
				response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (HttpTimeoutException ex) {
				throw new FetchFailedException(current + " did not answer within "
						+ properties.fetchTimeout().toSeconds() + " s (morgue.intake.fetch-timeout).", ex);
			}
			catch (IOException ex) {
				throw new FetchFailedException(current + " could not be reached: " + ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchFailedException("The fetch of " + current + " was interrupted.", ex);
			}
			int status = response.statusCode();
			String location = response.headers().firstValue("Location").orElse(null);
			if (status >= 300 && status < 400 && status != 304 && location != null) {
				close(response);
				current = current.resolve(location.strip());
				continue;
			}
			String etag = response.headers().firstValue("ETag").orElse(null);
			String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
			if (status == 304) {
				close(response);
				return new FetchedDocument(current, status, true, new byte[0], null, etag, lastModified);
			}
			if (status >= 400 || status < 200) {
				close(response);
				throw new FetchFailedException(current + " answered HTTP " + status + ".");
			}
			byte[] content = read(current, response);
			return new FetchedDocument(current, status, false, content,
					response.headers().firstValue("Content-Type").orElse(null), etag, lastModified);
		}
		throw new FetchFailedException(url + " redirected more than " + MAX_REDIRECTS + " times.");
	}

	/**
	 * Refuses an address the server does not fetch from.
	 * @throws FetchRefusedException naming it and the setting that would allow it
	 */
	public void check(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new FetchRefusedException(
					"The archive refuses to fetch " + url + ": only http and https " + "addresses are fetched, not "
							+ (scheme.isEmpty() ? "an address without a scheme" : scheme + ":") + ".");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			throw new FetchRefusedException("The archive refuses to fetch " + url + ": it names no host.");
		}
		if (properties.allowPrivateAddresses() || allowed(host, url.getPort())) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new FetchFailedException(url + " could not be reached: no host is called " + host + ".", ex);
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				throw new FetchRefusedException("The archive refuses to fetch " + url + ": " + host + " is "
						+ address.getHostAddress() + ", a loopback, link-local or private address inside the "
						+ "network. Name the host in morgue.intake.allowed-hosts, or set "
						+ "morgue.intake.allow-private-addresses, to allow it.");
			}
		}
	}

	private boolean allowed(String host, int port) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		for (String allowed : properties.allowedHosts()) {
			String entry = allowed.toLowerCase(Locale.ROOT);
			if (entry.equals(bare.toLowerCase(Locale.ROOT)) || (port > 0 && entry.equals(host + ":" + port))) {
				return true;
			}
		}
		return false;
	}

	/** Whether an address is inside a network rather than on the internet. */
	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xFF;
			int second = bytes[1] & 0xFF;
			// 0/8 (this network), 100.64/10 (carrier-grade NAT), 192.0.0/24, 198.18/15
			// (benchmarking), 240/4 (reserved)
			return first == 0 || (first == 100 && second >= 64 && second < 128)
					|| (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0)
					|| (first == 198 && (second & 0xFE) == 18) || first >= 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local; an IPv4-mapped or -compatible address is its IPv4's
			if ((bytes[0] & 0xFE) == 0xFC) {
				return true;
			}
			boolean zeros = true;
			for (int i = 0; i < 10; i++) {
				zeros &= bytes[i] == 0;
			}
			if (zeros
					&& ((bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF) || (bytes[10] == 0 && bytes[11] == 0))) {
				try {
					return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

	private byte[] read(URI url, HttpResponse<InputStream> response) {
		long limit = properties.maxFetchBytes().toBytes();
		try (InputStream in = response.body()) {
			byte[] content = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			if (content.length > limit) {
				throw new FetchFailedException(url + " sent more than " + limit
						+ " bytes, more than the archive takes (morgue.intake.max-fetch-bytes).");
			}
			return content;
		}
		catch (HttpTimeoutException ex) {
			throw new FetchFailedException(url + " did not send its document within the time-out.", ex);
		}
		catch (IOException ex) {
			throw new FetchFailedException(url + " broke off: " + ex.getMessage(), ex);
		}
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// nothing more is read from it
		}
	}

	/** What a conditional fetch sends back: the validators of the copy already taken. */
	public record FetchConditions(String etag, String lastModified) {

		public static FetchConditions none() {
			return new FetchConditions(null, null);
		}

	}

	/**
	 * A fetched document.
	 *
	 * @param url where it came from, after redirects
	 * @param notModified whether the server answered 304 to a conditional fetch
	 */
	public record FetchedDocument(URI url, int status, boolean notModified, byte[] content, String contentType,
			String etag, String lastModified) {
	}

}
