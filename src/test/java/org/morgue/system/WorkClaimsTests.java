package org.morgue.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two archive nodes on one PostgreSQL, as two claim services with names of their own on a
 * database migrated by the real migrations: of two asking at once one gets a claim, its
 * heartbeat keeps it past its lease, a node that dies (its heartbeat stops, nothing is
 * given up) leaves it to the other once the lease runs out, and a clean stop gives it up
 * at once.
 */
class WorkClaimsTests {

	private static final Duration LEASE = Duration.ofSeconds(2);

	private static final Duration HEARTBEAT = Duration.ofMillis(400);

	private static DataSource database;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final List<WorkClaims> nodes = new ArrayList<>();

	@BeforeAll
	static void migrate() {
		TestDatabase.Connection server = TestDatabase.connection();
		database = new DriverManagerDataSource(TestDatabase.newDatabase("claims"), server.username(),
				server.password());
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
	}

	@AfterEach
	void stop() {
		nodes.forEach(WorkClaims::close);
		timer.shutdownNow();
	}

	@Test
	void ofTwoNodesAskingAtOnceOneGetsTheClaim() throws Exception {
		// given
		WorkClaims first = node("first");
		WorkClaims second = node("second");
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			// when: each asks for the same work twenty times at once
			int firsts = 0;
			int seconds = 0;
			for (int round = 0; round < 20; round++) {
				String work = "race-" + round;
				List<Future<Boolean>> asked = both.invokeAll(List
					.<Callable<Boolean>>of(() -> first.claim(work, "round"), () -> second.claim(work, "round")));
				boolean a = asked.get(0).get();
				boolean b = asked.get(1).get();
				// then: exactly one of them holds it, and the database says which
				assertThat(a ^ b).as("exactly one node holds " + work).isTrue();
				assertThat(first.holder(work).orElseThrow().holder()).isEqualTo(a ? "first" : "second");
				firsts += a ? 1 : 0;
				seconds += b ? 1 : 0;
			}
			assertThat(firsts + seconds).isEqualTo(20);
		}
		finally {
			both.shutdownNow();
		}
	}

	@Test
	void theHoldersHeartbeatKeepsItsClaimPastTheLease() throws InterruptedException {
		// given
		WorkClaims holder = node("holder");
		WorkClaims other = node("other");
		assertThat(holder.claim("backlog", "start-up")).isTrue();

		// when: three leases go by
		Thread.sleep(LEASE.multipliedBy(3).toMillis());

		// then: still the holder's, with what it said it does
		assertThat(holder.holds("backlog")).isTrue();
		assertThat(other.claim("backlog", null)).isFalse();
		assertThat(other.holder("backlog").orElseThrow().detail()).isEqualTo("start-up");
		// and: asking again for what it holds is refused too (one run at a time)
		assertThat(holder.claim("backlog", null)).isFalse();
	}

	@Test
	void aNodeThatDiesLeavesItsClaimToAnotherOnceTheLeaseRunsOut() {
		// given
		WorkClaims dying = node("dying");
		WorkClaims survivor = node("survivor");
		assertThat(dying.claim("import", "admin")).isTrue();
		assertThat(survivor.liveNodes()).contains("dying", "survivor");

		// when: its heartbeat stops, nothing given up
		dying.stopHeartbeat();
		long died = System.nanoTime();

		// then: the claim is the dying node's until its lease runs out, then the
		// survivor's
		assertThat(survivor.claim("import", "editor")).isFalse();
		Eventually.until(() -> survivor.claim("import", "editor"), claimed -> claimed, Duration.ofSeconds(10));
		assertThat(Duration.ofNanos(System.nanoTime() - died)).isGreaterThanOrEqualTo(LEASE.minusMillis(500));
		assertThat(survivor.holder("import").orElseThrow().holder()).isEqualTo("survivor");
		assertThat(survivor.liveNodes()).contains("survivor").doesNotContain("dying");
		// and: the dead node's next renewal finds the claim gone, and it knows it lost it
		dying.renew();
		assertThat(dying.holds("import")).isFalse();
	}

	@Test
	void aCleanStopGivesTheClaimsUpAtOnce() {
		// given
		WorkClaims stopping = node("stopping");
		WorkClaims other = node("staying");
		assertThat(stopping.claim("purge", null)).isTrue();

		// when
		stopping.close();

		// then: no lease to wait for
		assertThat(other.claim("purge", null)).isTrue();
		assertThat(other.liveNodes()).contains("staying").doesNotContain("stopping");
	}

	@Test
	void aReleasedClaimIsFreeAndAReleaseByAnotherNodeChangesNothing() {
		// given
		WorkClaims holder = node("releasing");
		WorkClaims other = node("bystander");
		assertThat(holder.claim("copy-backlog", null)).isTrue();

		// when: a node that does not hold it gives it up
		other.release("copy-backlog");

		// then: the holder keeps it
		assertThat(other.claim("copy-backlog", null)).isFalse();

		// when: the holder gives it up
		holder.release("copy-backlog");

		// then
		assertThat(holder.holds("copy-backlog")).isFalse();
		assertThat(other.claim("copy-backlog", null)).isTrue();
	}

	@Test
	void settingsThatCannotWorkAreRefusedWithTheirNames() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> new NodeProperties("n", Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ZERO))
			.hasMessageContaining("morgue.node.heartbeat");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new NodeProperties("n", Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
			.hasMessageContaining("morgue.node.lease");
		assertThat(new NodeProperties(null, LEASE, HEARTBEAT, Duration.ZERO).id())
			.isNotEqualTo(new NodeProperties(" ", LEASE, HEARTBEAT, Duration.ZERO).id());
	}

	private WorkClaims node(String id) {
		WorkClaims node = new WorkClaims(database, new NodeProperties(id, LEASE, HEARTBEAT, Duration.ZERO), timer);
		nodes.add(node);
		return node;
	}

}
