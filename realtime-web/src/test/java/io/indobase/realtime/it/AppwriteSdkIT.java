package io.indobase.realtime.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.SecurityScenarios;
import io.indobase.realtime.testkit.TestBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The real, unmodified Appwrite Web SDK (npm {@code appwrite} 28.0.0 on Node, {@code ws} as its WebSocket) against
 * the packaged WAR on Payara Micro, fed by a real Artemis broker: {@code Realtime.subscribe} and the legacy
 * {@code client.subscribe} receive an event in the shape the SDK expects, {@code update()} moves a subscription to
 * other channels under the same id, and after {@code unsubscribe()} the callbacks see nothing more; a subscription
 * with {@code Query.equal} receives only matching events, and {@code upsertPresence} reaches other clients as its
 * permissions allow, is listed over HTTP and is deleted when its socket closes.
 * <p>
 * The scenarios live in {@code e2e/sdk/}; this class publishes on the topic the envelopes a script asks for
 * ({@code PUBLISH <json>}, answered with {@code OK}) and asserts its verdict.
 * Presence needs signed-in users: alice and bob sign in with JWTs of the tests' issuer (SecurityScenarios.TOKENS).
 * Scenarios: the Node scripts in {@code e2e/sdk/}; tokens from {@link io.indobase.realtime.testkit.SecurityScenarios#TOKENS}.
 */
class AppwriteSdkIT extends OnPayaraMicro {

    private static final Path E2E = Path.of("..", "e2e");
    private static final Path SDK = E2E.resolve("sdk");
    private static final long TIMEOUT_SECONDS = 60;
    private static final String PUBLISH = "PUBLISH ";



    @Test
    void appwriteWebSdkSubscribesUpdatesAndUnsubscribes() throws Exception {
        runScenario("appwrite-sdk-conformance", "sdk");
    }

    @Test
    void appwriteWebSdkFiltersWithQueriesAndSharesPresence() throws Exception {
        runScenario("appwrite-sdk-queries-presence", "sdk-presence");
    }

    private void runScenario(String script, String project) throws Exception {
        assertTrue(Files.isDirectory(E2E.resolve("node_modules").resolve("appwrite")),
                "The Appwrite Web SDK is not installed: run `npm ci` in e2e/ first (bin/realtime test does)");
        Path log = Path.of("target", script + "-node.log");
        ProcessBuilder command = new ProcessBuilder("node", SDK.resolve(script + ".mjs").toString(), base + "v1", project)
                .redirectError(log.toFile());
        command.environment().put("ALICE_SESSION", SecurityScenarios.TOKENS.token("alice", List.of(), null, 600));
        command.environment().put("BOB_SESSION", SecurityScenarios.TOKENS.token("bob", List.of(), null, 600));
        Process node = command.start();
        String verdict = verdict(node);
        assertEquals("PASS", verdict, () -> verdict + "\n--- node's stderr (" + log + ") ---\n" + nodeLog(log));
        assertEquals(0, node.exitValue(), "node's exit code after PASS");
    }

    /** Converses with the script until its verdict, within the overall timeout; node is gone afterwards. */
    private static String verdict(Process node) throws Exception {
        ExecutorService driver = Executors.newSingleThreadExecutor();
        try {
            String verdict = driver.submit(() -> converse(node)).get(TIMEOUT_SECONDS, SECONDS);
            if (!node.waitFor(10, SECONDS)) {
                return "node did not exit within 10 s of " + verdict;
            }
            return verdict;
        } catch (TimeoutException e) {
            return "no verdict from node within " + TIMEOUT_SECONDS + " s";
        } finally {
            node.destroyForcibly().waitFor(10, SECONDS);
            driver.shutdownNow();
        }
    }

    /** Publishes each envelope the script asks for and returns its last line: PASS or FAIL with the reason. */
    private static String converse(Process node) throws IOException {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), UTF_8));
             Writer in = new OutputStreamWriter(node.getOutputStream(), UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PUBLISH)) {
                    TestBroker.publish(line.substring(PUBLISH.length()));
                    in.write("OK\n");
                    in.flush();
                } else if (line.equals("PASS") || line.startsWith("FAIL")) {
                    return line;
                } else {
                    System.out.println("node: " + line);
                }
            }
        }
        return "node ended its output without a verdict";
    }

    private static String nodeLog(Path log) {
        try {
            return Files.readString(log, UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
