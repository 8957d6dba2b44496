package org.morgue.system;

import java.nio.file.Path;

/**
 * Another Morgue process works on this data directory (a running archive, or an import).
 */
public class DataDirectoryInUseException extends IllegalStateException {

	public DataDirectoryInUseException(Path dataDir) {
		super("Another Morgue process is using the data directory " + dataDir.toAbsolutePath().normalize()
				+ ". Stop it first, or bring articles into the running archive through its import page or "
				+ "POST /api/v1/articles/bulk.");
	}

}
