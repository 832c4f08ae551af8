package dev.resonitelink.it;

import static org.awaitility.Awaitility.await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Prepares what each deployment needs: in the PostgreSQL execution the database must be up before the WAR's
 * migrations run; and since the Payara Micro container stops the previous test class's server without waiting for
 * it to exit, this waits until every earlier Payara Micro on the port of those deployments ({@code it.own.port})
 * has exited and the port is free. (On
 * WildFly one server, started once, takes every test class's deployment in turn.)
 */
public class TestServersExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(BeforeEachDeployment.class);
    }

    public static class BeforeEachDeployment {

        public void waitForFreePort(@Observes BeforeDeploy event) throws Exception {
            if (Postgres.enabled()) {
                Postgres.start(); // the database must be up before the WAR's migrations run at deployment
            }
            Integer port = Integer.getInteger("it.own.port"); // Arquillian deploys only the classes of their own settings
            if (port != null && !"wildfly".equals(System.getProperty("it.server"))) { // one WildFly serves every class
                waitUntilFree(port);
            }
        }

        /** Waits until no Payara Micro of an earlier test is on the port and the port can be bound. */
        public static void waitUntilFree(int port) throws InterruptedException {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains("--port " + port))
                            .orElse(false))
                    .forEach(p -> {
                        try {
                            p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            // fall through to the port check
                        }
                    });
            await("port " + port + " free").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        try (ServerSocket socket = new ServerSocket()) {
                            socket.setReuseAddress(true);
                            socket.bind(new InetSocketAddress(port));
                            return true;
                        }
                    });
        }
    }
}
