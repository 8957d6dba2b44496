package org.morgue.api;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.morgue.ingest.CopyDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object read by hand, so that every way it can be wrong gets a message naming the field: not
 * UTF-8, not JSON, not an object, an unknown field (usually a typo), a value of the wrong kind.
 */
final class JsonFields {

	private final JsonNode object;

	private JsonFields(JsonNode object) {
		this.object = object;
	}

	static JsonFields parse(JsonMapper mapper, byte[] bytes, Set<String> allowed) {
		String json = CopyDecoder.decode(bytes, StandardCharsets.UTF_8, "body");
		JsonNode node;
		try {
			node = mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("body", "The request is not valid JSON: "
					+ ex.getOriginalMessage() + " (line " + ex.getLocation().getLineNr() + ", column "
					+ ex.getLocation().getColumnNr() + ").");
		}
		if (node == null || node.isMissingNode() || !node.isObject()) {
			throw new InvalidRequestException("body",
					"The request must be a JSON object of fields, such as {\"title\": \"...\", \"body\": \"...\"}.");
		}
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				throw new InvalidRequestException(name,
						"Unknown field '" + name + "'. The fields are: " + String.join(", ", new TreeSet<>(allowed)) + ".");
			}
		}
		return new JsonFields(node);
	}

	boolean has(String name) {
		return object.has(name);
	}

	/** The string value, or {@code null} when the field is absent or null. */
	String string(String name) {
		JsonNode value = object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidRequestException(name, "'" + name + "' must be a string.");
		}
		return value.stringValue();
	}

	/** The boolean value, or {@code null} when the field is absent or null. */
	Boolean bool(String name) {
		JsonNode value = object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw new InvalidRequestException(name, "'" + name + "' must be true or false.");
		}
		return value.booleanValue();
	}

	/** The whole-number value, or {@code null} when the field is absent or null. */
	Integer integer(String name) {
		JsonNode value = object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new InvalidRequestException(name, "'" + name + "' must be a whole number.");
		}
		return value.intValue();
	}

}
