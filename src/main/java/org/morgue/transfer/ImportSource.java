package org.morgue.transfer;

import java.io.Closeable;
import java.io.IOException;

/**
 * The items of one import, read one at a time so that an import of any size runs in
 * little memory.
 */
public interface ImportSource extends Closeable {

	/**
	 * The next item, or {@code null} after the last.
	 * @throws IOException when the underlying file or stream cannot be read any further
	 */
	ImportItem next() throws IOException;

	/**
	 * How many items there are, counted cheaply before reading; -1 when unknown (a
	 * stream).
	 */
	long total();

}
