package org.morgue.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * What a JSON merge patch (RFC 7396) says of one text field: left out, the field keeps
 * its value; {@code null}, it is cleared; a string, it becomes that string. A record
 * component of this type tells the three apart, which a {@code String} cannot (left out
 * and null both bind to null), nor an {@code Optional} (Jackson binds both to empty). The
 * API description shows it as a string.
 *
 * @param given whether the patch has the field
 * @param text the new text; {@code null} when the field is left out or null
 */
@JsonDeserialize(using = PatchValue.Reader.class)
record PatchValue(boolean given, String text) {

	static final PatchValue KEEP = new PatchValue(false, null);

	static final PatchValue CLEAR = new PatchValue(true, null);

	/**
	 * The change as a correction takes it ({@link org.morgue.ingest.CopyCorrections}):
	 * {@code null} keeps the value, blank clears it.
	 */
	String change() {
		if (!this.given) {
			return null;
		}
		return (this.text != null) ? this.text : "";
	}

	/**
	 * Reads a string as the application reads strings, null as {@link #CLEAR}, a missing
	 * field as {@link #KEEP}.
	 */
	static final class Reader extends StdDeserializer<PatchValue> {

		Reader() {
			super(PatchValue.class);
		}

		@Override
		public PatchValue deserialize(JsonParser parser, DeserializationContext context) {
			return new PatchValue(true, context.readValue(parser, String.class));
		}

		@Override
		public PatchValue getNullValue(DeserializationContext context) {
			return CLEAR;
		}

		@Override
		public Object getAbsentValue(DeserializationContext context) {
			return KEEP;
		}

	}

}
