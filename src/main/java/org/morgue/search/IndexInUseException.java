package org.morgue.search;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The search index is open for writing in another process: the index cannot start here,
 * because only one process may write to it (and rebuilding it here would replace it under
 * the other).
 */
public class IndexInUseException extends IOException {

	IndexInUseException(Path directory, Throwable cause) {
		super("The search index in " + directory + " is in use by another process.", cause);
	}

}
