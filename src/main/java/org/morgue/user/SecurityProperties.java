package org.morgue.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-ins are checked.
 *
 * @param verifiedCredentialsTtl how long a password, once verified, is taken again
 * without hashing it anew (0: hash it every time)
 * @param verifiedCredentialsMax the most verified credentials kept at once
 */
@ConfigurationProperties("morgue.security")
record SecurityProperties(@DefaultValue("5m") Duration verifiedCredentialsTtl,
		@DefaultValue("10000") int verifiedCredentialsMax) {

}
