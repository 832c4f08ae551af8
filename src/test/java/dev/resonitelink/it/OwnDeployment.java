package dev.resonitelink.it;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test class with a deployment of its own shares (settings of its own, {@link #withSettings}; a subclass
 * declares its {@code @Deployment}): Arquillian deploys it for the class (on Payara on a server of its own, on a port
 * of its own, {@code it.own.port}, beside the shared one of {@link DeployedApp}, which keeps running; on WildFly to the
 * one server, where the port is the same), tests run as a client, each test starts with a stand-in without faults,
 * and {@link #base} is the app on loopback at the port of the registered redirect URIs, so the browser's cookies go
 * along when a provider sends it back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class OwnDeployment {

    /**
     * Not Arquillian's URL (which may name the host's address, and which Arquillian injects again before each
     * {@code @BeforeEach} method, a subclass's too): set here, before a subclass's {@code @BeforeEach} methods run.
     */
    URL base;

    @BeforeEach
    void onLoopbackWithAStandInWithoutFaults() throws MalformedURLException {
        StandIn.get().reset();
        base = url().toURL();
    }

    /** The app of these deployments, on loopback (the host of the registered redirect URIs). */
    static URI url() {
        return URI.create("http://localhost:" + Integer.getInteger("it.own.port") + "/resonite-link/");
    }

    /**
     * The production WAR with settings that win over the servers' test settings (a config_ordinal of 500); unless
     * they name another client, the stand-in's client of these deployments ({@link StandIn#OWN_CLIENT_ID}), and
     * the redirect URI on their port.
     */
    static WebArchive withSettings(Map<String, String> given) {
        Map<String, String> settings = new TreeMap<>(given);
        settings.putIfAbsent("resonite.client-id", StandIn.OWN_CLIENT_ID);
        settings.putIfAbsent("resonite.redirect-uri", url().resolve("oauth/callback").toString());
        String file = "config_ordinal=500\n" + settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")) + "\n";
        return Deployments.productionWar().addAsResource(new StringAsset(file), "META-INF/microprofile-config.properties");
    }
}
