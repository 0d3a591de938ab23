package io.indobase.realtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The MDB's activation defaults are read by Payara, not from our properties file: keep the two equal. */
class EventsMdbConfigTest {

    private static final Pattern MPCONFIG = Pattern.compile("^\\$\\{MPCONFIG=([^:}]+):([^}]*)}$");

    @Test
    void activationDefaultsMatchTheConfigurationFile() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        int checked = 0;
        for (ActivationConfigProperty p : EventsMdb.class.getAnnotation(MessageDriven.class).activationConfig()) {
            Matcher m = MPCONFIG.matcher(p.propertyValue());
            if (m.matches()) {
                assertEquals(defaults.getProperty(m.group(1)), m.group(2), p.propertyName());
                checked++;
            } else {
                assertFalse(p.propertyValue().contains("${"), p.propertyName() + " has an expression without a default");
            }
        }
        assertEquals(7, checked);
    }
}
