package org.morgue.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work that one archive node at a time may do when several share one PostgreSQL: a claim
 * is a row of {@code work_claim} naming the work and its holder, this node
 * ({@code morgue.node.id}), until a lease ({@code morgue.node.lease}) runs out. A claim
 * is taken with one statement ({@code insert ... on conflict do update ... where} the
 * lease ran out), so of two nodes asking at once exactly one gets it; the holder renews
 * what it holds every {@code morgue.node.heartbeat}; a node that stops cleanly gives its
 * claims up at once, and one that dies (its heartbeat stops) leaves them to any node that
 * asks once the lease has run out. Times are the database's, so the nodes' clocks need
 * not agree.
 * <p>
 * Rows rather than advisory locks: a session advisory lock belongs to a connection, which
 * a pool lends to one statement at a time, so a lock taken on one of the pool's
 * connections is neither held by the work nor released with it; and a node that hangs
 * with its connection open would keep its locks for ever, where a lease runs out.
 * <p>
 * The node also holds {@code node:<id>} for as long as it runs, so that the others can
 * tell the live nodes ({@link #liveNodes()}) from those that died. Thread-safe.
 */
@Component
public class WorkClaims implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WorkClaims.class);

	private static final String NODE_PREFIX = "node:";

	private final JdbcClient jdbc;

	private final NodeProperties properties;

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	private final ScheduledFuture<?> heartbeat;

	private volatile boolean closed;

	/**
	 * A claim as the database has it.
	 *
	 * @param detail what the holder said it is doing, or {@code null}
	 */
	public record WorkClaim(String name, String holder, Instant claimedAt, Instant expiresAt, String detail) {
	}

	@Autowired
	WorkClaims(JdbcClient jdbc, NodeProperties properties, Workers workers) {
		this(jdbc, properties, workers.timer());
	}

	WorkClaims(DataSource dataSource, NodeProperties properties, ScheduledExecutorService timer) {
		this(JdbcClient.create(dataSource), properties, timer);
	}

	private WorkClaims(JdbcClient jdbc, NodeProperties properties, ScheduledExecutorService timer) {
		this.jdbc = jdbc;
		this.properties = properties;
		claim(NODE_PREFIX + properties.id(), null);
		long every = properties.heartbeat().toMillis();
		this.heartbeat = timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
		log.info("Archive node {}: claims last {}, renewed every {}", properties.id(), properties.lease(),
				properties.heartbeat());
	}

	/** This node's name in claims and in the event publication log. */
	public String node() {
		return properties.id();
	}

	/** How long a claim lasts unless renewed. */
	public Duration lease() {
		return properties.lease();
	}

	/** How often this node renews its claims. */
	public Duration heartbeat() {
		return properties.heartbeat();
	}

	/**
	 * Claims the work for this node, unless a node (this one included) holds it and its
	 * lease has not run out. A claim held by this node's name in the database but not in
	 * this process (the node restarted under the same {@code morgue.node.id}) is taken
	 * again.
	 * @param detail what this node is doing, for the others to say; may be {@code null}
	 * @return whether this node holds it now, renewed until {@link #release}
	 */
	public boolean claim(String name, String detail) {
		if (closed || held.contains(name)) {
			return false;
		}
		boolean claimed = jdbc.sql("""
				insert into work_claim (name, holder, claimed_at, expires_at, detail)
				values (:name, :node, now(), now() + make_interval(secs => :lease), :detail)
				on conflict (name) do update
				    set holder = excluded.holder, claimed_at = excluded.claimed_at,
				        expires_at = excluded.expires_at, detail = excluded.detail
				    where work_claim.expires_at <= now() or work_claim.holder = excluded.holder
				returning name""")
			.param("name", name)
			.param("node", node())
			.param("lease", seconds(properties.lease()))
			.param("detail", detail)
			.query(String.class)
			.optional()
			.isPresent();
		if (claimed) {
			held.add(name);
		}
		return claimed;
	}

	/** Whether this node holds the claim, as far as its last renewal knows. */
	public boolean holds(String name) {
		return held.contains(name);
	}

	/** Who holds the work now, unless nobody does or the holder's lease ran out. */
	public Optional<WorkClaim> holder(String name) {
		return jdbc.sql("""
				select name, holder, claimed_at, expires_at, detail from work_claim
				where name = :name and expires_at > now()""")
			.param("name", name)
			.query((rs, row) -> new WorkClaim(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.optional();
	}

	/** Gives the work up, for another node to claim at once. */
	public void release(String name) {
		if (!held.remove(name) || closed) {
			// not this node's, or given up with the others as the node stopped
			return;
		}
		jdbc.sql("delete from work_claim where name = :name and holder = :node")
			.param("name", name)
			.param("node", node())
			.update();
	}

	/**
	 * The nodes running now, this one included: those whose presence claim is renewed.
	 */
	public Set<String> liveNodes() {
		return Set.copyOf(jdbc.sql("select holder from work_claim where name like 'node:%' and expires_at > now()")
			.query(String.class)
			.list());
	}

	/** Renews every claim this node holds; those it lost meanwhile are forgotten. */
	void renew() {
		if (held.isEmpty()) {
			return;
		}
		try {
			Set<String> asked = Set.copyOf(held);
			List<String> renewed = jdbc.sql("""
					update work_claim set expires_at = now() + make_interval(secs => :lease)
					where holder = :node and name = any(:names)
					returning name""")
				.param("lease", seconds(properties.lease()))
				.param("node", node())
				.param("names", asked.toArray(String[]::new))
				.query(String.class)
				.list();
			for (String name : asked) {
				if (!renewed.contains(name) && held.remove(name)) {
					log.warn("Node {} lost its claim on {}: it was not renewed within its lease", node(), name);
				}
			}
		}
		catch (RuntimeException ex) {
			// the database is away, say: the next heartbeat tries again
			log.warn("Node {} could not renew its claims: {}", node(), ex.toString());
		}
	}

	/**
	 * Stops renewing, as a node that dies would: its claims stay until their lease runs
	 * out.
	 */
	void stopHeartbeat() {
		heartbeat.cancel(false);
	}

	/** Stops renewing and gives up every claim this node holds, its presence included. */
	@Override
	@PreDestroy
	public void close() {
		closed = true;
		stopHeartbeat();
		held.clear();
		try {
			jdbc.sql("delete from work_claim where holder = :node").param("node", node()).update();
		}
		catch (RuntimeException ex) {
			log.warn("Node {} could not give up its claims as it stopped; they lapse in {} s: {}", node(),
					properties.lease().toSeconds(), ex.toString());
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
