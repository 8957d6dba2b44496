package org.morgue.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads the text of a {@link JsonRequest} as Jackson does, and refuses a NUL character
 * ({@code \u0000}) in it, which no field takes and PostgreSQL cannot store. Jackson adds
 * the path of the field to the refusal, so the client hears which field it was.
 */
final class NulRefusingStrings extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String text = super.deserialize(parser, context);
		if (text != null && text.indexOf('\0') >= 0) {
			throw new NulCharacterException(parser);
		}
		return text;
	}

	/** A NUL character in a JSON string. */
	static final class NulCharacterException extends MismatchedInputException {

		NulCharacterException(JsonParser parser) {
			super(parser, "A NUL character (\\u0000) in a text", String.class);
		}

	}

}
