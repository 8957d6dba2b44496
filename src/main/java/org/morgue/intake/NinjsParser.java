package org.morgue.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.morgue.intake.StoryDraft.first;

/**
 * Reads ninjs ({@code application/ninjs+json}), IPTC's news in JSON, of versions 1.x, 2.x
 * and 3.x, into a story.
 *
 * <p>
 * Field names are matched without regard to case and underscores, so 1.x and 2.x's
 * {@code versioncreated}, 3.x's {@code versionCreated} and {@code version_created} are
 * the same field, as are {@code body_text} and {@code bodyText}; 1.x's singular
 * {@code person}, {@code place}, {@code organisation} and {@code subject} are read as
 * 2.x's plural ones. Which version a document is comes from {@code $schema},
 * {@code standard} ({@code $standard} in 1.x), a {@code profile} naming a ninjs schema,
 * or the media type's {@code profile} parameter; else from the fields present (camelCase:
 * 3.x; {@code headlines}, {@code bodies}, {@code by}, {@code people}: 2.x; else 1.x). A
 * version the archive does not know is refused, so that a document of a later ninjs is
 * not read wrongly in silence.
 *
 * <p>
 * The story: {@code uri}, {@code version}, {@code pubstatus}, {@code embargoed},
 * {@code versioncreated}; {@code contentcreated} or {@code firstcreated} as the
 * publication; {@code headline}, the main of {@code headlines[]} or a {@code headline_*};
 * {@code byline}, {@code by} or {@code bylines[]}; {@code located}; {@code language}; the
 * names of people, places and organisations; subjects by name (else their code);
 * {@code infosources[]} or {@code copyrightholder} as the source. The text is the first
 * body that has any, HTML bodies first ({@code bodies[]} of an HTML content type,
 * {@code body_html}, {@code body_xhtml}, {@code body_richtext}), read by jsoup into
 * paragraphs and subheads, then plain ones ({@code body_text}, a text {@code bodies[]}),
 * paragraphs between blank lines. Stateless and thread-safe.
 */
final class NinjsParser {

	static final String FORMAT = "ninjs";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** 3.x's names, the camelCase of 1.x and 2.x's lower-case ones. */
	private static final Set<String> CAMEL_CASE = Set.of("versionCreated", "firstCreated", "contentCreated",
			"pubStatus", "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "representationType",
			"infoSources", "altIds", "trustIndicators", "rightsInfo", "charCount", "wordCount");

	/** Fields 2.x brought in, in place of 1.x's. */
	private static final Set<String> SINCE_2 = Set.of("headlines", "bodies", "by", "people", "organisations", "places",
			"subjects", "events", "objects", "infosources", "genres", "descriptions", "altids");

	/**
	 * The story of a ninjs document.
	 * @param profile the {@code profile} parameter of the media type it came with, or
	 * {@code null}
	 * @throws InvalidWireDocumentException when it is not well-formed JSON, not an
	 * object, of a ninjs version the archive does not read, or has no story text
	 */
	WireStory parse(String document, String profile) {
		JsonNode root = tree(document);
		Map<String, JsonNode> fields = fields(root);
		int major = major(root, fields, profile);
		if (major < 1 || major > 3) {
			throw new InvalidWireDocumentException(
					"ninjs version " + major + " is not one the archive reads: it reads ninjs 1.x, 2.x and 3.x.");
		}
		StoryDraft draft = new StoryDraft(FORMAT, document);
		draft.guid = string(fields.get("uri"));
		draft.version = string(fields.get("version"));
		draft.status = WireCodes.status(string(fields.get("pubstatus")));
		JsonNode embargoed = fields.get("embargoed");
		draft.embargoedUntil = WireDates.embargo(embargoed != null && !embargoed.isNull(), string(embargoed));
		draft.versionCreated = WireDates.instant(string(fields.get("versioncreated")));
		draft.publishedAt = first(WireDates.publication(string(fields.get("contentcreated"))),
				WireDates.publication(string(fields.get("firstcreated"))));
		draft.title = headline(root, fields);
		draft.byline = byline(fields);
		draft.dateline = string(fields.get("located"));
		draft.language = string(fields.get("language"));
		draft.source = first(names(fields, "infosources", "infosource").stream().findFirst().orElse(null),
				string(fields.get("copyrightholder")));
		draft.people.addAll(names(fields, "people", "person"));
		draft.organisations.addAll(names(fields, "organisations", "organisation"));
		draft.places.addAll(names(fields, "places", "place"));
		for (JsonNode subject : array(fields, "subjects", "subject")) {
			draft.subjects.add(first(string(subject.get("name")), string(subject.get("literal")),
					string(subject.get("code")), string(subject.get("uri")), string(subject)));
		}
		draft.paragraphs.addAll(body(root, fields));
		return draft.story("The ninjs document");
	}

