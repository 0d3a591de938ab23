package io.indobase.realtime.system;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.TestBroker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's path through the Payara Server admin console, in headless Chromium ({@code e2e/console/}): log in,
 * find realtime.ear and its modules, set {@code realtime.security.sockets-per-address} on the MicroProfile Config
 * page, reload the application and see the running application refuse the socket over the new cap; then the
 * application's own admin page (BASIC) disconnects a socket and the refused page gets in. The domain runs with an
 * empty admin password for the other tests; this test gives it one for its run, so the console asks for a login.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class AdminConsoleIT {

    private static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
    private static final String CONSOLE_PASSWORD = "console-it-secret";
    private static final String SETTING = "realtime.security.sockets-per-address";
    private static final long TIMEOUT_SECONDS = 420;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("../realtime-ear/target/realtime.ear"));
    }

    @Test
    void aSettingChangedInTheAdminConsoleHoldsAfterAReloadAndTheAdminPageFreesASocket() throws Exception {
        assertTrue(Files.isDirectory(E2E.resolve("node_modules").resolve("playwright-core")),
                "playwright-core is not installed: run `npm ci` in e2e/ first (bin/realtime test does)");
        Path log = Path.of("target", "admin-console-node.log").toAbsolutePath();
        Path shots = Path.of(System.getProperty("console.screenshots", "target/admin-console")).toAbsolutePath();
        adminPassword("", CONSOLE_PASSWORD);
        try {
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "console/admin-console.mjs")
                    .directory(E2E.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            node.environment().putAll(Map.of("REALTIME_CONSOLE_PASSWORD", CONSOLE_PASSWORD,
                    "REALTIME_SCREENSHOTS", shots.toString()));
            Process run = node.start();
            boolean ended = run.waitFor(TIMEOUT_SECONDS, SECONDS);
            if (!ended) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly().waitFor(10, SECONDS);
            }
            String output = Files.readString(log);
            assertTrue(ended, () -> "the console test did not end within " + TIMEOUT_SECONDS + " s:\n" + output);
            assertEquals(0, run.exitValue(), () -> "the console test failed (" + log + "):\n" + output);
        } finally {
            adminPassword(CONSOLE_PASSWORD, "");
            asadmin(null, "delete-config-property", "--source=domain", "--propertyName=" + SETTING);
        }
    }

    private static void adminPassword(String current, String next) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "admin-password", ".txt");
        try {
            Files.writeString(file, "AS_ADMIN_PASSWORD=" + current + "\nAS_ADMIN_NEWPASSWORD=" + next + "\n");
            assertEquals(0, asadmin(file, "change-admin-password"), "asadmin change-admin-password");
        } finally {
            Files.delete(file);
        }
    }

    private static int asadmin(Path passwordFile, String... command) throws IOException, InterruptedException {
        Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
        List<String> line = new java.util.ArrayList<>(List.of(asadmin.toString(), "--user", "admin"));
        if (passwordFile != null) {
            line.addAll(List.of("--passwordfile", passwordFile.toString()));
        }
        line.addAll(List.of(command));
        // not inheritIO: the forked test JVM's own stdout is failsafe's channel
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "admin-console-asadmin.log").toFile())).start();
        assertTrue(process.waitFor(120, SECONDS), () -> "asadmin " + String.join(" ", command) + " did not finish");
        return process.exitValue();
    }
}
