package org.morgue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * An in-process SolrCloud for tests: Solr's {@code MiniSolrCloudCluster}, with its nodes
 * (each a Jetty with a Solr) and an embedded ZooKeeper, in this JVM.
 * <p>
 * Solr's test framework is not on the test classpath: it brings solr-core, Jetty 10,
 * ZooKeeper's server, JUnit 4 and their versions of much the application also uses. The
 * build resolves it into {@code target/solr-cluster.classpath} (see
 * {@code src/test/solr-cluster/pom.xml}), and this class loads those jars in a class
 * loader whose parent is the platform class loader, so that none of the application's
 * classes, nor their versions, are seen by Solr or see Solr's. The few calls into the
 * cluster are made by reflection, with that loader as the context class loader, which the
 * threads Solr starts inherit. The tests talk to the cluster as the archive does, with
 * SolrJ from the application's classpath, given {@link #zkAddress()}.
 * <p>
 * {@link #close()} shuts the cluster down and deletes its directories. Not thread-safe:
 * one test drives it.
 */
public final class SolrTestCluster implements AutoCloseable {

	/** Where the build lists the test framework's jars. */
	static final Path CLASSPATH_FILE = Path.of("target", "solr-cluster.classpath");

	private static ClassLoader loader;

	private final Object cluster;

	private final Path baseDir;

	/**
	 * The nodes by the index they were started with (Solr renumbers stopped ones away).
	 */
	private final List<Object> nodes;

	private final boolean[] stopped;

	private SolrTestCluster(Object cluster, Path baseDir) {
		this.cluster = cluster;
		this.baseDir = baseDir;
		this.nodes = new ArrayList<>((List<?>) invoke(cluster, "getJettySolrRunners"));
		this.stopped = new boolean[this.nodes.size()];
	}

	/** Starts a cluster of two nodes. */
	public static SolrTestCluster start() {
		return start(2);
	}

	/** Starts a cluster of {@code nodes} nodes and waits until all have joined. */
	public static SolrTestCluster start(int nodes) {
		Path baseDir;
		try {
			baseDir = Files.createTempDirectory("morgue-solrcloud-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			Object cluster = inSolr(() -> {
				Class<?> builderType = solrLoader().loadClass("org.apache.solr.cloud.MiniSolrCloudCluster$Builder");
				Object builder = builderType.getConstructor(int.class, Path.class).newInstance(nodes, baseDir);
				// Solr's metrics registries and JMX reporters: not needed here, and slow
				// to start.
				builderType.getMethod("withMetrics", boolean.class).invoke(builder, false);
				return builderType.getMethod("build").invoke(builder);
			});
			return new SolrTestCluster(cluster, baseDir);
		}
		catch (RuntimeException ex) {
			delete(baseDir);
			throw ex;
		}
	}

	/**
	 * The embedded ZooKeeper's address with Solr's chroot, as {@code host:port/solr}:
	 * what the archive is configured with.
	 */
	public String zkAddress() {
		Object zk = invoke(this.cluster, "getZkServer");
		return (String) invoke(zk, "getZkAddress");
	}

	/** The ZooKeeper host and port, without the chroot. */
	public String zkHost() {
		String address = zkAddress();
		int slash = address.indexOf('/');
		return (slash < 0) ? address : address.substring(0, slash);
	}

	/** The chroot Solr keeps its state under in ZooKeeper, such as {@code /solr}. */
	public String zkChroot() {
		String address = zkAddress();
		int slash = address.indexOf('/');
		return (slash < 0) ? "/" : address.substring(slash);
	}

	/** How many nodes the cluster was started with. */
	public int size() {
		return this.nodes.size();
	}

	/** The base URL of a node, such as {@code http://127.0.0.1:39021/solr}. */
	public String baseUrl(int node) {
		return invoke(this.nodes.get(node), "getBaseUrl").toString();
	}

	/** The node's name in the cluster state, such as {@code 127.0.0.1:39021_solr}. */
	public String nodeName(int node) {
		return (String) invoke(this.nodes.get(node), "getNodeName");
	}

	/** The index of the node with a name in the cluster state. */
	public int nodeIndex(String nodeName) {
		for (int i = 0; i < this.nodes.size(); i++) {
			if (nodeName(i).equals(nodeName)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No node " + nodeName + " in the cluster");
	}

	/**
	 * Waits until a collection has its shards and all its replicas active on live nodes.
	 */
	public void waitForActiveCollection(String collection, int shards, int replicas) {
		inSolr(() -> this.cluster.getClass()
			.getMethod("waitForActiveCollection", String.class, int.class, int.class)
			.invoke(this.cluster, collection, shards, replicas));
	}

	/** Uploads a configset from a directory to ZooKeeper under a name. */
	public void uploadConfigSet(Path directory, String name) {
		inSolr(() -> this.cluster.getClass()
			.getMethod("uploadConfigSet", Path.class, String.class)
			.invoke(this.cluster, directory, name));
	}

	/** Stops a node (as a crash would, but orderly) and waits until it has stopped. */
	public void stopNode(int node) {
		if (this.stopped[node]) {
			throw new IllegalStateException("Node " + node + " is already stopped");
		}
		Object jetty = this.nodes.get(node);
		inSolr(() -> {
			Class<?> jettyType = solrLoader().loadClass("org.apache.solr.embedded.JettySolrRunner");
			this.cluster.getClass().getMethod("stopJettySolrRunner", jettyType).invoke(this.cluster, jetty);
			this.cluster.getClass().getMethod("waitForJettyToStop", jettyType).invoke(this.cluster, jetty);
			return null;
		});
		this.stopped[node] = true;
	}

	/**
	 * Starts a stopped node again on its port and with its data, and waits until it has
	 * joined the cluster (its replicas then recover from the others).
	 */
	public void restartNode(int node) {
		if (!this.stopped[node]) {
			throw new IllegalStateException("Node " + node + " is running");
		}
		Object jetty = this.nodes.get(node);
		inSolr(() -> {
			Class<?> jettyType = solrLoader().loadClass("org.apache.solr.embedded.JettySolrRunner");
			this.cluster.getClass()
				.getMethod("startJettySolrRunner", jettyType, boolean.class)
				.invoke(this.cluster, jetty, true);
			this.cluster.getClass().getMethod("waitForNode", jettyType, int.class).invoke(this.cluster, jetty, 60);
			return null;
		});
		this.stopped[node] = false;
	}

	/** Shuts the cluster down and deletes its directories. */
	@Override
	public void close() {
		try {
			inSolr(() -> invoke(this.cluster, "shutdown"));
		}
		finally {
			delete(this.baseDir);
		}
	}

	/**
	 * The class loader of Solr's test framework, made once per JVM: the classes are
	 * loaded once however many clusters the tests start, and live as long as the JVM.
	 */
	static synchronized ClassLoader solrLoader() {
		if (loader == null) {
			loader = new URLClassLoader("solr-test-cluster", urls(), ClassLoader.getPlatformClassLoader());
		}
		return loader;
	}

	private static URL[] urls() {
		if (!Files.isRegularFile(CLASSPATH_FILE)) {
			throw new IllegalStateException("No " + CLASSPATH_FILE + ": the build writes it at generate-test-resources"
					+ " (./mvnw test-compile, or ./mvnw clean if a build stopped half-way)");
		}
		try {
			String list = Files.readString(CLASSPATH_FILE).strip();
			List<URL> urls = new ArrayList<>();
			for (String entry : list.split(java.io.File.pathSeparator)) {
				Path jar = Path.of(entry);
				if (!Files.exists(jar)) {
					throw new IllegalStateException("Solr's test classpath names " + jar
							+ ", which is not there: ./mvnw clean and build again to resolve it anew");
				}
				urls.add(jar.toUri().toURL());
			}
			return urls.toArray(URL[]::new);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static <T> T inSolr(Callable<T> call) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(solrLoader());
		try {
			return call.call();
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("SolrCloud test cluster: " + ex.getCause(), ex.getCause());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("SolrCloud test cluster: " + ex, ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static Object invoke(Object target, String method) {
		try {
			Method m = target.getClass().getMethod(method);
			return m.invoke(target);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("SolrCloud test cluster: " + ex.getCause(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
