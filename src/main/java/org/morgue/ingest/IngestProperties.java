package org.morgue.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what comes in.
 *
 * @param maxBodyBytes the largest body accepted: raw copy, a JSON {@code body} field or
 * an uploaded file, counted in UTF-8 bytes
 */
@ConfigurationProperties("morgue.ingest")
record IngestProperties(@DefaultValue("1MB") DataSize maxBodyBytes) {
}
