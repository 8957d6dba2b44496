package org.morgue.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches documents for the archive (pages, feeds, wire documents) over http and https,
 * guarding the newsroom's network: other schemes are refused, and unless
 * {@code morgue.intake.allow-private-addresses} is on, so is a host any of whose
 * addresses is loopback, any-local, link-local, private (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7) or multicast, unless {@code morgue.intake.allowed-hosts} names it.
 * A host's name is looked up once for a connection, and the connection goes to the
 * addresses that lookup gave and that were checked, never to those of a second lookup (a
 * name that answers otherwise the next time cannot lead a fetch inside the network).
 * Redirects are followed here, at most five, each hop checked the same way. A fetch has a
 * time-out, to connect, for each read and for the whole fetch, and a size limit, kept
 * while reading; it may be conditional ({@code If-None-Match},
 * {@code If-Modified-Since}). Thread-safe; its connections are closed with it.
 */
@Component
public class WebFetcher implements AutoCloseable {

	private static final int MAX_REDIRECTS = 5;

	private final IntakeProperties properties;

	private final Function<String, InetAddress[]> resolver;

	private final CloseableHttpClient client;

	@Autowired
	WebFetcher(IntakeProperties properties) {
		this(properties, WebFetcher::lookUp);
	}

	/**
	 * A fetcher that looks names up with the given function, which answers a host's
	 * addresses, or none when no host is called so.
	 */
	WebFetcher(IntakeProperties properties, Function<String, InetAddress[]> resolver) {
		this.properties = properties;
		this.resolver = resolver;
		Timeout timeout = Timeout.of(properties.fetchTimeout());
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckingDnsResolver())
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.setMaxConnTotal(20)
				.setMaxConnPerRoute(5)
				.build())
			.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setConnectionRequestTimeout(timeout)
				.setResponseTimeout(timeout)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.disableDefaultUserAgent()
			.build();
	}

	/**
	 * The document at an address.
	 * @throws FetchRefusedException when the address, or one it redirects to, is not one
	 * the server fetches from
	 * @throws FetchFailedException when no document came
	 */
	public FetchedDocument fetch(URI url, FetchConditions conditions) {
		long deadline = System.nanoTime() + properties.fetchTimeout().toNanos();
		URI current = url;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			checkAddress(current);
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw timedOut(current, null);
			}
			HttpGet request = new HttpGet(current);
			request.setConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setConnectionRequestTimeout(Timeout.of(remaining, TimeUnit.NANOSECONDS))
				.setResponseTimeout(Timeout.of(remaining, TimeUnit.NANOSECONDS))
				.build());
			request.setHeader("User-Agent", "Morgue");
			if (conditions.etag() != null) {
				request.setHeader("If-None-Match", conditions.etag());
			}
			if (conditions.lastModified() != null) {
				request.setHeader("If-Modified-Since", conditions.lastModified());
			}
			ClassicHttpResponse response;
			try {
				response = client.executeOpen(null, request, null);
			}
			catch (RefusedAddressException ex) {
				throw refused(current, current.getHost(), ex.address);
			}
			catch (UnknownHostException ex) {
				throw new FetchFailedException(
						current + " could not be reached: no host is called " + current.getHost() + ".", ex);
			}
			catch (InterruptedIOException ex) {
				if (!(ex instanceof SocketTimeoutException) && Thread.currentThread().isInterrupted()) {
					throw new FetchFailedException("The fetch of " + current + " was interrupted.", ex);
				}
				throw timedOut(current, ex);
			}
			catch (IOException ex) {
				throw new FetchFailedException(current + " could not be reached: " + ex.getMessage(), ex);
			}
			int status = response.getCode();
			String location = header(response, "Location");
			if (status >= 300 && status < 400 && status != 304 && location != null) {
				abort(request, response);
				current = current.resolve(location.strip());
				continue;
			}
			String etag = header(response, "ETag");
			String lastModified = header(response, "Last-Modified");
			if (status == 304) {
				abort(request, response);
				return new FetchedDocument(current, status, true, new byte[0], null, etag, lastModified);
			}
			if (status >= 400 || status < 200) {
				abort(request, response);
				throw new FetchFailedException(current + " answered HTTP " + status + ".");
			}
			byte[] content = read(current, request, response, deadline);
			return new FetchedDocument(current, status, false, content, header(response, "Content-Type"), etag,
					lastModified);
		}
		throw new FetchFailedException(url + " redirected more than " + MAX_REDIRECTS + " times.");
	}

	/**
	 * Refuses an address the server does not fetch from.
	 * @throws FetchRefusedException naming it and the setting that would allow it
	 */
	public void check(URI url) {
		if (!checkAddress(url)) {
			return;
		}
		String host = url.getHost();
		InetAddress[] addresses = resolve(host);
		if (addresses.length == 0) {
			throw new FetchFailedException(url + " could not be reached: no host is called " + host + ".");
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				throw refused(url, host, address);
			}
		}
	}

	/**
	 * Refuses an address by its scheme and host, without looking its host up.
	 * @return whether its host's addresses are to be checked
	 */
	private boolean checkAddress(URI url) {
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
		return !properties.allowPrivateAddresses() && !allowed(host, url.getPort());
	}

	private static FetchRefusedException refused(URI url, String host, InetAddress address) {
		return new FetchRefusedException("The archive refuses to fetch " + url + ": " + host + " is "
				+ address.getHostAddress() + ", a loopback, link-local or private address inside the "
				+ "network. Name the host in morgue.intake.allowed-hosts, or set "
				+ "morgue.intake.allow-private-addresses, to allow it.");
	}

	private FetchFailedException timedOut(URI url, Throwable cause) {
		return new FetchFailedException(url + " did not answer within " + properties.fetchTimeout().toSeconds()
				+ " s (morgue.intake.fetch-timeout).", cause);
	}

	/** A host's addresses, looked up once; none when no host is called so. */
	private InetAddress[] resolve(String host) {
		InetAddress[] addresses = resolver.apply(host);
		return (addresses != null) ? addresses : new InetAddress[0];
	}

	private static InetAddress[] lookUp(String host) {
		try {
			return InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return new InetAddress[0];
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
					return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

	private byte[] read(URI url, HttpGet request, ClassicHttpResponse response, long deadline) {
		long limit = properties.maxFetchBytes().toBytes();
		HttpEntity entity = response.getEntity();
		if (entity == null) {
			abort(request, response);
			return new byte[0];
		}
		boolean complete = false;
		try {
			if (entity.getContentLength() > limit) {
				throw tooLarge(url, limit);
			}
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			// not closed before the end: closing a stream reads the rest of it
			InputStream in = entity.getContent();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (System.nanoTime() - deadline > 0) {
					throw new FetchFailedException(url + " did not send its document within the time-out.");
				}
				if (content.size() + (long) read > limit) {
					throw tooLarge(url, limit);
				}
				content.write(buffer, 0, read);
			}
			in.close();
			complete = true;
			return content.toByteArray();
		}
		catch (SocketTimeoutException ex) {
			throw new FetchFailedException(url + " did not send its document within the time-out.", ex);
		}
		catch (IOException ex) {
			throw new FetchFailedException(url + " broke off: " + ex.getMessage(), ex);
		}
		finally {
			if (complete) {
				close(response);
			}
			else {
				abort(request, response);
			}
		}
	}

	private static FetchFailedException tooLarge(URI url, long limit) {
		return new FetchFailedException(url + " sent more than " + limit
				+ " bytes, more than the archive takes (morgue.intake.max-fetch-bytes).");
	}

	private static String header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return (header != null) ? header.getValue() : null;
	}

	/** Lets go of a response without reading the rest of it: its connection is closed. */
	private static void abort(HttpGet request, ClassicHttpResponse response) {
		request.cancel();
		close(response);
	}

	private static void close(ClassicHttpResponse response) {
		try {
			response.close();
		}
		catch (IOException ex) {
			// nothing more is read from it
		}
	}

	/** Closes the connections kept for further fetches. */
	@Override
	public void close() {
		client.close(CloseMode.GRACEFUL);
	}

	/**
	 * Looks a host up once for a connection and answers only the addresses checked, so
	 * that the connection goes to them and to no others: a private one refuses the host
	 * (unless allowed).
	 */
	private final class CheckingDnsResolver implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return checked(host, -1);
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			List<InetSocketAddress> endpoints = new ArrayList<>();
			for (InetAddress address : checked(host, port)) {
				endpoints.add(new InetSocketAddress(address, port));
			}
			return endpoints;
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			// the name as given: canonical names are looked up for no fetch
			return host;
		}

		private InetAddress[] checked(String host, int port) throws UnknownHostException {
			InetAddress[] addresses = WebFetcher.this.resolve(host).clone();
			if (addresses.length == 0 || Arrays.asList(addresses).contains(null)) {
				throw new UnknownHostException(host);
			}
			String named = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
			if (!properties.allowPrivateAddresses() && !allowed(named, port)) {
				for (InetAddress address : addresses) {
					if (isPrivate(address)) {
						throw new RefusedAddressException(host, address);
					}
				}
			}
			return addresses;
		}

	}

	/** A host whose address the archive does not connect to. */
	private static final class RefusedAddressException extends UnknownHostException {

		private final transient InetAddress address;

		RefusedAddressException(String host, InetAddress address) {
			super(host + " is a private address");
			this.address = address;
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
