package io.indobase.realtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport's shape, read from this module's compiled classes: its packages form no cycle, it knows no JMS type
 * (it meets the broker only through the core), and reflection into the container happens in its two adapters only,
 * {@code transport.tyrus} (the WebSocket runtime) and {@code security.payara} (the realm login), where each use has
 * its standard-API fallback.
 */
class ArchitectureTest {

    private static final String TYRUS = "io.indobase.realtime.transport.tyrus..";
    private static final String PAYARA_SECURITY = "io.indobase.realtime.security.payara..";

    private static JavaClasses web;

    @BeforeAll
    static void importWeb() {
        web = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void theWebPackagesFormNoCycle() {
        slices().matching("io.indobase.realtime.(**)").should().beFreeOfCycles().check(web);
    }

    @Test
    void theTransportKnowsNoJmsType() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.jms..").check(web);
    }

    @Test
    void onlyTheContainerAdaptersReachIntoTheContainer() {
        noClasses().that().resideOutsideOfPackages(TYRUS, PAYARA_SECURITY)
                .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..",
                        "org.glassfish..", "org.apache.catalina..")
                .orShould().callMethod(Class.class, "getMethod", String.class, Class[].class)
                .orShould().callMethod(Class.class, "getDeclaredField", String.class)
                .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
                .check(web);
    }
}
