package dev.resonitelink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package structure the README draws ("Architecture"), kept true: feature packages form a DAG in which each
 * feature uses only the features listed for it, the shared packages ({@code web}, {@code settings} and the root)
 * use no feature, {@code boundary -> control -> entity} inside every feature, Nimbus only in {@code oauth/control},
 * no servlet API below the boundary, and nothing specific to one application server.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.resonitelink";

    /** Which packages each feature may use, besides itself and the root package; the README's diagram. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("views", Set.of("event", "organizer", "link", "webhook", "audit", "web", "settings"));
        ALLOWED.put("privacy", Set.of("event", "signin", "account", "link", "webhook", "audit", "ops", "web", "settings"));
        ALLOWED.put("event", Set.of("organizer", "account", "link", "webhook", "audit", "ops", "web", "settings"));
        ALLOWED.put("organizer", Set.of("account", "link", "webhook", "audit", "web", "settings"));
        ALLOWED.put("signin", Set.of("account", "oauth", "web", "settings"));
        ALLOWED.put("account", Set.of("link", "oauth", "audit", "web", "settings"));
        ALLOWED.put("refresh", Set.of("link", "oauth", "sealing", "ops", "settings"));
        ALLOWED.put("link", Set.of("oauth", "sealing", "webhook", "audit", "ops", "web", "settings"));
        ALLOWED.put("webhook", Set.of("audit", "ops", "web", "settings"));
        ALLOWED.put("oauth", Set.of("ops", "web", "settings"));
        ALLOWED.put("sealing", Set.of("settings"));
        ALLOWED.put("audit", Set.of("web", "settings"));
        ALLOWED.put("ops", Set.of("settings"));
        ALLOWED.put("web", Set.of("settings"));
        ALLOWED.put("settings", Set.of());
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyThePackagesTheReadmeAllowsIt() {
        return ALLOWED.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(entry.getKey()) && !entry.getValue().contains(other))
                    .map(other -> ROOT + "." + other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .check(classes);
        }));
    }

    @Test
    void theReadmeDiagramNamesExactlyTheAllowedArrows() throws java.io.IOException {
        Map<String, Set<String>> drawn = new LinkedHashMap<>();
        java.util.regex.Matcher arrows = java.util.regex.Pattern.compile("(?m)^(\\w+)\\s+──> ([\\w, ]+)$")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")));
        while (arrows.find()) {
            drawn.put(arrows.group(1), Set.of(arrows.group(2).trim().split(",\\s*")));
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        ALLOWED.forEach((feature, uses) -> {
            Set<String> features = new java.util.TreeSet<>(uses);
            features.remove("settings");
            if (!features.isEmpty()) {
                allowed.put(feature, features);
            }
        });
        org.assertj.core.api.Assertions.assertThat(drawn).as("the README's diagram").isEqualTo(allowed);
    }

    @Test
    void everyFeaturePackageIsInTheDiagram() {
        List<String> unknown = classes.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct()
                .filter(feature -> !ALLOWED.containsKey(feature))
                .toList();
        org.assertj.core.api.Assertions.assertThat(unknown).as("packages missing from ALLOWED and the README").isEmpty();
    }

    @Test
    void theRootPackageUsesNoFeature() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage(ALLOWED.keySet().stream()
                        .map(feature -> ROOT + "." + feature + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void boundaryUsesControlUsesEntityNeverTheOtherWay() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..").check(classes);
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..control..").check(classes);
    }

    @Test
    void nimbusIsUsedOnlyInOauthControl() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".oauth.control..")
                .should().dependOnClassesThat().resideInAPackage("com.nimbusds..").check(classes);
    }

    @Test
    void theServletApiStaysInBoundariesAndWebPlumbing() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..", ROOT + ".settings..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..").check(classes);
    }

    @Test
    void nothingDependsOnOneApplicationServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("fish.payara..", "org.glassfish..",
                "com.sun.enterprise..", "com.hazelcast..", "org.jboss..", "org.wildfly..", "io.undertow..",
                "org.infinispan..", "org.eclipse.persistence..", "org.hibernate..", "org.eclipse.yasson..")
                .check(classes);
    }
}
