package org.morgue.system;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events that a node published and did not finish because it stopped
 * or died: Spring Modulith's {@code republish-outstanding-events-on-restart}, made safe
 * for several nodes on one database. That setting delivers every unfinished publication
 * again at start, those a live node is working on included, which would then be done
 * twice; here each publication carries the node that published it
 * ({@code event_publication.published_by}, {@link NodeConfiguration}), and only those of
 * nodes that are not running ({@link WorkClaims#liveNodes()}) are handed over, one
 * statement making them this node's so that no two nodes take the same, and delivered
 * here.
 * <p>
 * It runs where Spring Modulith's did, once the beans are ready and before the
 * application's runners (an {@code import} command waits for its index updates), taking
 * this node's own name's publications too, left by a previous start under the same
 * {@code morgue.node.id}; then, while the node runs, every
 * {@code morgue.node.takeover-every}. One node at a time looks
 * ({@code event-publications} claim). On one node the result is the setting's: at start
 * every unfinished publication, none of them in flight, is delivered again.
 */
@Component
class NodePublications implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(NodePublications.class);

	static final String CLAIM = "event-publications";

	private final JdbcClient jdbc;

	private final WorkClaims claims;

	private final IncompleteEventPublications publications;

	private final NodeProperties properties;

	private final Workers workers;

	private volatile ScheduledFuture<?> sweeps;

	NodePublications(JdbcClient jdbc, WorkClaims claims, IncompleteEventPublications publications,
			NodeProperties properties, Workers workers) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.publications = publications;
		this.properties = properties;
		this.workers = workers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		takeOver(true);
		if (properties.takesOverWhileRunning()) {
			long every = properties.takeoverEvery().toMillis();
			sweeps = workers.timer().scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
		}
	}

	private void sweep() {
		try {
			takeOver(false);
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for events left by stopped nodes: {}", ex.toString());
		}
	}

	/**
	 * Hands the unfinished publications of nodes that are not running to this node and
	 * delivers them, unless another node is at it.
	 * @param starting whether this node is starting, so that publications under its own
	 * name are a previous start's
	 * @return how many were delivered again
	 */
	int takeOver(boolean starting) {
		if (!claims.claim(CLAIM, null)) {
			return 0;
		}
		try {
			Set<String> live = claims.liveNodes();
			String[] running = live.stream()
				.filter(node -> !starting || !node.equals(claims.node()))
				.toArray(String[]::new);
			// Spring Modulith delivers again only a publication not marked as delivered
			// again already (nor without a status): one a dead node left so is published
			// anew.
			List<UUID> taken = jdbc.sql("""
					update event_publication
					set published_by = :node,
					    status = case when status is null or status = 'RESUBMITTED' then 'PUBLISHED' else status end
					where completion_date is null
					  and (published_by is null or not (published_by = any(:running)))
					returning id""").param("node", claims.node()).param("running", running).query(UUID.class).list();
			if (taken.isEmpty()) {
				return 0;
			}
			log.info("Delivering again {} event publications left unfinished by nodes that stopped", taken.size());
			Set<UUID> ids = Set.copyOf(taken);
			publications.resubmitIncompletePublications(publication -> ids.contains(publication.getIdentifier()));
			return taken.size();
		}
		finally {
			claims.release(CLAIM);
		}
	}

	@PreDestroy
	void stop() {
		if (sweeps != null) {
			sweeps.cancel(false);
		}
	}

}
