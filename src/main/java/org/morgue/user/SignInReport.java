package org.morgue.user;

import java.time.Instant;
import java.util.List;

/**
 * What the sign-in throttle has seen on this node since it started, and who must wait
 * now.
 *
 * @param signIns sign-ins by the form
 * @param failures wrong passwords and unknown or disabled accounts (form and Basic)
 * @param bursts times failures reached a limit, after which attempts wait
 * @param refused attempts refused unchecked because they had to wait
 * @param waiting the accounts and addresses that must wait now, longest wait first
 */
public record SignInReport(long signIns, long failures, long bursts, long refused, List<Waiting> waiting) {

	/**
	 * An account, address, or pair of both that must wait.
	 *
	 * @param kind {@code account and address}, {@code address} or {@code account}
	 * @param account the account (null for an address)
	 * @param address the address (null for an account)
	 * @param failures its recent failures
	 * @param until when its wait ends
	 */
	public record Waiting(String kind, String account, String address, int failures, Instant until) {
	}

}
