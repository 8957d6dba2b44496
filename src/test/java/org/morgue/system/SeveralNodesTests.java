package org.morgue.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.morgue.Eventually;
import org.morgue.article.ArticleService;
import org.morgue.copies.CopyBacklog;
import org.morgue.ingest.CopyCorrections;
import org.morgue.ingest.IngestService;
import org.morgue.search.ArticleSearch;
import org.morgue.search.SearchRequest;
import org.morgue.transfer.ImportBusyException;
import org.morgue.transfer.ImportJobs;
import org.morgue.user.SignInAudit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * This archive as one of several nodes on its PostgreSQL, the other node being rows of
 * its own in {@code work_claim} and {@code event_publication} as that node would write
 * them: work the other holds is not done here, and what it left when it died is.
 */
@SpringBootTest(properties = { "morgue.node.lease=2s", "morgue.node.heartbeat=500ms" })
class SeveralNodesTests {

	@Autowired
	WorkClaims claims;

	@Autowired
	NodePublications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IngestService ingest;

	@Autowired
	ArticleSearch search;

	@Autowired
	ArticleService articles;

	@Autowired
	ImportJobs imports;

	@Autowired
	CopyBacklog copies;

	@Autowired
	SignInAudit audit;

	private final String other = "other-node-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void otherNodeGoes() {
		jdbc.sql("delete from work_claim where holder = :other").param("other", other).update();
	}

	@Test
	void theEventsADeadNodeLeftAreDeliveredHereAndALiveNodesAreLeftToIt() {
		// given: two indexed articles
		String word = "nd" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long leftByDead = save("A story a dead node was removing from the index: " + word + ".");
		long inFlightElsewhere = save("A story a live node is removing from the index: " + word + ".");
		Eventually.until(() -> search.search(SearchRequest.of(word)).total(), total -> total == 2);
		// and: the deletion of each published by another node that did not finish it, the
		// first by a node that died, the second by one that runs
		heartbeat(other, Duration.ofMinutes(5));
		UUID dead = publication(leftByDead, "dead-node-" + UUID.randomUUID());
		UUID live = publication(inFlightElsewhere, other);

		// when: this node looks for the events of nodes that stopped
		int delivered = publications.takeOver(false);

		// then: the dead node's is delivered here and done, the live node's left to it
		assertThat(delivered).isGreaterThanOrEqualTo(1);
		Eventually.until(() -> exists(dead), exists -> !exists);
		assertThat(search.search(SearchRequest.of(word)).hits()).extracting(hit -> hit.id())
			.containsExactly(inFlightElsewhere);
		assertThat(exists(live)).isTrue();
		assertThat(publishedBy(live)).isEqualTo(other);

		// when: that node dies too, and its lease runs out
		jdbc.sql("update work_claim set expires_at = now() - interval '1 second' where holder = :other")
			.param("other", other)
			.update();
		publications.takeOver(false);

		// then: its work is done here as well
		Eventually.until(() -> exists(live), exists -> !exists);
		Eventually.until(() -> search.search(SearchRequest.of(word)).total(), total -> total == 0);
		// and: the articles go, so that the database and the index agree again
		articles.delete(leftByDead);
		articles.delete(inFlightElsewhere);
	}

	@Test
	void anImportIsRefusedOnThisNodeWhileAnotherRunsOneAndStartsOnceThatNodeDied() throws Exception {
		// given: another node runs an import
		claim(other, "import", "jdoe", Duration.ofMinutes(5));
		Path folder = imports.newUploadFolder();
		Files.writeString(folder.resolve("one.ndjson"),
				"{\"title\": \"Claimed import\", \"body\": \"An import this node starts once the other died "
						+ UUID.randomUUID() + ".\"}\n");

		// when / then: refused, saying who and where, and the upload is removed
		assertThatThrownBy(imports::checkNotBusy).isInstanceOf(ImportBusyException.class)
			.hasMessageContaining("jdoe")
			.hasMessageContaining(other);
		assertThatThrownBy(() -> imports.start(folder, "admin")).isInstanceOf(ImportBusyException.class)
			.hasMessageContaining(other);
		assertThat(folder).doesNotExist();

		// when: the other node dies mid-import, and its lease runs out
		jdbc.sql("update work_claim set expires_at = now() - interval '1 second' where holder = :other")
			.param("other", other)
			.update();
		Path again = imports.newUploadFolder();
		Files.writeString(again.resolve("one.ndjson"),
				"{\"title\": \"Claimed import\", \"body\": \"An import this node starts once the other died "
						+ UUID.randomUUID() + ".\"}\n");

		// then: this node imports, holding the claim while it does, and gives it up
		imports.start(again, "admin");
		Eventually.until(() -> imports.current().orElseThrow(), job -> !job.running(), Duration.ofSeconds(60));
		assertThat(imports.current().orElseThrow().summary().created()).isEqualTo(1);
		Eventually.until(() -> claims.holder("import").isPresent(), held -> !held);
	}

	@Test
	void theCopyBacklogWaitsWhileAnotherNodeWorksItAndDoesWhatADeadNodeLeft() {
		// given: an article whose signature is of an older version, as in an archive the
		// backlog has not reached
		long id = save("A story waiting for the copy backlog " + UUID.randomUUID() + ", told at some length so "
				+ "that it has shingles enough to be signed like every other story of the archive.");
		Eventually.until(() -> signatureVersion(id), version -> version != null);
		int current = signatureVersion(id);
		jdbc.sql("update article_copy set signature_version = signature_version - 1 where article_id = :id")
			.param("id", id)
			.update();
		// and: another node works the backlog off
		claim(other, "copy-backlog", "start-up", Duration.ofMinutes(5));

		// when
		boolean started = Eventually.until(() -> copies.start("test"), start -> start);

		// then: this node waits, saying for whom, and signs nothing
		assertThat(started).isTrue();
		WorkProgress waiting = Eventually.until(copies::progress, progress -> progress.reason().startsWith("waiting"));
		assertThat(waiting.reason()).contains(other);
		assertThat(copies.start("again")).as("one run at a time").isFalse();
		assertThat(signatureVersion(id)).isEqualTo(current - 1);

		// when: the other node dies and its lease runs out
		jdbc.sql("update work_claim set expires_at = now() - interval '1 second' where holder = :other")
			.param("other", other)
			.update();

		// then: this node takes the backlog over and does the work left
		Eventually.until(copies::progress, progress -> progress.state() == WorkProgress.State.DONE,
				Duration.ofSeconds(60));
		assertThat(signatureVersion(id)).isEqualTo(current);
	}

	@Test
	void theAuditPurgeIsLeftToTheNodeAtIt() {
		// given
		claim(other, "sign-in-audit-purge", null, Duration.ofMinutes(5));

		// when / then: nothing done here, and the other node's claim is untouched
		assertThat(audit.forgetOld()).isZero();
		assertThat(claims.holder("sign-in-audit-purge").orElseThrow().holder()).isEqualTo(other);

		// when: it finishes
		jdbc.sql("delete from work_claim where holder = :other").param("other", other).update();
		audit.forgetOld();

		// then: this node did it, and gave the claim up after
		assertThat(claims.holder("sign-in-audit-purge")).isEmpty();
	}

	private long save(String copy) {
		return ingest.ingestCopy(copy, CopyCorrections.none()).article().id();
	}

	/** The other node's presence, renewed as its heartbeat would. */
	private void heartbeat(String node, Duration lease) {
		claim(node, "node:" + node, null, lease);
	}

	private void claim(String node, String name, String detail, Duration lease) {
		jdbc.sql("""
				insert into work_claim (name, holder, claimed_at, expires_at, detail)
				values (:name, :node, now(), now() + make_interval(secs => :secs), :detail)""")
			.param("name", name)
			.param("node", node)
			.param("secs", (double) lease.toSeconds())
			.param("detail", detail)
			.update();
	}

	/** A deletion for the index, published by that node, as Spring Modulith writes it. */
	private UUID publication(long articleId, String node) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into event_publication
						    (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts,
						     published_by)
						values (:id, 'org.morgue.search.ArticleIndexer.on(org.morgue.article.ArticleDeleted)',
						        'org.morgue.article.ArticleDeleted', :event, now() - interval '1 minute', 'PROCESSING', 1, :node)""")
			.param("id", id)
			.param("event", "{\"articleId\":" + articleId + "}")
			.param("node", node)
			.update();
		return id;
	}

	private boolean exists(UUID publication) {
		return jdbc.sql("select count(*) from event_publication where id = :id")
			.param("id", publication)
			.query(Long.class)
			.single() > 0;
	}

	private String publishedBy(UUID publication) {
		return jdbc.sql("select published_by from event_publication where id = :id")
			.param("id", publication)
			.query(String.class)
			.single();
	}

	private Integer signatureVersion(long articleId) {
		return jdbc.sql("select signature_version from article_copy where article_id = :id")
			.param("id", articleId)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

}
