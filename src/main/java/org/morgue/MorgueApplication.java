package org.morgue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Morgue, a self-hosted news-article archive.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MorgueApplication {

	public static void main(String[] args) {
		SpringApplication.run(MorgueApplication.class, args);
	}

}
