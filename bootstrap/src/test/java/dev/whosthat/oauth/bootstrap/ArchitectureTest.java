package dev.whosthat.oauth.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rule of DESIGN.md, and the habits the event loop depends on. */
class ArchitectureTest {

    private static final String ROOT = "dev.whosthat.oauth";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String MEMORY = ROOT + ".adapter.memory..";
    private static final String POSTGRES = ROOT + ".adapter.postgres..";
    private static final String HTTP = ROOT + ".adapter.http..";
    private static final String BOOTSTRAP = ROOT + ".bootstrap..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyModuleIsPresentInTheImport() {
        org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith(ROOT + ".domain"))
                .anyMatch(p -> p.startsWith(ROOT + ".application"))
                .anyMatch(p -> p.startsWith(ROOT + ".adapter.memory"))
                .anyMatch(p -> p.startsWith(ROOT + ".adapter.http"))
                .anyMatch(p -> p.startsWith(ROOT + ".bootstrap"));
    }

    @Test
    void domainUsesOnlyTheJdkAndItself() {
        check(classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.."));
    }

    @Test
    void applicationUsesOnlyTheJdkTheDomainAndItself() {
        check(classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java.."));
    }

    /** Metrics are the host's choice: the HTTP adapter reports through its own observation hook. */
    @Test
    void onlyBootstrapKnowsMicrometer() {
        check(noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.vertx.micrometer.."));
    }

    @Test
    void storageAdaptersSeeOnlyTheDomain() {
        check(noClasses().that().resideInAnyPackage(MEMORY, POSTGRES)
                .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, HTTP, BOOTSTRAP));
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        check(noClasses().that().resideInAPackage(MEMORY).should().dependOnClassesThat().resideInAnyPackage(POSTGRES, HTTP));
        // The PostgreSQL adapter may not have classes yet; the rule must hold once it has.
        check(noClasses().that().resideInAPackage(POSTGRES).should().dependOnClassesThat().resideInAnyPackage(MEMORY, HTTP)
                .allowEmptyShould(true));
        check(noClasses().that().resideInAPackage(HTTP).should().dependOnClassesThat().resideInAnyPackage(MEMORY, POSTGRES));
    }

    @Test
    void onlyBootstrapSeesBootstrap() {
        check(noClasses().that().resideOutsideOfPackage(BOOTSTRAP).should().dependOnClassesThat().resideInAPackage(BOOTSTRAP));
    }

    @Test
    void httpAdapterKnowsNoSql() {
        check(noClasses().that().resideInAPackage(HTTP)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.vertx.sqlclient..", "io.vertx.pgclient.."));
    }

    @Test
    void nothingOutsideBootstrapBlocksOnAFuture() {
        check(noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                .should().callMethod(java.util.concurrent.CompletableFuture.class, "join")
                .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "get")
                .orShould().callMethod(java.util.concurrent.Future.class, "get")
                .because("an event loop must never block; bridge stages instead"));
    }

    @Test
    void asyncContinuationsNameTheirExecutor() {
        check(noClasses().should().callMethodWhere(asyncWithoutExecutor())
                .because("*Async without an executor runs on the common pool, out of our control"));
    }

    @Test
    void timeComesFromAnInjectedClock() {
        check(noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone"));
    }

    private static DescribedPredicate<JavaCall<?>> asyncWithoutExecutor() {
        return DescribedPredicate.describe("an *Async method without an Executor parameter", call ->
                call.getName().endsWith("Async")
                        && call.getTargetOwner().isAssignableTo(java.util.concurrent.CompletionStage.class)
                        && call.getTarget().getRawParameterTypes().stream().noneMatch(p -> p.isAssignableTo(Executor.class)));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
