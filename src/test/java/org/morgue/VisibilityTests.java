package org.morgue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Visibility is the architecture: a module's public types are the ones other modules use,
 * and no more (Spring Modulith checks that modules use only those; this checks that there
 * are no others), entities and repositories stay inside their module, and threads are
 * started in one place.
 */
class VisibilityTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.morgue");

	/**
	 * The main classes and the tests, which may use a module's API from outside as well.
	 */
	private static final JavaClasses ALL = new ClassFileImporter().importPackages("org.morgue");

	@Test
	void aModulesPublicTypesAreThoseOtherModulesUse() {
		Set<String> api = api();
		classes().that()
			.arePublic()
			.and()
			.areTopLevelClasses()
			.and()
			.resideOutsideOfPackage("org.morgue")
			.and(DescribedPredicate.describe("main code", (JavaClass type) -> MAIN.contain(type.getName())))
			// What a module throws reaches its callers whether or not they name it.
			.and()
			.areNotAssignableTo(Throwable.class)
			// The compiler copies constants into the code that reads them, so their use
			// leaves no trace in the class files.
			.and(DescribedPredicate
				.not(DescribedPredicate.describe("hold only compile-time constants", VisibilityTests::constantsOnly)))
			.should(new ArchCondition<>("be used by another module or part of what it uses") {

				@Override
				public void check(JavaClass type, ConditionEvents events) {
					if (!api.contains(type.getName())) {
						events.add(SimpleConditionEvent.violated(type,
								type.getName() + " is public, but no other module uses it or a type it uses"));
					}
				}

			})
			.because("a type no other module uses belongs inside its module: package-private")
			.check(ALL);
	}

	@Test
	void entitiesAndRepositoriesStayInsideTheirModule() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.or()
			.areAssignableTo(Repository.class)
			.should()
			.notBePublic()
			.check(MAIN);
	}

	@Test
	void threadsAreStartedByWorkersAlone() {
		noClasses().that()
			.resideOutsideOfPackage("org.morgue.system")
			.should()
			.callMethodWhere(targetOwner(Executors.class))
			.orShould()
			.callConstructor(Thread.class, Runnable.class)
			.orShould()
			.callConstructor(Thread.class, Runnable.class, String.class)
			.orShould()
			.callConstructor(ThreadPoolTaskExecutor.class)
			.orShould()
			.callMethod(Collection.class, "parallelStream")
			.orShould()
			.callMethod(List.class, "parallelStream")
			.orShould()
			.callMethodWhere(targetOwner(ForkJoinPool.class))
			.orShould()
			.callMethod(CompletableFuture.class, "supplyAsync", Supplier.class)
			.orShould()
			.callMethod(CompletableFuture.class, "runAsync", Runnable.class)
			.because("system.Workers owns the archive's threads and sizes them together for the machine")
			.check(MAIN);
	}

	private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> targetOwner(Class<?> owner) {
		return DescribedPredicate.describe("a method of " + owner.getSimpleName(),
				call -> call.getTargetOwner().isEquivalentTo(owner));
	}

	/**
	 * The types of the modules' APIs: those that code of another module (or its tests)
	 * uses, and those that the public members of such a type take or give (a record's
	 * components, a method's result), without which it could not be used.
	 */
	private static Set<String> api() {
		Set<String> api = new HashSet<>();
		Deque<JavaClass> exposing = new ArrayDeque<>();
		for (JavaClass type : ALL) {
			if (MAIN.contain(type.getName()) && type.getPackageName().startsWith("org.morgue.")
					&& type.getDirectDependenciesToSelf()
						.stream()
						.anyMatch(dependency -> !module(dependency.getOriginClass()).equals(module(type)))
					&& api.add(topLevel(type).getName())) {
				exposing.add(topLevel(type));
				exposing.add(type);
			}
		}
		while (!exposing.isEmpty()) {
			JavaClass type = exposing.pop();
			List<JavaType> exposed = new ArrayList<>();
			type.getMethods()
				.stream()
				.filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
				.forEach(method -> {
					exposed.add(method.getReturnType());
					exposed.addAll(method.getParameterTypes());
				});
			type.getConstructors()
				.stream()
				.filter(constructor -> constructor.getModifiers().contains(JavaModifier.PUBLIC))
				.forEach(constructor -> exposed.addAll(constructor.getParameterTypes()));
			exposed.stream().flatMap(javaType -> javaType.getAllInvolvedRawTypes().stream()).forEach(raw -> {
				JavaClass top = topLevel(raw);
				if (top.getPackageName().startsWith("org.morgue") && MAIN.contain(top.getName())
						&& api.add(top.getName())) {
					exposing.add(top);
				}
			});
		}
		return api;
	}

	/**
	 * Whether the type's public members are all constants of primitive or string type,
	 * such as a module's limits, which other modules may read in annotations.
	 */
	private static boolean constantsOnly(JavaClass type) {
		boolean publicMethods = type.getMethods()
			.stream()
			.anyMatch(method -> method.getModifiers().contains(JavaModifier.PUBLIC));
		boolean publicConstructors = type.getConstructors()
			.stream()
			.anyMatch(constructor -> constructor.getModifiers().contains(JavaModifier.PUBLIC));
		List<com.tngtech.archunit.core.domain.JavaField> fields = type.getFields()
			.stream()
			.filter(field -> field.getModifiers().contains(JavaModifier.PUBLIC))
			.toList();
		return !publicMethods && !publicConstructors && !fields.isEmpty()
				&& fields.stream()
					.allMatch(field -> field.getModifiers().contains(JavaModifier.STATIC)
							&& field.getModifiers().contains(JavaModifier.FINAL)
							&& (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class)));
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass top = type;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		return top;
	}

	/**
	 * The module of a type: the package under {@code org.morgue}; the application itself
	 * is its own.
	 */
	private static String module(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith("org.morgue.")) {
			return name;
		}
		String rest = name.substring("org.morgue.".length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
