package dev.resonitelink.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian integration test shares: the production WAR deployed to Payara Micro, tests run as a
 * client over HTTP, and a stand-in with no fault left over from the previous test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedApp {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void resetStandIn() throws java.net.MalformedURLException {
        StandIn.get().reset();
        if (!base.getPath().endsWith("/resonite-link/")) {
            // Payara's Arquillian adapter reads the context root from the server's console output; when a log line of
            // the starting app lands inside that block it hands out the bare host. The WAR's context root is fixed.
            // (Still so with arquillian-payara-micro-managed 3.1 on Payara 7: the adapter parses the same output.)
            base = new URL(base, "/resonite-link/");
        }
    }
}
