package io.indobase.realtime.testkit;

import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real, standalone Artemis broker: the {@code apache-artemis} distribution's {@code artemis create} and
 * {@code artemis run}, one instance folder, a persistent journal, one acceptor (all protocols) on loopback, the
 * account {@code realtime}/{@code realtime}. It can be killed ({@code kill -9}) and started again on the same
 * journal; {@link #close} and a JVM shutdown hook kill it whatever happens to the test. {@link #configure} replaces
 * the instance's {@code broker.xml} with one of ours (a broker of the cluster, of an HA pair), its {@code ${...}}
 * values given as system properties of the broker.
 */
public final class ArtemisProcess implements AutoCloseable {

    public static final String USER = "realtime";
    private final Path home;
    private final Path instance;
    private final int port;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private Process process;
    private Path log;
    private int runs;

    private ArtemisProcess(Path home, Path instance, int port) {
        this.home = home.toAbsolutePath();
        this.instance = instance.toAbsolutePath();
        this.port = port;
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
    }

    /** Creates a fresh broker instance (an existing one at that path is overwritten). */
    public static ArtemisProcess create(Path home, Path instance, int port) throws Exception {
        return create(home, instance, port, "512M");
    }

    /** As {@link #create(Path, Path, int)}, with the broker's heap ({@code -Xmx}, e.g. {@code 1G}). */
    public static ArtemisProcess create(Path home, Path instance, int port, String memory) throws Exception {
        ArtemisProcess broker = new ArtemisProcess(home, instance, port);
        if (Files.exists(broker.instance)) {
            try (var paths = Files.walk(broker.instance)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(broker.instance.getParent());
        Process create = new ProcessBuilder("bash", broker.home.resolve("bin/artemis").toString(), "create", "--silent", "--force",
                "--user", USER, "--password", USER, "--allow-anonymous", "--host", "127.0.0.1", "--default-port", Integer.toString(port),
                "--no-web", "--no-autotune", "--no-amqp-acceptor", "--no-stomp-acceptor", "--no-mqtt-acceptor",
                "--no-hornetq-acceptor", "--java-memory", memory, "--nio", broker.instance.toString())
                .redirectErrorStream(true).redirectOutput(broker.instance.getParent().resolve("artemis-create.log").toFile()).start();
        if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("artemis create failed; see " + broker.instance.getParent().resolve("artemis-create.log"));
        }
        return broker;
    }

    /** The distribution the web module's build unpacks into {@code target/it}. */
    public static ArtemisProcess createFromBuild(String name, int port) throws Exception {
        Path it = Path.of("target", "it");
        return create(it.resolve("apache-artemis-2.40.0"), Path.of("target", "brokers", name), port);
    }

    public int port() {
        return port;
    }

    /**
     * Runs the broker on {@code brokerXml} (copied into the instance) with these system properties, which fill in its
     * {@code ${name:default}} values; {@code realtime.broker.port} is this broker's port.
     */
    public ArtemisProcess configure(Path brokerXml, Map<String, String> properties) throws IOException {
        Files.copy(brokerXml, instance.resolve("etc").resolve("broker.xml"), StandardCopyOption.REPLACE_EXISTING);
        systemProperties.put("realtime.broker.port", Integer.toString(port));
        systemProperties.putAll(properties);
        return this;
    }

    /** Starts the broker and waits until it is active. */
    public ArtemisProcess start() throws Exception {
        return launch().awaitLog("AMQ221007", 60);
    }

    /** Starts the broker process without waiting (a backup is not active until its primary fails). */
    public ArtemisProcess launch() throws IOException {
        log = instance.resolve("log").resolve("run-" + (++runs) + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder run = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().put("JAVA_ARGS_APPEND", systemProperties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        process = run.start();
        return this;
    }

    /**
     * Waits until the current run's log shows {@code text} (a message id such as {@code AMQ221024}, backup in sync).
     *
     * @throws IllegalStateException when the broker exits first or the time is up (the broker is then killed)
     */
    public ArtemisProcess awaitLog(String text, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(100);
        }
        kill();
        throw new IllegalStateException("the broker did not log " + text + " within " + timeoutSeconds + " s; see " + log);
    }

    /** The log of the current (or last) run, or "" before the first. */
    public String log() throws IOException {
        return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.ISO_8859_1);
    }


    /** The running broker process (the {@code artemis} script execs the JVM). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** {@code kill -9}: no clean shutdown, as in a crash. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Publishes one text message on the events topic with the Core JMS client.
     *
     * @return its JMS message id
     */
    public String publish(String body) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             JMSContext context = factory.createContext(USER, USER)) {
            TextMessage message = context.createTextMessage(body);
            context.createProducer().send(context.createTopic(TestBroker.TOPIC), message);
            return message.getJMSMessageID();
        }
    }

    /** Publishes with STOMP 1.2 (no message id of the producer's), waiting for the broker's receipt. */
    public void publishStomp(String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + USER + "\npasscode:" + USER + "\n\n\0")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            readFrame(in, "CONNECTED");
            out.write(("SEND\ndestination:" + TestBroker.TOPIC + "\ndestination-type:MULTICAST\nreceipt:r1\n\n" + body + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            readFrame(in, "RECEIPT");
            out.write("DISCONNECT\nreceipt:r2\n\n\0".getBytes(StandardCharsets.UTF_8));
            out.flush();
            readFrame(in, "RECEIPT");
        }
    }

    private static void readFrame(InputStream in, String expected) throws IOException {
        StringBuilder frame = new StringBuilder();
        for (int b = in.read(); b > 0; b = in.read()) {
            frame.append((char) b);
        }
        if (!frame.toString().trim().startsWith(expected)) {
            throw new IOException("expected " + expected + " from the broker, got: " + frame);
        }
    }

    /** The connection parameters the node's MDB uses for this broker. */
    public String connectionParameters() {
        return "host=127.0.0.1;port=" + port;
    }

    /** The settings of a node fed by this broker. */
    public Map<String, String> nodeProperties() {
        return Map.of("realtime.jms.connection-parameters", connectionParameters(), "realtime.jms.user", USER,
                "realtime.jms.password", USER);
    }

    @Override
    public void close() {
        kill();
    }
}
