package dev.resonitelink.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment every integration test uses: the real WAR that {@code mvn package} built, unchanged. */
public final class Deployments {

    public static WebArchive productionWar() {
        File war = new File(System.getProperty("it.war", "target/resonite-link.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run the integration tests through Maven (mvn verify): no " + war);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    private Deployments() {
    }
}
