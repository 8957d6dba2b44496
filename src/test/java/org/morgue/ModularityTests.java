package org.morgue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure holds: no cycles, modules use each other's public root types only,
 * and the search index stays the search module's own.
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

	/**
	 * Lucene is the search module's business: another module that needs to know about the
	 * index (that it is in use, say) asks the search module's API, whose exceptions are
	 * its own.
	 */
	@Test
	void onlyTheSearchModuleUsesLucene() {
		noClasses().that()
			.resideOutsideOfPackage("org.morgue.search..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.lucene..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.morgue"));
	}

}
