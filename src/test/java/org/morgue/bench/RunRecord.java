package org.morgue.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Figures that are measured only when the work is done (loading, the tsvector column, the
 * GIN index, a rebuild), kept next to the data in {@code bench-run.properties}, so that a
 * later run which reuses the data still reports them, marked as coming from an earlier
 * run.
 */
final class RunRecord {

	private final Path file;

	private final Properties values = new Properties();

	private RunRecord(Path file) {
		this.file = file;
	}

	static RunRecord in(Path benchDir) {
		RunRecord record = new RunRecord(benchDir.resolve("bench-run.properties"));
		if (Files.isRegularFile(record.file)) {
			try (Reader reader = Files.newBufferedReader(record.file)) {
				record.values.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return record;
	}

	void put(String key, Object value) {
		values.setProperty(key, String.valueOf(value));
		save();
	}

	void remove(String... keys) {
		for (String key : keys) {
			values.remove(key);
		}
		save();
	}

	String get(String key) {
		return values.getProperty(key);
	}

	Double number(String key) {
		String value = values.getProperty(key);
		return (value != null) ? Double.valueOf(value) : null;
	}

	private void save() {
		try (Writer writer = Files.newBufferedWriter(file)) {
			values.store(writer, "Figures of the work done on this benchmark data (see docs/benchmarks.md)");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
