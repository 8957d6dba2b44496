package org.morgue.copies;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Reads {@code morgue.copies.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CopiesProperties.class)
class CopiesConfiguration {

}
