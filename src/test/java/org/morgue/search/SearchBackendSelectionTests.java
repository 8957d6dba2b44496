package org.morgue.search;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.MorgueApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code morgue.search.backend} chooses the engine behind search: the embedded index by
 * default, and a backend this version cannot run stops the start with a message that
 * names the setting, before any index is opened.
 */
@ExtendWith(OutputCaptureExtension.class)
class SearchBackendSelectionTests {

	@TempDir
	Path dataDir;

	@Test
	void withoutTheSettingTheArchiveSearchesItsEmbeddedIndex() {
		// when
		try (ConfigurableApplicationContext archive = start()) {
			// then
			assertThat(archive.getBean(SearchBackend.class)).isInstanceOf(EmbeddedSearchBackend.class);
			assertThat(archive.getBean(SearchProperties.class).backend()).isEqualTo(SearchProperties.Backend.EMBEDDED);
			assertThat(dataDir.resolve("index")).isDirectory();
		}
	}

	@Test
	void solrCloudNotYetAvailableStopsTheStartNamingTheSetting(CapturedOutput output) {
		// when / then
		assertThatThrownBy(() -> start("--morgue.search.backend=solrcloud").close())
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
			.rootCause()
			.satisfies(cause -> assertThat(((InvalidConfigurationPropertyValueException) cause).getName())
				.isEqualTo("morgue.search.backend"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'solrcloud' for configuration property 'morgue.search.backend'")
			.contains("no SolrCloud backend yet");
		assertThat(dataDir.resolve("index")).doesNotExist();
	}

	@Test
	void anUnknownBackendStopsTheStartNamingTheSetting(CapturedOutput output) {
		// when / then
		assertThatThrownBy(() -> start("--morgue.search.backend=elastic").close()).isInstanceOf(RuntimeException.class);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("morgue.search.backend");
		assertThat(dataDir.resolve("index")).doesNotExist();
	}

	private ConfigurableApplicationContext start(String... arguments) {
		return new SpringApplicationBuilder(MorgueApplication.class)
			.properties("server.port=0", "morgue.data-dir=" + dataDir)
			.run(arguments);
	}

}
