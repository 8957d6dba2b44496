package org.morgue.user;

import java.security.SecureRandom;
import java.util.Base64;

import org.morgue.system.MorgueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start, when there are no users, creates {@code admin} with the password
 * from {@code MORGUE_ADMIN_PASSWORD}, or a generated one printed once in the log.
 */
@Component
class FirstAdminInitializer implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

	private final UserService users;

	private final MorgueProperties properties;

	FirstAdminInitializer(UserService users, MorgueProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean given = StringUtils.hasText(properties.adminPassword());
		String password = given ? properties.adminPassword() : generatePassword();
		if (!users.createFirstAdmin(ADMIN, password)) {
			return;
		}
		if (given) {
			log.info("Created the user '{}' with the password from MORGUE_ADMIN_PASSWORD.", ADMIN);
		}
		else {
			log.warn("""

					Created the user '{}' with the password: {}
					It is shown only this once. Sign in and change it under Account.
					""", ADMIN, password);
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
