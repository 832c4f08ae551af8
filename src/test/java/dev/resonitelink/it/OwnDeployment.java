package dev.resonitelink.it;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test class with a deployment of its own shares (settings of its own, {@link #withSettings}; a subclass
 * declares its {@code @Deployment}): Arquillian deploys it for the class (on Payara on a server of its own, which
 * stops the shared one of {@link DeployedApp}), tests run as a client, each test starts with a stand-in without faults,
 * and {@link #base} is the app on loopback at the port of the registered redirect URIs, so the browser's cookies go
 * along when a provider sends it back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class OwnDeployment {

    @ArquillianResource
    URL base;

    @BeforeEach
    void onLoopbackWithAStandInWithoutFaults() throws MalformedURLException {
        StandIn.get().reset();
        base = new URL("http://localhost:" + Integer.getInteger("it.http.port") + "/resonite-link/");
    }

    /** The production WAR with settings that win over the servers' test settings (a config_ordinal of 500). */
    static WebArchive withSettings(Map<String, String> settings) {
        String file = "config_ordinal=500\n" + settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")) + "\n";
        return Deployments.productionWar().addAsResource(new StringAsset(file), "META-INF/microprofile-config.properties");
    }
}
