package dev.resonitelink.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every integration test of the default settings shares: the production WAR on the server under test, tests
 * run as a client over HTTP, and a stand-in with no fault left over from the previous test. On Payara one server
 * serves every such class of a test execution ({@link SharedPayara}); on WildFly Arquillian deploys the WAR
 * ({@link #app()}) to its one server for each class.
 */
@RunAsClient
abstract class DeployedApp {

    @RegisterExtension
    static final Extension SERVER = SharedPayara.forThisServer();

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
