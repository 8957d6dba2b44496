package org.morgue.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How feeds are polled.
 *
 * @param enabled whether this node polls feeds on their schedule (a poll asked for by an
 * administrator runs regardless)
 * @param tick how often the node looks for feeds that are due
 * @param defaultInterval a feed's interval when it is registered without one
 * @param minInterval the shortest interval a feed may have
 * @param maxInterval the longest interval a feed may have
 * @param maxBackoff the longest a failing feed waits before it is tried again
 * @param lease how long a node's claim on a feed lasts unless renewed; a node that stops
 * mid-poll gives the feed up to the others after this long
 * @param folderSettle how long a file must lie unchanged in a drop folder before it is
 * taken, so that a file still being written is left alone
 * @param maxFileBytes the largest file taken from a drop folder
 */
@ConfigurationProperties("morgue.feeds")
record FeedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration tick,
		@DefaultValue("5m") Duration defaultInterval, @DefaultValue("30s") Duration minInterval,
		@DefaultValue("1d") Duration maxInterval, @DefaultValue("6h") Duration maxBackoff,
		@DefaultValue("2m") Duration lease, @DefaultValue("5s") Duration folderSettle,
		@DefaultValue("20MB") DataSize maxFileBytes) {

	/** How often a node renews the claims it holds: well within the lease. */
	Duration renewal() {
		return lease.dividedBy(4);
	}

}
