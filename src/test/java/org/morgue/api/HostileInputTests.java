package org.morgue.api;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.TestUsers;
import org.morgue.transfer.ImportJobs;
import org.morgue.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzer over every endpoint the archive maps, API and pages, found from Spring's
 * request mappings so that a new endpoint is covered without a change here. Each case
 * takes an endpoint and sends it, over HTTP, a mutation of what it accepts: path
 * variables and query parameters of the wrong kind, length or encoding; bodies of each
 * type it consumes (JSON, NDJSON, CSV, the XML wire formats, text, forms, file uploads),
 * deep, huge, truncated or not UTF-8; odd headers. The cases follow from a seed.
 * <p>
 * Every answer must be below 500; every refusal of the API must be problem details; and a
 * refused request must leave the stored data as it was (a checksum of the tables that
 * requests write, taken before and after).
 * <p>
 * {@code -Dfuzz.seed=N} and {@code -Dfuzz.cases=N} (default 3,000) choose the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTests {

	private static final Logger log = LoggerFactory.getLogger(HostileInputTests.class);

	private static final long SEED = Long.getLong("fuzz.seed", 20_260_917L);

	private static final int CASES = Integer.getInteger("fuzz.cases", 3_000);

	/**
	 * Endpoints left out: signing out and in would end the session the cases use (the
	 * sign-in's own refusals are tested where it is).
	 */
	private static final Set<String> LEFT_OUT = Set.of("/logout", "/login");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^/]*)?}");

	/** What requests write, checked before and after a refused one. */
	private static final String CHECKSUM = """
			select md5(concat_ws('|',
			  (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0) from article),
			  (select md5(coalesce(string_agg(s::text, ',' order by id), '')) from source s),
			  (select md5(coalesce(string_agg(t::text, ',' order by id), '')) from tag t),
			  (select count(*) from article_tag),
			  (select md5(coalesce(string_agg(a::text, ',' order by id), '')) from annotation a),
			  (select md5(coalesce(string_agg(u::text, ',' order by id), '')) from app_user u),
			  (select count(*) || ':' || coalesce(max(id), 0) from api_token),
			  (select count(*) || ':' || coalesce(max(id), 0) from saved_search),
			  (select count(*) || ':' || coalesce(max(id), 0) from feed),
			  (select count(*) from story),
			  (select count(*) || ':' || coalesce(max(id), 0) from story_version),
			  (select count(*) from copy_decision),
			  (select count(*) || ':' || coalesce(max(id), 0) from editorial_change)))
			""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	ImportJobs imports;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private String csrf;

	private List<String> articleIds;

	@Test
	void noCaseGetsAServerErrorOrStoresWhatWasRefused() throws Exception {
		// given: every endpoint, a signed-in administrator's session and some articles
		TestUsers.ensure(users);
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).extracting(Endpoint::path).contains("/api/v1/articles", "/articles/new", "/admin/import");
		signIn();
		seedArticles();
		Random random = new Random(SEED);
		Cases cases = new Cases(random);
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		int refused = 0;
		long started = System.nanoTime();

		// when
		for (int i = 0; i < CASES && failures.size() < 20; i++) {
			Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
			Case sent = cases.next(endpoint);
			String before = checksum();
			Answer answer = send(sent);
			statuses.merge(answer.status(), 1, Integer::sum);
			String problem = judge(sent, answer);
			if (answer.status() >= 400) {
				refused++;
				String after = checksum();
				if (!before.equals(after)) {
					problem = (problem != null) ? problem : "refused with " + answer.status() + " but stored something";
				}
			}
			else if (sent.path().startsWith("/admin/import")) {
				// An import runs after the answer: let it finish before the next case.
				Eventually.until(() -> imports.current().map(job -> !job.running()).orElse(true), done -> done,
						Duration.ofMinutes(2));
			}
			if (problem != null) {
				failures.add("case " + i + ": " + problem + "\n  " + sent.describe() + "\n  -> " + answer.status() + " "
						+ answer.contentType() + " " + answer.excerpt());
			}
		}

		// then
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info("Fuzzed {} endpoints with {} cases (seed {}) in {} s: {} refused; statuses {}; {} failures",
				endpoints.size(), CASES, SEED, String.format("%.1f", seconds), refused, statuses, failures.size());
		assertThat(failures).as("seed %d", SEED).isEmpty();
	}

	/** What is wrong with the answer, or {@code null}. */
	private static String judge(Case sent, Answer answer) {
		if (answer.status() >= 500) {
			return "server error";
		}
		if (answer.status() >= 400 && sent.path().startsWith("/api/") && answer.status() != 405
				&& !answer.contentType().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
			return "an API refusal that is not problem details";
		}
		if (answer.body().contains("\tat org.") || answer.body().contains("Exception:")) {
			return "a stack trace in the answer";
		}
		return null;
	}

	private List<Endpoint> endpoints() {
		DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.morgue")) {
				continue;
			}
			Set<String> parameters = new LinkedHashSet<>();
			Set<String> fields = new LinkedHashSet<>();
			boolean uploads = false;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(names);
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				Class<?> type = parameter.getParameterType();
				if (param != null) {
					String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
					if (MultipartFile.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)
							&& parameter.getGenericParameterType().getTypeName().contains("MultipartFile")) {
						uploads = true;
						fields.add(name);
					}
					else if (name != null) {
						parameters.add(name);
					}
				}
				if (type.getSimpleName().equals("SearchCriteria")) {
					parameters.addAll(List.of("q", "source", "entity", "tag", "from", "to", "sort", "copies"));
				}
				if (type.isRecord() && (parameter.hasParameterAnnotation(RequestBody.class)
						|| parameter.hasParameterAnnotation(ModelAttribute.class)
						|| type.getPackageName().startsWith("org.morgue.web"))) {
					for (RecordComponent component : type.getRecordComponents()) {
						fields.add(component.getName());
					}
				}
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
					? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
			List<String> consumes = info.getConsumesCondition()
				.getConsumableMediaTypes()
				.stream()
				.map(MediaType::toString)
				.toList();
			for (String path : info.getPatternValues()) {
				if (LEFT_OUT.contains(path) || path.equals("/error")) {
					continue;
				}
				for (RequestMethod method : methods) {
					endpoints.add(new Endpoint(method.name(), path, List.copyOf(parameters), List.copyOf(fields),
							consumes, uploads));
				}
			}
		}
		return endpoints;
	}

	private void signIn() throws Exception {
		String page = send(new Case("GET", "/login", "", Map.of(), null, false)).body();
		Matcher token = CSRF_FIELD.matcher(page);
		assertThat(token.find()).isTrue();
		String form = "username=" + TestUsers.ADMIN + "&password=" + TestUsers.PASSWORD + "&_csrf=" + token.group(1);
		Answer signedIn = send(
				new Case("POST", "/login", "", Map.of("Content-Type", "application/x-www-form-urlencoded"),
						form.getBytes(StandardCharsets.UTF_8), false));
		assertThat(signedIn.status()).isEqualTo(302);
		Matcher fresh = CSRF_FIELD.matcher(send(new Case("GET", "/articles/new", "", Map.of(), null, false)).body());
		assertThat(fresh.find()).isTrue();
		csrf = fresh.group(1);
	}

	private void seedArticles() throws Exception {
		for (int i = 0; i < 3; i++) {
			send(new Case("POST", "/api/v1/articles", "", Map.of("Content-Type", "application/json"),
					("{\"title\": \"Fuzz seed " + i + "\", \"body\": \"Rice prices rose in Yangon on day " + i + " of "
							+ SEED + ", traders said.\", \"source\": \"Fuzz\"}")
						.getBytes(StandardCharsets.UTF_8),
					true));
		}
		articleIds = jdbc.queryForList("select id::text from article order by id desc limit 5", String.class);
	}

	private String checksum() {
		return jdbc.queryForObject(CHECKSUM, String.class);
	}

	private Answer send(Case sent) throws Exception {
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sent.path() + sent.query()))
				.timeout(Duration.ofSeconds(60));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The fuzzer made an address no client sends: " + sent.describe(), ex);
		}
		if (sent.asAdmin()) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		if (csrf != null && !sent.path().startsWith("/api/")) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		for (Map.Entry<String, String> header : sent.headers().entrySet()) {
			try {
				request.header(header.getKey(), header.getValue());
			}
			catch (IllegalArgumentException ex) {
				// a header the client will not send (Host, Connection, ...)
			}
		}
		HttpRequest.BodyPublisher body = (sent.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(sent.body())
				: HttpRequest.BodyPublishers.noBody();
		request.method(sent.method(), body);
		HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				new String(response.body(), StandardCharsets.UTF_8));
	}

	record Endpoint(String method, String path, List<String> parameters, List<String> fields, List<String> consumes,
			boolean uploads) {
	}

	record Case(String method, String path, String query, Map<String, String> headers, byte[] body, boolean asAdmin) {

		String describe() {
			String shown = (body != null)
					? new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replace("\n", "\\n") : "";
			String q = (query.length() > 200) ? query.substring(0, 200) + "..." : query;
			return method + " " + path + q + " " + headers.keySet() + " body(" + ((body != null) ? body.length : 0)
					+ "): " + shown;
		}
	}

	record Answer(int status, String contentType, String body) {

		String excerpt() {
			return body.substring(0, Math.min(body.length(), 300)).replace("\n", " ");
		}

	}

	/** Makes the cases, all from one random source. */
	final class Cases {

		private static final String[] ODD_STRINGS = { "", " ", "null", "0", "-1", "1e309", "NaN",
				"99999999999999999999999", "-9223372036854775809", "%", "%zz", "%00", "..", "../../etc/passwd",
				"'; drop table article; --", "<script>alert(1)</script>", "\u0000", "\uFEFF", "\uD800", "é", "😀",
				"a\r\nX-Injected: 1", "*", "?", "\"", "\\", "{}", "[]", "2022-13-45", "2022-02-30T25:61:00Z", "title:(",
				"\"unclosed", "AND OR NOT", "a*", "*a", "~", "^", "/regex/", "[a TO", "entity:x",
				"http://127.0.0.1:1/x", "file:///etc/passwd", "javascript:alert(1)", "READER", "ADMIN", "true",
				"relevance", "oldest", "all" };

		private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=ISO-8859-1",
				"application/merge-patch+json", "application/ld+json", "application/x-ndjson", "application/jsonl",
				"text/csv", "text/plain", "text/plain; charset=UTF-16", "text/plain; charset=nonsense",
				"application/xml", "application/nitf+xml", "application/vnd.iptc.g2.newsitem+xml",
				"application/vnd.iptc.g2.newsmessage+xml", "application/ninjs+json", "text/html", "application/rss+xml",
				"application/atom+xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz",
				"multipart/form-data", "image/png", "*/*", "garbage", ";;;",
				"application/json; boundary=" + "x".repeat(300) };

		private static final String[] ACCEPTS = { "application/json", "application/problem+json", "text/html",
				"application/x-ndjson", "text/csv", "application/atom+xml", "image/png", "*/*", "garbage/", ";q=x",
				"text/plain;q=0", "application/ld+json" };

		private final Random random;

		Cases(Random random) {
			this.random = random;
		}

		Case next(Endpoint endpoint) {
			String path = fillPath(endpoint.path());
			StringBuilder query = new StringBuilder();
			List<String> names = new ArrayList<>(endpoint.parameters());
			if (random.nextInt(4) == 0) {
				names.add(pick(new String[] { "size", "offset", "cursor", "page", "format", "token", "zz", "" }));
			}
			for (String name : names) {
				if (random.nextInt(3) > 0) {
					query.append(query.isEmpty() ? '?' : '&')
						.append(encode(name))
						.append('=')
						.append(random.nextInt(6) == 0 ? rawValue() : encode(value()));
				}
			}
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			byte[] body = null;
			boolean hasBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")
					|| random.nextInt(10) == 0;
			if (hasBody) {
				String type = (!endpoint.consumes().isEmpty() && random.nextInt(5) > 0) ? pick(endpoint.consumes())
						: endpoint.uploads() && random.nextInt(3) > 0 ? "multipart/form-data"
								: !endpoint.path().startsWith("/api/") && random.nextInt(3) > 0
										? "application/x-www-form-urlencoded" : pick(CONTENT_TYPES);
				Body made = body(type, endpoint);
				body = made.bytes();
				headers.put("Content-Type", made.contentType());
			}
			if (random.nextInt(3) == 0) {
				headers.put("Accept", pick(ACCEPTS));
			}
			if (random.nextInt(8) == 0) {
				headers.put("Range", pick(new String[] { "bytes=0-10", "bytes=-1", "bytes=99999999999-", "lines=1-2",
						"bytes=" + "0-1,".repeat(500) }));
			}
			if (random.nextInt(8) == 0) {
				headers.put("If-Match", pick(new String[] { "\"1\"", "*", "\"-1\"", "W/\"1\"", "\"abc\"", "1" }));
			}
			if (random.nextInt(30) == 0) {
				headers.put("X-Fuzz", "h".repeat(random.nextBoolean() ? 4_000 : 12_000));
			}
			if (random.nextInt(20) == 0) {
				headers.put("Authorization", pick(new String[] { "Bearer mrg_nonsense", "Basic !!!", "Bearer ",
						"Basic " + Base64.getEncoder().encodeToString("nobody:x".getBytes(StandardCharsets.UTF_8)) }));
			}
			if (random.nextInt(20) == 0) {
				headers.put("Accept-Language", "x".repeat(200));
			}
			boolean asAdmin = endpoint.path().startsWith("/api/") ? random.nextInt(10) > 0 : random.nextInt(10) == 0;
			return new Case(endpoint.method(), path, query.toString(), headers, body, asAdmin);
		}

		private String fillPath(String pattern) {
			Matcher matcher = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				String value = switch (random.nextInt(6)) {
					case 0, 1, 2 -> name.toLowerCase().contains("id") || name.equals("article")
							? pick(articleIds.toArray(String[]::new)) : pick(new String[] { "fuzz", "world", "x" });
					case 3 -> String.valueOf(random.nextInt(1_000_000));
					default -> encode(value());
				};
				matcher.appendReplacement(path, Matcher.quoteReplacement(value.isEmpty() ? "x" : value));
			}
			matcher.appendTail(path);
			return path.toString().replace("/**", "/" + encode(value()));
		}

		private String value() {
			return switch (random.nextInt(8)) {
				case 0 -> pick(ODD_STRINGS);
				case 1 -> String.valueOf(random.nextLong());
				case 2 -> "x".repeat(1 + random.nextInt(3_000));
				case 3 -> pick(articleIds.toArray(String[]::new));
				case 4 -> new String(Character.toChars(random.nextInt(0x2FFFF))).repeat(1 + random.nextInt(50));
				default -> words(1 + random.nextInt(6));
			};
		}

		/**
		 * A query value sent as it is: percent-encoded bytes that are not UTF-8. (A lone
		 * '%' is no URI the client sends; the raw socket tests send one.)
		 */
		private String rawValue() {
			return pick(new String[] { "%C3%28", "%FF%FE", "%ED%A0%80", "%C0%AF", "%00", "%2e%2e%2f", "a+b", "%25" });
		}

		private Body body(String type, Endpoint endpoint) {
			String base = ((type.indexOf(';') >= 0) ? type.substring(0, type.indexOf(';')) : type).strip();
			return switch (base) {
				case "application/json", "application/merge-patch+json", "application/ld+json" ->
					new Body(type, json(endpoint.fields()));
				case "application/x-ndjson", "application/jsonl" -> new Body(type, ndjson(endpoint));
				case "text/csv" -> new Body(type, csv());
				case "application/x-www-form-urlencoded" -> new Body(type, form(endpoint));
				case "multipart/form-data" -> multipart(endpoint);
				case "application/nitf+xml", "application/xml" -> new Body(type, mutate(nitf()));
				case "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml" ->
					new Body(type, mutate(newsml()));
				case "application/ninjs+json" -> new Body(type, mutate(ninjs()));
				default -> new Body(type, mutate(random.nextBoolean() ? utf8(copy()) : json(endpoint.fields())));
			};
		}

		private byte[] json(List<String> fields) {
			int kind = random.nextInt(12);
			if (kind == 0) {
				return utf8("[".repeat(5_000) + "]".repeat(random.nextBoolean() ? 5_000 : 10));
			}
			if (kind == 1) {
				return utf8("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
			}
			if (kind == 2) {
				return mutate(utf8("{\"title\": \"" + words(5) + "\", \"body\": \"" + copy() + "\"}"));
			}
			StringBuilder json = new StringBuilder("{");
			List<String> names = new ArrayList<>(fields);
			names.addAll(List.of("title", "body", "version", "name"));
			if (random.nextInt(5) == 0) {
				names.add("zz" + random.nextInt(10));
			}
			for (String name : names) {
				if (random.nextInt(3) == 0) {
					continue;
				}
				if (json.length() > 1) {
					json.append(',');
				}
				json.append('"').append(name).append("\":").append(jsonValue(name, 0));
			}
			json.append('}');
			byte[] bytes = utf8(json.toString());
			return (random.nextInt(6) == 0) ? mutate(bytes) : bytes;
		}

		private String jsonValue(String name, int depth) {
			return switch (random.nextInt(14)) {
				case 0 -> "null";
				case 1 -> String.valueOf(random.nextInt(100));
				case 2 -> pick(new String[] { "1e400", "-0", "99999999999999999999999999", "1.5", "-1", "0x10" });
				case 3 -> "true";
				case 4 ->
					(depth < 3) ? "[" + jsonValue(name, depth + 1) + "," + jsonValue(name, depth + 1) + "]" : "[]";
				case 5 -> (depth < 3) ? "{\"" + name + "\":" + jsonValue(name, depth + 1) + "}" : "{}";
				case 6 -> quote("T".repeat(random.nextBoolean() ? 1_001 : 100_000));
				case 7 -> quote(pick(ODD_STRINGS));
				case 8 -> "\"\\ud800 \\u0000 " + (random.nextBoolean() ? "\\uZZ " : "") + words(3) + "\"";
				case 9 -> name.equals("article") || name.equals("version") ? pick(articleIds.toArray(String[]::new))
						: quote(words(2));
				case 10 -> quote(copy());
				default -> quote(words(1 + random.nextInt(8)));
			};
		}

		private byte[] ndjson(Endpoint endpoint) {
			StringBuilder lines = new StringBuilder();
			int count = 1 + random.nextInt(5);
			for (int i = 0; i < count; i++) {
				lines.append(switch (random.nextInt(5)) {
					case 0 -> "{\"raw\": " + quote(copy()) + "}";
					case 1 -> new String(json(endpoint.fields()), StandardCharsets.UTF_8);
					case 2 -> "not json";
					case 3 -> "{\"title\": " + jsonValue("title", 0) + ", \"body\": " + jsonValue("body", 0)
							+ ", \"source\": " + jsonValue("source", 0) + "}";
					default -> "";
				}).append(random.nextBoolean() ? "\n" : "\r\n");
			}
			return mutate(utf8(lines.toString()));
		}

		private byte[] csv() {
			String header = pick(
					new String[] { "title,body,source,publishedAt", "body", "title", "\"ti\"\"tle\",body", "" });
			return mutate(utf8(header + "\n\"" + words(4) + "\",\"" + copy().replace("\"", "\"\"") + "\","
					+ pick(ODD_STRINGS) + "," + pick(ODD_STRINGS) + "\n\"unclosed," + words(3) + "\n"));
		}

		private byte[] form(Endpoint endpoint) {
			StringBuilder form = new StringBuilder();
			List<String> names = new ArrayList<>(endpoint.fields());
			names.addAll(endpoint.parameters());
			names.addAll(List.of("_csrf", "raw", "title"));
			for (String name : names) {
				if (random.nextInt(4) == 0) {
					continue;
				}
				String value = name.equals("_csrf") ? (random.nextInt(5) > 0 ? csrf : "forged")
						: name.equals("raw") || name.equals("text") ? copy()
								: name.equals("version") ? String.valueOf(random.nextInt(3)) : value();
				form.append(form.isEmpty() ? "" : "&")
					.append(encode(name))
					.append('=')
					.append(random.nextInt(10) == 0 ? rawValue() : encode(value));
			}
			return utf8(form.toString());
		}

		private Body multipart(Endpoint endpoint) {
			String boundary = "fuzz" + random.nextInt(1_000_000);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			List<String> names = new ArrayList<>(endpoint.fields());
			names.add("files");
			names.add("_csrf");
			int parts = 1 + random.nextInt(4);
			for (int i = 0; i < parts; i++) {
				String name = pick(names.toArray(String[]::new));
				String file = pick(new String[] { "a.txt", "b.ndjson", "c.csv", "d.sgm", "e.xml", "f.jsonl", "g.bin",
						"", "../../x.txt", "x".repeat(300) + ".txt", "é😀.txt" });
				byte[] content = switch (file.substring(file.lastIndexOf('.') + 1)) {
					case "ndjson", "jsonl" -> ndjson(endpoint);
					case "csv" -> csv();
					case "sgm" -> mutate(utf8("<REUTERS NEWID=\"1\"><TEXT><TITLE>" + words(3) + "</TITLE><BODY>"
							+ copy() + "</BODY></TEXT></REUTERS>"));
					case "xml" -> mutate(random.nextBoolean() ? nitf() : newsml());
					default -> mutate(utf8(copy()));
				};
				out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
						+ (name.equals("_csrf") ? "" : "; filename=\"" + file + "\"") + "\r\n"
						+ (name.equals("_csrf") ? "" : "Content-Type: " + pick(CONTENT_TYPES) + "\r\n") + "\r\n"));
				out.writeBytes(name.equals("_csrf") ? utf8(csrf) : content);
				out.writeBytes(utf8("\r\n"));
			}
			if (random.nextInt(6) > 0) {
				out.writeBytes(utf8("--" + boundary + "--\r\n"));
			}
			String type = (random.nextInt(10) > 0) ? "multipart/form-data; boundary=" + boundary
					: pick(new String[] { "multipart/form-data", "multipart/form-data; boundary=wrong" });
			return new Body(type, out.toByteArray());
		}

		private byte[] nitf() {
			return utf8("<?xml version=\"1.0\"?><nitf><head><title>" + words(3)
					+ "</title><docdata><doc-id id-string=\"" + value().replace("\"", "")
					+ "\"/></docdata></head><body><body.head><hedline><hl1>" + words(4)
					+ "</hl1></hedline></body.head><body.content><p>" + copy() + "</p></body.content></body></nitf>");
		}

		private byte[] newsml() {
			return utf8("<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\""
					+ value().replace("\"", "") + "\" version=\"" + random.nextInt(5)
					+ "\"><itemMeta><pubStatus qcode=\""
					+ pick(new String[] { "stat:usable", "stat:canceled", "stat:withheld", "x" })
					+ "\"/></itemMeta><contentMeta><headline>" + words(4)
					+ "</headline></contentMeta><contentSet><inlineXML contenttype=\"application/nitf+xml\">"
					+ "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content><p>" + copy()
					+ "</p></body.content></body></nitf></inlineXML></contentSet></newsItem>");
		}

		private byte[] ninjs() {
			return utf8("{\"uri\": " + jsonValue("uri", 0) + ", \"version\": " + jsonValue("version", 0)
					+ ", \"headline\": " + jsonValue("headline", 0) + ", \"body_text\": " + quote(copy())
					+ ", \"pubstatus\": " + jsonValue("pubstatus", 0) + ", \"embargoed\": " + jsonValue("embargoed", 0)
					+ "}");
		}

		/** Sometimes breaks the bytes: truncated, invalid UTF-8, a NUL, an XML bomb. */
		private byte[] mutate(byte[] bytes) {
			return switch (random.nextInt(10)) {
				case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
				case 1 -> concat(bytes, new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE });
				case 2 -> concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, bytes);
				case 3 -> concat(bytes, new byte[] { 0 });
				case 4 -> utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \""
						+ "&a;".repeat(10) + "\"><!ENTITY c \"" + "&b;".repeat(10) + "\"><!ENTITY d \""
						+ "&c;".repeat(10) + "\"><!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&d;&e;</x>");
				default -> bytes;
			};
		}

		private String copy() {
			return "LONDON (Reuters) - " + words(10 + random.nextInt(40)) + " " + random.nextLong() + ".\n"
					+ words(random.nextInt(30)) + "\n" + (random.nextInt(8) == 0 ? "x".repeat(5_000) : "");
		}

		private String words(int count) {
			String[] words = { "rice", "prices", "rose", "Yangon", "junta", "Reuters", "said", "the", "officials",
					"talks", "budget", "minister", "AFP", "Myanmar", "on", "Tuesday", "of", "2022" };
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < count; i++) {
				text.append(i > 0 ? " " : "").append(pick(words));
			}
			return text.toString();
		}

		private String pick(String[] values) {
			return values[random.nextInt(values.length)];
		}

		private String pick(List<String> values) {
			return values.get(random.nextInt(values.size()));
		}

		private static String quote(String text) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> quoted.append("\\\"");
					case '\\' -> quoted.append("\\\\");
					case '\n' -> quoted.append("\\n");
					case '\r' -> quoted.append("\\r");
					default -> {
						if (c < 0x20) {
							quoted.append(String.format("\\u%04x", (int) c));
						}
						else {
							quoted.append(c);
						}
					}
				}
			}
			return quoted.append('"').toString();
		}

		private static String encode(String value) {
			return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

		private static byte[] utf8(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

		private static byte[] concat(byte[] a, byte[] b) {
			byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
			System.arraycopy(b, 0, both, a.length, b.length);
			return both;
		}

	}

	record Body(String contentType, byte[] bytes) {
	}

}
