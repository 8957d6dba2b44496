package org.morgue.api;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the embedded Tomcat answer the requests it refuses itself with problem details
 * ({@link ProblemReportValve}) instead of its HTML error page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ServerErrorConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ServerProperties server) {
		long maxHeaderBytes = server.getMaxHttpRequestHeaderSize().toBytes();
		return factory -> factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			// Added before the host starts; the host adds no valve of its own then, as
			// one of the class it is told to use is there.
			host.setErrorReportValveClass(ProblemReportValve.class.getName());
			host.getPipeline().addValve(new ProblemReportValve(maxHeaderBytes));
		});
	}

}
