package org.morgue.backup;

/**
 * A backup cannot be taken or restored as asked: the file is not a complete Morgue
 * backup, or the database is not the one it should be. The message says what to do.
 */
public class InvalidBackupException extends RuntimeException {

	InvalidBackupException(String message) {
		super(message);
	}

	InvalidBackupException(String message, Throwable cause) {
		super(message, cause);
	}

}
