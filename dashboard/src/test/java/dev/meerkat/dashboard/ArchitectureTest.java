package dev.meerkat.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
