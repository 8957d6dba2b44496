package org.morgue.system;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive's shared pools: a job never runs more of its tasks at once than it asked
 * for or than there are bulk threads, two jobs take turns, a failed task stops its job,
 * and a batch mapped on the bulk threads keeps its order, also when mapped from a bulk
 * thread itself.
 */
class WorkersTests {

	private final Workers workers = new Workers(2, 3);

	@AfterEach
	void stop() throws InterruptedException {
		workers.close();
	}

	@Test
	void aJobRunsNoMoreTasksAtOnceThanItsParallelism() throws Exception {
		// given
		ParallelWork work = workers.bulk(2);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();

		// when
		for (int i = 0; i < 40; i++) {
			work.submit(() -> {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				Thread.sleep(2);
				running.decrementAndGet();
			});
		}
		work.await();

		// then
		assertThat(most.get()).isEqualTo(2);
		assertThat(workers.bulk(10).parallelism()).isEqualTo(3);
	}

	@Test
	void twoJobsTakeTurnsOnTheBulkThreads() throws Exception {
		// given: one job that would keep every bulk thread busy for long
		ParallelWork slow = workers.bulk(3);
		CountDownLatch release = new CountDownLatch(1);
		for (int i = 0; i < 3; i++) {
			slow.submit(() -> release.await(10, TimeUnit.SECONDS));
		}
		// when: another job starts meanwhile, its tasks wait, then run as soon as a
		// thread is free
		ParallelWork quick = workers.bulk(1);
		AtomicInteger done = new AtomicInteger();
		Thread starter = workers.startJob("quick", () -> {
			try {
				quick.submit(done::incrementAndGet);
				quick.await();
			}
			catch (InterruptedException | ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(50);
		assertThat(done.get()).isZero();
		release.countDown();
		starter.join(5_000);

		// then
		assertThat(done.get()).isEqualTo(1);
		slow.await();
	}

	@Test
	void theFirstFailureStopsTheJob() throws Exception {
		// given
		ParallelWork work = workers.bulk(1);
		AtomicInteger ran = new AtomicInteger();
		work.submit(() -> {
			throw new IllegalStateException("broken batch");
		});

		// then: the job learns of it, and later tasks do not run
		assertThatThrownBy(() -> {
			for (int i = 0; i < 10; i++) {
				work.submit(ran::incrementAndGet);
			}
			work.await();
		}).isInstanceOf(ExecutionException.class).hasRootCauseMessage("broken batch");
		assertThat(ran.get()).isLessThanOrEqualTo(1);
	}

	@Test
	void aBatchMappedOnTheBulkThreadsKeepsItsOrder() throws Exception {
		List<Integer> numbers = IntStream.range(0, 1001).boxed().toList();

		assertThat(workers.map(numbers, n -> n * 2).get())
			.containsExactlyElementsOf(numbers.stream().map(n -> n * 2).toList());
		assertThat(workers.map(List.<Integer>of(), n -> n).get()).isEmpty();
		// from a bulk thread, where waiting for the others could wait for ever, it runs
		// in place
		ParallelWork work = workers.bulk(3);
		AtomicInteger mapped = new AtomicInteger();
		for (int i = 0; i < 3; i++) {
			work.submit(() -> mapped.addAndGet(workers.map(numbers, n -> 1).join().size()));
		}
		work.await();
		assertThat(mapped.get()).isEqualTo(3 * numbers.size());
	}

}
