package org.morgue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a stream strictly as UTF-8 for a parser that reads ahead. Unlike an
 * {@link java.io.InputStreamReader}, which throws away the text it decoded in the same
 * call as a bad byte, it first hands over every character before the bad byte and fails
 * on the next call, with the line of the bad byte; so everything before it can still be
 * read. It also fails, in the same way, when a record grows past a limit, and it tells
 * the stream's own I/O errors apart from these. A UTF-8 byte order mark at the start is
 * dropped.
 */
final class StrictUtf8Reader extends Reader {

	private static final int BLOCK_BYTES = 8 * 1024;

	private final InputStream in;

	private final long maxRecordChars;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK_BYTES).flip();

	private boolean started;

	private boolean ended;

	/** The line of the next character to hand over. */
	private long line = 1;

	private boolean afterCarriageReturn;

	private long delivered;

	private long recordStart;

	private IOException pending;

	private IOException streamFailure;

	/**
	 * @param maxRecordChars how far past {@link #startRecord()} the reader goes before it
	 * fails with {@link RecordTooLargeException}
	 */
	StrictUtf8Reader(InputStream in, long maxRecordChars) {
		this.in = in;
		this.maxRecordChars = maxRecordChars;
	}

	/**
	 * Marks that the parser starts a new record. The reader may already have handed over
	 * the start of it (the parser reads ahead a few kilobytes), so the record limit is
	 * approximate by that much.
	 */
	void startRecord() {
		recordStart = delivered;
	}

	/**
	 * The error the stream itself raised, if any: the one failure that is not about the
	 * text.
	 */
	IOException streamFailure() {
		return streamFailure;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (pending != null) {
			throw pending;
		}
		if (length == 0) {
			return 0;
		}
		if (delivered - recordStart > maxRecordChars) {
			pending = new RecordTooLargeException(maxRecordChars);
			throw pending;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (out.position() == offset) {
			// at the end, a sequence cut off by it is an error too
			CoderResult result = decoder.decode(bytes, out, ended);
			if (result.isError()) {
				// its line is known once the characters before it are counted, below
				pending = new NotUtf8Exception(-1);
				break;
			}
			if (result.isOverflow() || ended) {
				break;
			}
			fill();
		}
		int produced = out.position() - offset;
		countLines(buffer, offset, produced);
		delivered += produced;
		if (pending instanceof NotUtf8Exception notUtf8 && notUtf8.line() < 0) {
			pending = new NotUtf8Exception(line);
		}
		if (produced == 0) {
			if (pending != null) {
				throw pending;
			}
			return -1;
		}
		return produced;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/**
	 * Reads more bytes; at the start, enough to see whether there is a byte order mark.
	 */
	private void fill() throws IOException {
		bytes.compact();
		try {
			do {
				int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
				if (read < 0) {
					ended = true;
				}
				else {
					bytes.position(bytes.position() + read);
				}
			}
			while (!started && !ended && bytes.position() < 3);
		}
		catch (IOException ex) {
			streamFailure = ex;
			throw ex;
		}
		finally {
			bytes.flip();
		}
		if (!started) {
			started = true;
			if (bytes.remaining() >= 3 && bytes.get(0) == (byte) 0xEF && bytes.get(1) == (byte) 0xBB
					&& bytes.get(2) == (byte) 0xBF) {
				bytes.position(3);
			}
		}
	}

	/**
	 * Counts {@code \n}, {@code \r\n} and a lone {@code \r} as one line break each, as
	 * the parser does.
	 */
	private void countLines(char[] buffer, int offset, int count) {
		for (int i = offset; i < offset + count; i++) {
			char c = buffer[i];
			if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
				line++;
			}
			afterCarriageReturn = c == '\r';
		}
	}

	/** The text is not UTF-8 from a given line on. */
	static final class NotUtf8Exception extends CharacterCodingException {

		private final long line;

		NotUtf8Exception(long line) {
			this.line = line;
		}

		long line() {
			return line;
		}

		@Override
		public String getMessage() {
			return "not valid UTF-8 text at line " + line;
		}

	}

	/**
	 * A record runs past the limit; the parser cannot find the next record without
	 * reading it all.
	 */
	static final class RecordTooLargeException extends IOException {

		private final long limit;

		RecordTooLargeException(long limit) {
			super("a record is longer than " + limit + " characters");
			this.limit = limit;
		}

		long limit() {
			return limit;
		}

	}

}
