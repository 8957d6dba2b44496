package org.morgue.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.morgue.article.InvalidArticleException;

/**
 * Reads copy as bytes and turns it into text, refusing what is too large or not in its
 * declared encoding rather than storing mangled characters.
 */
public final class CopyDecoder {

	private CopyDecoder() {
	}

	/**
	 * Decodes the bytes strictly: a byte sequence that is not valid in the charset (UTF-8
	 * unless the client declared another) is an error, not a replacement character. A
	 * UTF-8 byte order mark is dropped.
	 * @throws InvalidArticleException naming {@code field} when the bytes are not valid
	 */
	public static String decode(byte[] bytes, Charset charset, String field) {
		Charset effective = (charset != null) ? charset : StandardCharsets.UTF_8;
		try {
			String text = effective.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new InvalidArticleException(field, "The " + field + " is not valid " + effective.name()
					+ " text. Save the copy as UTF-8 (or declare its charset in the Content-Type) and send it again.");
		}
	}

}
