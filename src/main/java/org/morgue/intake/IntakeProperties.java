package org.morgue.intake;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the server may fetch, and how.
 *
 * @param allowPrivateAddresses whether the server may fetch from loopback, link-local and
 * private addresses at all (off: a fetch is a door into the newsroom's network)
 * @param allowedHosts hosts (or host:port) it may fetch from although their addresses are
 * private, such as an agency's feed server inside the newsroom
 * @param fetchTimeout the longest a fetch may take to connect, and to answer
 * @param maxFetchBytes the most a fetched document may hold
 */
@ConfigurationProperties("morgue.intake")
record IntakeProperties(@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue("") List<String> allowedHosts, @DefaultValue("15s") Duration fetchTimeout,
		@DefaultValue("20MB") DataSize maxFetchBytes) {

	IntakeProperties {
		allowedHosts = (allowedHosts != null)
				? allowedHosts.stream().map(String::strip).filter((h) -> !h.isEmpty()).toList() : List.of();
	}

}
