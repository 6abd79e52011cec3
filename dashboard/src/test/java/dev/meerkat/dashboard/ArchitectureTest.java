package dev.meerkat.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

@AnalyzeClasses(
    packages = "dev.meerkat.dashboard",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule servicesAndDomainDoNotUseUi =
      noClasses()
          .that()
          .resideInAnyPackage("dev.meerkat.dashboard..service..", "dev.meerkat.dashboard..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.meerkat.dashboard..ui..");

  @ArchTest
  static final ArchRule onlyConfigKnowsClickHouse =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.meerkat.dashboard.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.meerkat.store..clickhouse..");

  @ArchTest
  static final ArchRule domainIsFreeOfSpringAndVaadin =
      noClasses()
          .that()
          .resideInAPackage("dev.meerkat.dashboard..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "com.vaadin..");

  /**
   * Feature packages depend one way: {@code alerting} on {@code slo} (never back), every feature on
   * {@code ui}'s shared layout, and only {@code config} wires them all (no feature reads {@code
   * config}).
   */
  @ArchTest
  static final ArchRule featureSlicesAreFreeOfCycles =
      slices().matching("dev.meerkat.dashboard.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule featuresDoNotReadConfiguration =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.meerkat.dashboard.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.meerkat.dashboard.config..");

  /** SQL stays in each feature's {@code store} package; views and services see interfaces. */
  @ArchTest
  static final ArchRule onlyStoresAndConfigUseJdbc =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.meerkat.dashboard..store..", "dev.meerkat.dashboard.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

  /**
   * With sign-in on, Vaadin refuses a view without an access annotation (it looks like a missing
   * page): every view says who may open it.
   */
  @ArchTest
  static final ArchRule everyViewDeclaresWhoMayOpenIt =
      classes()
          .that()
          .areAnnotatedWith(Route.class)
          .should()
          .beAnnotatedWith(PermitAll.class)
          .orShould()
          .beAnnotatedWith(RolesAllowed.class)
          .orShould()
          .beAnnotatedWith(AnonymousAllowed.class);
}
