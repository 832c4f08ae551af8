package dev.resonitelink.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The Payara Micro container stops the previous test class's server without waiting for it to exit, so the next
 * class's server could find the HTTP port still taken. Before each deployment this waits until every earlier
 * Payara Micro on that port has exited and the port is free.
 */
public class PortReleaseExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(PortRelease.class);
    }

    public static class PortRelease {

        public void waitForFreePort(@Observes BeforeDeploy event) throws InterruptedException {
            Integer port = Integer.getInteger("it.http.port");
            if (port == null) {
                return;
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
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
            while (Instant.now().isBefore(deadline)) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(port));
                    return;
                } catch (IOException inUse) {
                    Thread.sleep(200);
                }
            }
        }
    }
}
