package dev.resonitelink.it;

import java.lang.reflect.Field;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One Payara Micro with the production WAR and the tests' default settings, shared by every test class that uses
 * them ({@link DeployedApp}) in one test execution, as one WildFly is. Starting a Payara Micro per class cost about
 * 25 s a class. It is started as Arquillian started one per class (the same command files, settings file, log file,
 * port and environment), on first use, and stopped when the test JVM ends. Classes with a deployment or nodes of their
 * own run beside it on ports of their own ({@link OwnDeployment}), so it starts once per execution (again only if its
 * process died).
 */
final class SharedPayara implements TestInstancePostProcessor {

    private static PayaraNode node;
    private static int starts;

    /** What runs {@link DeployedApp}'s classes: this on Payara, Arquillian (one server, a deployment per class) on WildFly. */
    static Extension forThisServer() {
        return "wildfly".equals(System.getProperty("it.server")) ? new ArquillianExtension() : new SharedPayara();
    }

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
        URL base = url();
        for (Class<?> type = test.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(ArquillianResource.class) && field.getType() == URL.class) {
                    field.setAccessible(true);
                    field.set(test, base);
                }
            }
        }
    }

    /** The app on the shared server, started if it is not running. */
    static synchronized URL url() throws Exception {
        if (node == null || !node.process().isAlive()) {
            start();
        }
        return node.url().toURL();
    }

    private static void start() throws Exception {
        int port = Integer.getInteger("it.http.port");
        TestServersExtension.BeforeEachDeployment.waitUntilFree(port);
        if (Postgres.enabled()) {
            Postgres.start(); // the database must be up before the WAR's migrations run
        }
        PayaraNode.Launch launch = PayaraNode.launch("shared", port).keepEnvironment().preBoot()
                .micro(List.of("--systemProperties", System.getProperty("it.server.properties"),
                        "--logtofile", System.getProperty("it.server.log")));
        if (Postgres.enabled()) {
            launch.postgres();
        }
        PayaraNode.LogTail serverLog = PayaraNode.LogTail.of(java.nio.file.Path.of(System.getProperty("it.server.log")));
        PayaraNode started = launch.start();
        if (starts++ == 0) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPayara::stop, "stop the shared Payara Micro"));
        }
        node = started.awaitServing("login", Duration.ofMinutes(4), serverLog);
    }

    /** Stops the shared server, if it runs, and waits until it has exited. */
    static synchronized void stop() {
        if (node != null) {
            try {
                node.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            node = null;
        }
    }
}
