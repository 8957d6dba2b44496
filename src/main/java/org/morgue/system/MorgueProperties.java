package org.morgue.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that belong to the whole archive.
 *
 * @param dataDir where the archive keeps its files: the embedded database (when used)
 * and, later, the search index. Environment variable {@code MORGUE_DATA_DIR}.
 * @param adminPassword the password of the {@code admin} user created on first start;
 * when empty a password is generated and printed once in the log. Environment variable
 * {@code MORGUE_ADMIN_PASSWORD}.
 */
@ConfigurationProperties("morgue")
public record MorgueProperties(@DefaultValue("./data") Path dataDir, String adminPassword) {

	public Path dataDir() {
		return dataDir.toAbsolutePath().normalize();
	}

}
