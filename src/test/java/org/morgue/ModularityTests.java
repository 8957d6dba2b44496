package org.morgue;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure holds: no cycles, and modules use each other's public root types only.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MorgueApplication.class);

	@Test
	void modulesRespectEachOthersBoundaries() {
		modules.verify();
	}

	@Test
	void articleModuleDependsOnNoOtherFeature() {
		ApplicationModule article = modules.getModuleByName("article").orElseThrow();
		assertThat(article.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
			.isSubsetOf("system");
	}

}
