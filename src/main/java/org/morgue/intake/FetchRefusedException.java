package org.morgue.intake;

import org.morgue.system.InvalidInputException;

/**
 * An address the server will not fetch from: another scheme than http(s), or a host on
 * loopback, link-local or private addresses. The message names it and the setting that
 * would allow it.
 */
public class FetchRefusedException extends InvalidInputException {

	FetchRefusedException(String message) {
		super("url", message);
	}

}
