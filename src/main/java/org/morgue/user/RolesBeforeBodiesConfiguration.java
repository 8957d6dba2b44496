package org.morgue.user;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link RolesBeforeBodies} for every handler. */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBodiesConfiguration implements WebMvcConfigurer {

	private final RoleHierarchy hierarchy;

	RolesBeforeBodiesConfiguration(RoleHierarchy hierarchy) {
		this.hierarchy = hierarchy;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RolesBeforeBodies(hierarchy));
	}

}
