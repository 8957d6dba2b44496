package org.morgue.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * This archive node among the others on one PostgreSQL ({@link WorkClaims}).
 *
 * @param id the node's name in claims and in the event publication log; unset, the host
 * name and a random part new at every start. A name that is set must be this node's
 * alone: two processes with one name would each take the other's claims for their own
 * @param lease how long a claim lasts unless its holder renews it: a node that dies gives
 * its work up to the others this long after its last heartbeat
 * @param heartbeat how often a node renews the claims it holds: well within the lease
 * @param takeoverEvery how often a node looks for the unfinished events of nodes that
 * stopped or died, and delivers them ({@link NodePublications}); 0: only as it starts
 */
@ConfigurationProperties("morgue.node")
record NodeProperties(String id, @DefaultValue("1m") Duration lease, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("1m") Duration takeoverEvery) {

	NodeProperties {
		if (!StringUtils.hasText(id)) {
			id = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
		}
		else {
			id = id.strip();
		}
		if (id.length() > 200) {
			throw new IllegalArgumentException("morgue.node.id is longer than 200 characters: " + id);
		}
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("morgue.node.lease must be longer than 0, not " + lease);
		}
		if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease) >= 0) {
			throw new IllegalArgumentException(
					"morgue.node.heartbeat must be longer than 0 and shorter than morgue.node.lease (" + lease
							+ "), not " + heartbeat);
		}
		if (takeoverEvery.isNegative()) {
			throw new IllegalArgumentException("morgue.node.takeover-every must be 0 or longer, not " + takeoverEvery);
		}
	}

	/**
	 * Whether the node looks for a stopped node's events while it runs, not only at
	 * start.
	 */
	boolean takesOverWhileRunning() {
		return !takeoverEvery.isZero();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
