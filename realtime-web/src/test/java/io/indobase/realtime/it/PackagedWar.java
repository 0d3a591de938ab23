package io.indobase.realtime.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The ITs deploy the WAR the build packaged, exactly as it ships, rather than a hand-assembled archive. */
final class PackagedWar {

    private PackagedWar() {
    }

    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/realtime-web.war"));
    }
}
