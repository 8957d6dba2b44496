package org.morgue.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One Morgue process per data directory: a lock on {@code morgue.lock}, held for the life
 * of the process and released by the operating system when it ends, however it ends.
 * Without it an import from the command line would take the embedded PostgreSQL of a
 * running archive for one left behind by a killed process, and stop it.
 */
final class DataDirectoryLock {

	private static final Map<Path, FileLock> held = new HashMap<>();

	private DataDirectoryLock() {
	}

	/**
	 * Takes the lock for this process, unless it holds it already.
	 * @throws DataDirectoryInUseException when another process holds it
	 */
	public static synchronized void acquire(Path dataDir) throws IOException {
		Path file = dataDir.toAbsolutePath().normalize().resolve("morgue.lock");
		FileLock lock = held.get(file);
		if (lock != null && lock.isValid()) {
			return;
		}
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new DataDirectoryInUseException(dataDir);
		}
		held.put(file, lock);
	}

}
