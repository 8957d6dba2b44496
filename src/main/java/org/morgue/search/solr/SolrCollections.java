package org.morgue.search.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;

/**
 * Installs the archive's collection on SolrCloud. Searches and updates address an alias
 * (the configured collection name) that points at one collection named
 * {@code <alias>_<UTC time>}, so that a rebuild fills a new collection while the old one
 * serves, and {@link #switchAlias(String) moves the alias} in one step when it is done.
 * <p>
 * The configset comes from the classpath ({@value #CONFIGSET_PATH}) and is uploaded under
 * {@code morgue_<digest of its files>}: a changed schema is a new configset, taken by the
 * next collection created, while collections made with an older one keep theirs.
 * <p>
 * Safe to run on several nodes at once: uploading an existing configset and creating an
 * existing alias are no-ops, and two nodes racing to create the first collection each
 * create one, the alias ending at either; the other stays unused until deleted.
 */
final class SolrCollections {

	static final String CONFIGSET_PATH = "solr/configsets/morgue/conf/";

	/** The configset's files, as they lie under {@link #CONFIGSET_PATH}. */
	static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml", "mapping-quotes.txt");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
		.withZone(ZoneOffset.UTC);

	/** The collection names Solr accepts, which an alias must also keep to. */
	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

	private final CloudSolrClient client;

	private final String alias;

	private final int shards;

	private final int replicationFactor;

	private final Clock clock;

	private final String configSet;

	private final byte[] configSetZip;

	SolrCollections(CloudSolrClient client, String alias, int shards, int replicationFactor, Clock clock) {
		if (!NAME.matcher(alias).matches()) {
			throw new IllegalArgumentException("The Solr collection name '" + alias
					+ "' may hold only letters, digits, '_', '.' and '-', and must start with a letter or digit");
		}
		if (shards < 1 || replicationFactor < 1) {
			throw new IllegalArgumentException("A Solr collection needs at least one shard and one replica, not "
					+ shards + " and " + replicationFactor);
		}
		this.client = client;
		this.alias = alias;
		this.shards = shards;
		this.replicationFactor = replicationFactor;
		this.clock = clock;
		byte[][] files = readConfigSet();
		this.configSet = "morgue_" + digest(files);
		this.configSetZip = zip(files);
	}

	/** The name the configset is uploaded under. */
	String configSetName() {
		return this.configSet;
	}

	/**
	 * Makes sure the configset, a collection and the alias exist, creating what is
	 * missing.
	 * @return the collection the alias points at
	 */
	String install() throws IOException, SolrServerException, InterruptedException {
		uploadConfigSetIfMissing();
		Optional<String> current = aliasedCollection();
		if (current.isPresent()) {
			return current.get();
		}
		String collection = createCollection();
		switchAlias(collection);
		return collection;
	}

	/** Uploads the configset unless Solr has it. */
	void uploadConfigSetIfMissing() throws IOException, SolrServerException {
		if (new ConfigSetAdminRequest.List().process(this.client).getConfigSets().contains(this.configSet)) {
			return;
		}
		ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload().setConfigSetName(this.configSet)
			.setUploadStream(new ContentStreamBase.ByteArrayStream(this.configSetZip, this.configSet + ".zip",
					"application/zip"))
			.setOverwrite(false);
		upload.process(this.client);
	}

	/** The collection the alias points at, if there is one. */
	Optional<String> aliasedCollection() throws IOException, SolrServerException {
		CollectionAdminResponse response = new CollectionAdminRequest.ListAliases().process(this.client);
		return Optional.ofNullable(response.getAliasesAsLists().get(this.alias)).flatMap(c -> c.stream().findFirst());
	}

	/**
	 * Creates a new, empty collection with the current configset (uploading it when
	 * missing), and waits until all its replicas are active. The alias is left as it is.
	 * @return the new collection's name
	 */
	String createCollection() throws IOException, SolrServerException, InterruptedException {
		uploadConfigSetIfMissing();
		String collection = this.alias + "_" + STAMP.format(this.clock.instant());
		CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, this.configSet,
				this.shards, this.replicationFactor);
		create.setWaitForFinalState(true);
		check(create.process(this.client), "create the collection " + collection);
		return collection;
	}

	/**
	 * Points the alias at a collection, for searches and updates from then on.
	 * @return the collection it pointed at before, if any
	 */
	Optional<String> switchAlias(String collection) throws IOException, SolrServerException {
		Optional<String> previous = aliasedCollection();
		check(CollectionAdminRequest.createAlias(this.alias, collection).process(this.client),
				"point the alias " + this.alias + " at " + collection);
		return previous;
	}

	/** Deletes a collection (one the alias no longer points at) and its data. */
	void deleteCollection(String collection) throws IOException, SolrServerException {
		if (aliasedCollection().filter(collection::equals).isPresent()) {
			throw new IllegalStateException("The collection " + collection + " is the one " + this.alias + " serves");
		}
		check(CollectionAdminRequest.deleteCollection(collection).process(this.client),
				"delete the collection " + collection);
	}

	private static void check(CollectionAdminResponse response, String action) {
		NamedList<String> errors = response.getErrorMessages();
		if (errors != null && errors.size() > 0) {
			throw new IllegalStateException("SolrCloud could not " + action + ": " + errors);
		}
	}

	private static byte[][] readConfigSet() {
		byte[][] files = new byte[CONFIGSET_FILES.size()][];
		ClassLoader loader = SolrCollections.class.getClassLoader();
		for (int i = 0; i < files.length; i++) {
			String path = CONFIGSET_PATH + CONFIGSET_FILES.get(i);
			try (InputStream in = loader.getResourceAsStream(path)) {
				if (in == null) {
					throw new IllegalStateException("The Solr configset file " + path + " is not on the classpath");
				}
				files[i] = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	private static String digest(byte[][] files) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (int i = 0; i < files.length; i++) {
				sha.update(CONFIGSET_FILES.get(i).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(files[i]);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] zip(byte[][] files) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < files.length; i++) {
				zip.putNextEntry(new ZipEntry(CONFIGSET_FILES.get(i)));
				zip.write(files[i]);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