	/**
	 * The major version of a ninjs document, as {@link #parse} tells it.
	 * @throws InvalidWireDocumentException when it is not a JSON object
	 */
	static int majorVersion(String document, String profile) {
		JsonNode root = tree(document);
		return major(root, fields(root), profile);
	}

	private static JsonNode tree(String document) {
		JsonNode root;
		try {
			root = JSON.readTree(document);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw new InvalidWireDocumentException(
					"The document is not well-formed JSON" + where + ": " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidWireDocumentException("The document is not a ninjs news item: ninjs is a JSON object, "
					+ "this is " + ((root == null || root.isMissingNode()) ? "empty" : "a JSON " + kind(root)) + ".");
		}
		return root;
	}

	/** The fields by name in lower case without underscores and hyphens. */
	private static Map<String, JsonNode> fields(JsonNode object) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			fields.putIfAbsent(key(field.getKey()), field.getValue());
		}
		return fields;
	}

	private static String key(String name) {
		StringBuilder key = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c != '_' && c != '-') {
				key.append(Character.toLowerCase(c));
			}
		}
		return key.toString();
	}

	/** The major version the document says it is, else the one its fields show. */
	private static int major(JsonNode root, Map<String, JsonNode> fields, String profile) {
		JsonNode standard = (fields.get("standard") != null) ? fields.get("standard") : fields.get("$standard");
		Integer said = firstMajor(profile, string(fields.get("$schema")),
				(standard != null) ? string(standard.get("schema")) : null,
				(fields.get("profile") != null) ? string(fields.get("profile")) : null);
		if (said == null && standard != null) {
			said = versionMajor(string(standard.get("version")));
		}
		if (said != null) {
			return said;
		}
		for (String name : root.propertyNames()) {
			if (CAMEL_CASE.contains(name)) {
				return 3;
			}
		}
		for (JsonNode body : array(fields, "bodies")) {
			if (body.has("contentType")) {
				return 3;
			}
		}
		for (String name : fields.keySet()) {
			if (SINCE_2.contains(name)) {
				return 2;
			}
		}
		return 1;
	}

	/** The major version in the first of these that names a ninjs schema. */
	private static Integer firstMajor(String... schemas) {
		for (String schema : schemas) {
			if (schema == null) {
				continue;
			}
			String text = schema.toLowerCase(Locale.ROOT);
			int at = text.indexOf("ninjs-schema_");
			if (at >= 0) {
				Integer major = versionMajor(text.substring(at + "ninjs-schema_".length()));
				if (major != null) {
					return major;
				}
			}
		}
		return null;
	}

	/**
	 * The leading number of {@code 2.1}, {@code 3}, {@code 1.6.json}; else {@code null}.
	 */
	private static Integer versionMajor(String version) {
		if (version == null) {
			return null;
		}
		String text = version.strip();
		int end = 0;
		while (end < text.length() && end < 4 && Character.isDigit(text.charAt(end))) {
			end++;
		}
		return (end == 0) ? null : Integer.valueOf(text.substring(0, end));
	}

	private static String headline(JsonNode root, Map<String, JsonNode> fields) {
		String headline = string(fields.get("headline"));
		if (headline != null) {
			return headline;
		}
		List<JsonNode> headlines = array(fields, "headlines");
		for (JsonNode entry : headlines) {
			String role = string(entry.get("role"));
			if (role == null || role.equalsIgnoreCase("main")) {
				return first(string(entry.get("value")), string(entry));
			}
		}
		if (!headlines.isEmpty()) {
			return first(string(headlines.get(0).get("value")), string(headlines.get(0)));
		}
		// 1.x's extra headlines, headline_main first
		String extra = string(fields.get("headlinemain"));
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			String key = key(field.getKey());
			if (extra == null && key.startsWith("headline") && !key.equals("headlines")) {
				extra = string(field.getValue());
			}
		}
		return first(extra, string(fields.get("title")));
	}

	private static String byline(Map<String, JsonNode> fields) {
		String byline = first(string(fields.get("byline")), string(fields.get("by")));
		if (byline != null) {
			return byline;
		}
		List<String> bylines = new ArrayList<>();
		for (JsonNode entry : array(fields, "bylines")) {
			String name = first(string(entry), string(entry.get("byline")), string(entry.get("by")),
					string(entry.get("name")), string(entry.get("value")));
			if (name != null) {
				bylines.add(name);
			}
		}
		return bylines.isEmpty() ? null : String.join(" and ", bylines);
	}

	/** The paragraphs of the first body that has any: HTML bodies before plain ones. */
	private static List<StoryParagraph> body(JsonNode root, Map<String, JsonNode> fields) {
		List<String> html = new ArrayList<>();
		List<String> plain = new ArrayList<>();
		for (boolean main : new boolean[] { true, false }) {
			for (JsonNode body : array(fields, "bodies")) {
				String role = string(body.get("role"));
				if (main != (role == null || role.equalsIgnoreCase("main"))) {
					continue;
				}
				String type = first(string(body.get("contentType")), string(body.get("contenttype")),
						string(body.get("content_type")));
				(isHtml(type) ? html : plain).add(body.isString() ? body.asString() : text(body.get("value")));
			}
		}
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			String key = key(field.getKey());
			if (key.startsWith("body") && key.length() > "body".length()) {
				(isHtml(key.substring("body".length())) ? html : plain).add(text(field.getValue()));
			}
		}
		for (String value : html) {
			List<StoryParagraph> paragraphs = StoryText.html(value);
			if (!paragraphs.isEmpty()) {
				return paragraphs;
			}
		}
		for (String value : plain) {
			List<StoryParagraph> paragraphs = StoryText.plain(value);
			if (!paragraphs.isEmpty()) {
				return paragraphs;
			}
		}
		return List.of();
	}

	private static boolean isHtml(String type) {
		if (type == null) {
			return false;
		}
		String text = type.toLowerCase(Locale.ROOT);
		return text.contains("html") || text.contains("richtext");
	}

	/** The names of the entries of the first of these arrays that the document has. */
	private static List<String> names(Map<String, JsonNode> fields, String... keys) {
		List<String> names = new ArrayList<>();
		for (JsonNode entry : array(fields, keys)) {
			String name = first(string(entry.get("name")), string(entry));
			if (name != null) {
				names.add(name);
			}
		}
		return names;
	}

	/** The elements of the first of these arrays that the document has. */
	private static List<JsonNode> array(Map<String, JsonNode> fields, String... keys) {
		List<JsonNode> elements = new ArrayList<>();
		for (String key : keys) {
			JsonNode array = fields.get(key);
			if (array != null && array.isArray()) {
				array.values().forEach(elements::add);
				return elements;
			}
		}
		return elements;
	}

	/** The text of a string or number, collapsed; {@code null} for anything else. */
	private static String string(JsonNode node) {
		if (node == null || !(node.isString() || node.isNumber())) {
			return null;
		}
		return StoryText.collapse(node.asString());
	}

	/**
	 * The text of a string as it is, line breaks kept; {@code null} for anything else.
	 */
	private static String text(JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static String kind(JsonNode node) {
		if (node.isArray()) {
			return "array";
		}
		return node.isString() ? "string" : node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "null";
	}

}
