package io.indobase.realtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's shape, read from its compiled classes (this module's {@code target/classes}, not the test classpath):
 * its packages form no cycle, it knows no WebSocket type, and the packages every feature uses ({@code json},
 * {@code stats}) use no feature.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void theCorePackagesFormNoCycle() {
        slices().matching("io.indobase.realtime.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void theCoreKnowsNoWebSocketType() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.websocket..").check(core);
    }

    @Test
    void countersAndJsonDependOnNoFeature() {
        String[] shared = {"io.indobase.realtime.stats..", "io.indobase.realtime.json.."};
        noClasses().that().resideInAnyPackage(shared)
                .should().dependOnClassesThat(resideInAPackage("io.indobase.realtime..").and(not(resideInAnyPackage(shared))))
                .check(core);
    }
}
