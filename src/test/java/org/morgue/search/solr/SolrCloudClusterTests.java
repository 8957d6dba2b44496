package org.morgue.search.solr;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.morgue.search.SolrTestCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive's collection on a SolrCloud of two nodes with two replicas of its shard:
 * installed from the repository's configset, analysed as the embedded index is, and
 * searched and written through with one node down. SolrJ from the application's classpath
 * talks to an in-process cluster started from Solr's own test framework.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudClusterTests {

	private static final String ALIAS = "morgue";

	private static SolrTestCluster cluster;

	private static CloudSolrClient client;

	private static SolrCollections collections;

	private static String collection;

	private static final SolrRetries retries = new SolrRetries(Duration.ofSeconds(30));

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = SolrTestCluster.start(2);
		client = new CloudSolrClient.Builder(List.of(cluster.zkHost()), Optional.of(cluster.zkChroot())).build();
		collections = new SolrCollections(client, ALIAS, 1, 2, Clock.systemUTC());
		collection = collections.install();
		cluster.waitForActiveCollection(collection, 1, 2);
		client.add(ALIAS, List.of(
				article(1, "Juntaʼs troops stabilise the situation in the capital",
						"Soldiers stabilised the streets overnight.", "Reuters"),
				article(2, "Markets stabilising", "Traders said prices were stabilising after the junta spoke.", "AP"),
				article(3, "Harvest festival", "The village celebrated the harvest.", "Reuters")));
		client.commit(ALIAS);
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (client != null) {
			client.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void installsTheConfigSetACollectionAndTheAliasOnce() throws Exception {
		// given the collection installed before the tests

		// when installing again
		String again = collections.install();

		// then nothing new is made: the alias still serves the one collection, of two
		// replicas
		assertThat(again).isEqualTo(collection);
		assertThat(collection).startsWith(ALIAS + "_");
		assertThat(collections.aliasedCollection()).contains(collection);
		assertThat(new ConfigSetAdminRequest.List().process(client).getConfigSets())
			.contains(collections.configSetName());
		DocCollection state = client.getClusterState().getCollection(collection);
		assertThat(state.getConfigName()).isEqualTo(collections.configSetName());
		assertThat(state.getSlice("shard1").getReplicas()).hasSize(2)
			.extracting(Replica::getNodeName)
			.containsExactlyInAnyOrder(cluster.nodeName(0), cluster.nodeName(1));
	}

	@Test
	@Order(2)
	void searchesStemsExactPhrasesAndCountsSources() throws Exception {
		// when
		List<String> stems = ids("text:stabilising");
		List<String> phrase = ids("text_exact:\"stabilise the situation\"");
		List<String> exactWord = ids("text_exact:stabilising");
		List<String> possessive = ids("text:junta");
		List<String> typographicApostrophe = ids("text_exact:\"junta's troops\"");
		QueryResponse facets = client.query(ALIAS,
				new SolrQuery("text:harvest OR text:stabilise").setFacet(true).addFacetField("source_name").setRows(0));

		// then
		assertThat(stems).containsExactlyInAnyOrder("1", "2");
		assertThat(phrase).containsExactly("1");
		assertThat(exactWord).containsExactly("2");
		assertThat(possessive).containsExactlyInAnyOrder("1", "2");
		assertThat(typographicApostrophe).containsExactly("1");
		FacetField sources = facets.getFacetField("source_name");
		assertThat(sources.getValues()).extracting(FacetField.Count::getName, FacetField.Count::getCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Reuters", 2L),
					org.assertj.core.groups.Tuple.tuple("AP", 1L));
	}

	@Test
	@Order(3)
	void refusesADocumentWithAFieldTheSchemaLacks() {
		// given
		SolrInputDocument doc = article(9, "Stray", "A field no one declared.", "AP");
		doc.addField("headline_guess", "x");

		long start = System.nanoTime();

		// when, then: refused at once, not retried
		assertThatThrownBy(() -> retries.call(() -> client.add(ALIAS, doc))).hasMessageContaining("headline_guess");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	@Order(4)
	void searchesAndWritesWithTheLeadersNodeStoppedAndTheNodeCatchesUpOnRestart() throws Exception {
		// given the node that holds the shard's leader stopped
		String leaderNode = client.getClusterState()
			.getCollection(collection)
			.getSlice("shard1")
			.getLeader()
			.getNodeName();
		int stopped = cluster.nodeIndex(leaderNode);
		cluster.stopNode(stopped);

		// when searching and writing at once, without waiting for the cluster to settle,
		// as
		// the archive does (retrying what fails while a new leader is elected)
		List<String> found = ids("text:harvest");
		List<SolrInputDocument> written = new ArrayList<>();
		List<Integer> replication = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			SolrInputDocument doc = article(100 + i, "Flood warning " + i, "The river rose overnight.", "AP");
			UpdateRequest update = new UpdateRequest();
			update.add(doc);
			UpdateResponse response = retries.call(() -> update.process(client, ALIAS));
			replication.add(client.getMinAchievedReplicationFactor(collection, response.getResponse()));
			written.add(doc);
			assertThat(ids("text:harvest")).containsExactly("3");
		}
		retries.call(() -> client.commit(ALIAS));

		// then no request failed, every write was taken by the remaining replica, and all
		// is found
		assertThat(found).containsExactly("3");
		assertThat(replication).allMatch((rf) -> rf >= 1);
		assertThat(retries.call(() -> client.query(ALIAS, new SolrQuery("text:flood"))).getResults().getNumFound())
			.isEqualTo(20);

		// when the node comes back
		cluster.restartNode(stopped);
		cluster.waitForActiveCollection(collection, 1, 2);

		// then its replica holds what was written while it was down, and takes new writes
		// again
		UpdateRequest after = new UpdateRequest();
		after.add(article(200, "Flood receding", "The river fell.", "AP"));
		assertThat(client.getMinAchievedReplicationFactor(collection, after.process(client, ALIAS).getResponse()))
			.isEqualTo(2);
		client.commit(ALIAS);
		Replica back = client.getClusterState()
			.getCollection(collection)
			.getSlice("shard1")
			.getReplicas((r) -> r.getNodeName().equals(leaderNode))
			.get(0);
		try (Http2SolrClient direct = new Http2SolrClient.Builder(back.getBaseUrl()).build()) {
			SolrQuery local = new SolrQuery("text:flood").setParam("distrib", false);
			assertThat(direct.query(back.getCoreName(), local).getResults().getNumFound()).isEqualTo(21);
			assertThat(direct.query(back.getCoreName(), new SolrQuery("*:*").setParam("distrib", false))
				.getResults()
				.getNumFound()).isEqualTo(24);
		}
	}

	private static List<String> ids(String query) throws Exception {
		QueryResponse response = retries
			.call(() -> client.query(ALIAS, new SolrQuery(query).setFields("id").setRows(100)));
		return response.getResults().stream().map((doc) -> (String) doc.getFieldValue("id")).toList();
	}

	private static SolrInputDocument article(long id, String title, String body, String source) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.addField("id", Long.toString(id));
		doc.addField("id_value", id);
		doc.addField("version", 1L);
		doc.addField("title", title);
		doc.addField("text", title);
		doc.addField("text", title);
		doc.addField("text", body);
		doc.addField("source", source.toLowerCase(java.util.Locale.ROOT));
		doc.addField("source_name", source);
		doc.addField("copy_group", 0L);
		return doc;
	}

}
