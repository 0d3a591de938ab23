package io.indobase.realtime.broker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.File;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts an ActiveMQ Artemis broker in this JVM from {@code config/broker.xml}, with its journal in a data folder,
 * and stops it when the application is undeployed or the server shuts down.
 */
@Singleton
@Startup
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    @Inject
    @ConfigProperty(name = "realtime.broker.config")
    String configFile;

    @Inject
    @ConfigProperty(name = "realtime.broker.data-dir")
    String dataDir;

    private EmbeddedActiveMQ broker;

    @PostConstruct
    void start() {
        File config = new File(configFile).getAbsoluteFile();
        File data = new File(dataDir).getAbsoluteFile();
        try {
            FileConfiguration configuration = new FileConfiguration();
            FileDeploymentManager deployment = new FileDeploymentManager(config.toURI().toString());
            deployment.addDeployable(configuration);
            deployment.readConfiguration();
            configuration.setBrokerInstance(data);
            configuration.setJournalDirectory(new File(data, "journal").getPath());
            configuration.setBindingsDirectory(new File(data, "bindings").getPath());
            configuration.setPagingDirectory(new File(data, "paging").getPath());
            configuration.setLargeMessagesDirectory(new File(data, "large-messages").getPath());
            broker = new EmbeddedActiveMQ();
            broker.setConfiguration(configuration);
            broker.start();
            LOG.log(Level.INFO, "RT-BRK-001 embedded Artemis broker started from {0}, data in {1}", new Object[]{config, data});
        } catch (Exception e) {
            throw new IllegalStateException("RT-BRK-002 embedded broker did not start from " + config + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
            LOG.info("RT-BRK-003 embedded Artemis broker stopped");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "RT-BRK-004 embedded broker did not stop cleanly", e);
        }
    }
}
