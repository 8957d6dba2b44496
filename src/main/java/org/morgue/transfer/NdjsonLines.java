package org.morgue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of an NDJSON file or request body, one item per non-blank line, left as text
 * for the import service to interpret. The stream is read in blocks, and a line is held
 * only up to the limit given, so that one huge line or a body of any length cannot
 * exhaust memory.
 * <p>
 * Lines are numbered from 1, blank lines included. A line is blank when it holds nothing
 * but spaces, tabs and a carriage return; {@link #count(Path)} uses the same test, so the
 * total it gives is the number of items. Each line is decoded strictly as UTF-8 on its
 * own: a line that is not UTF-8 is reported and the next line is read as usual. A line
 * may end in {@code \n} or {@code \r\n}; a UTF-8 byte order mark at the start of the
 * stream is dropped. Not thread-safe.
 */
public final class NdjsonLines implements ImportSource {

	private static final int BLOCK_BYTES = 64 * 1024;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final InputStream in;

	private final String file;

	private final int maxLineBytes;

	private final long total;

	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final byte[] block = new byte[BLOCK_BYTES];

	private int position;

	private int limit;

	private boolean atStart = true;

	private boolean ended;

	private long lineNumber;

	/**
	 * The current line, up to one byte more than the limit (a carriage return before the
	 * newline).
	 */
	private byte[] line = new byte[256];

	private int lineLength;

	/** Whether the current line holds more than spaces, tabs and a carriage return. */
	private boolean content;

	private boolean tooLong;

	/**
	 * Lines of a stream whose length is not known beforehand, such as a request body.
	 * @param file the file name for the items' places, or {@code null} for a request body
	 * @param maxLineBytes the longest line read, in bytes without its line break; a
	 * longer line is reported and skipped
	 */
	public NdjsonLines(InputStream in, String file, int maxLineBytes) {
		this(in, file, maxLineBytes, -1);
	}

	/**
	 * Lines of a file counted beforehand with {@link #count(Path)}.
	 * @param total the number of items, or -1 when unknown
	 */
	public NdjsonLines(InputStream in, String file, int maxLineBytes, long total) {
		if (maxLineBytes < 1 || maxLineBytes > Integer.MAX_VALUE - 16) {
			throw new IllegalArgumentException("maxLineBytes out of range: " + maxLineBytes);
		}
		this.in = in;
		this.file = file;
		this.maxLineBytes = maxLineBytes;
		this.total = total;
	}

	/** Opens a file, counting its items first. */
	public static NdjsonLines open(Path path, String file, int maxLineBytes) throws IOException {
		long total = count(path);
		return new NdjsonLines(Files.newInputStream(path), file, maxLineBytes, total);
	}

	/**
	 * The number of non-blank lines of a file, by a scan of its bytes: the number of
	 * items an {@code NdjsonLines} over it gives.
	 */
	public static long count(Path path) throws IOException {
		long lines = 0;
		boolean content = false;
		boolean atStart = true;
		byte[] bytes = new byte[BLOCK_BYTES];
		try (InputStream in = Files.newInputStream(path)) {
			int read = in.readNBytes(bytes, 0, bytes.length);
			int from = 0;
			if (read >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length)) {
				from = BOM.length;
			}
			while (read > 0) {
				for (int i = from; i < read; i++) {
					byte b = bytes[i];
					if (b == '\n') {
						lines += content ? 1 : 0;
						content = false;
					}
					else if (!isBlankByte(b)) {
						content = true;
					}
				}
				from = 0;
				read = in.read(bytes);
			}
		}
		return lines + (content ? 1 : 0);
	}

	@Override
	public ImportItem next() throws IOException {
		while (readLine()) {
			if (!content) {
				continue;
			}
			ImportPlace place = new ImportPlace(file, lineNumber);
			if (tooLong) {
				return new ImportItem.Unreadable(place, "line " + lineNumber + " is longer than " + maxLineBytes
						+ " bytes, the most one line may hold; it was skipped.");
			}
			return decode(place);
		}
		return null;
	}

	@Override
	public long total() {
		return total;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/**
	 * Reads the next line into {@link #line} without its line break, or only scans it for
	 * its end when it is too long.
	 * @return false at the end of the stream
	 */
	private boolean readLine() throws IOException {
		lineLength = 0;
		content = false;
		tooLong = false;
		boolean started = false;
		while (true) {
			if (position == limit && !fill()) {
				if (!started) {
					return false;
				}
				// the last line, without a line break
				break;
			}
			started = true;
			int newline = indexOfNewline();
			int end = (newline >= 0) ? newline : limit;
			for (int i = position; i < end && !content; i++) {
				content = !isBlankByte(block[i]);
			}
			tooLong = tooLong || !append(position, end);
			position = (newline >= 0) ? newline + 1 : limit;
			if (newline >= 0) {
				break;
			}
		}
		lineNumber++;
		if (!tooLong && lineLength > 0 && line[lineLength - 1] == '\r') {
			lineLength--;
		}
		tooLong = tooLong || lineLength > maxLineBytes;
		return true;
	}

	/** Reads the next block; drops a byte order mark at the start of the stream. */
	private boolean fill() throws IOException {
		if (ended) {
			return false;
		}
		int read = in.readNBytes(block, 0, block.length);
		position = 0;
		limit = Math.max(read, 0);
		if (read < block.length) {
			ended = true;
		}
		if (atStart) {
			atStart = false;
			if (limit >= BOM.length && Arrays.equals(block, 0, BOM.length, BOM, 0, BOM.length)) {
				position = BOM.length;
			}
		}
		return position < limit;
	}

	private int indexOfNewline() {
		for (int i = position; i < limit; i++) {
			if (block[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Adds bytes to the current line, unless it would then be too long even without a
	 * final carriage return; the rest of such a line is only scanned for its end, never
	 * held.
	 * @return false when the line is too long
	 */
	private boolean append(int from, int to) {
		int length = to - from;
		if ((long) lineLength + length > maxLineBytes + 1L) {
			return false;
		}
		if (lineLength + length > line.length) {
			long capacity = Math.max(2L * line.length, lineLength + length);
			line = Arrays.copyOf(line, (int) Math.min(maxLineBytes + 1L, capacity));
		}
		System.arraycopy(block, from, line, lineLength, length);
		lineLength += length;
		return true;
	}

	private ImportItem decode(ImportPlace place) {
		ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
		CharBuffer chars = CharBuffer.allocate(lineLength);
		utf8.reset();
		CoderResult result = utf8.decode(bytes, chars, true);
		if (!result.isError()) {
			result = utf8.flush(chars);
		}
		if (result.isError()) {
			return new ImportItem.Unreadable(place, "line " + place.line() + " is not valid UTF-8 text (at byte "
					+ (bytes.position() + 1) + " of the line); save the file as UTF-8 and import that line again.");
		}
		return new ImportItem.Json(place, chars.flip().toString());
	}

	private static boolean isBlankByte(byte b) {
		return b == ' ' || b == '\t' || b == '\r';
	}

}
