package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped Payara command files ({@code pre-boot-commands.asadmin}, {@code postgresql.asadmin}) are applied on the
 * server the tests run, not only accepted: Payara logs a failed
 * boot command as a WARNING and starts without the setting (on Payara 7 the old {@code xpowered-by} attribute is
 * gone, and a file written for Payara 6 silently lost its settings). WildFly's {@code configure.cli} needs no such
 * test: jboss-cli stops at the first failed command and the build stops with it.
 */
@Tag("postgres")
@Tag("postgres-only") // the PostgreSQL execution's server applies both shipped files: the pre-boot and the pool's
@Tag("payara-only")
class PayaraCommandsIT extends DeployedApp {

    @Test
    void noBootCommandFailedAndEverySettingOfTheShippedFilesWasApplied() throws Exception {
        String log = ServerLog.read();
        assertThat(log).as("the server's log").contains("Payara Micro").contains("ready in");
        assertThat(BootCommands.failures(log)).as("failed boot commands").isEmpty();
        List<String> settings = new ArrayList<>(BootCommands.settings(Path.of(System.getProperty("it.preboot"))));
        settings.addAll(BootCommands.settings(Path.of(System.getProperty("it.postgresql.commands"))));
        assertThat(log).contains("Boot Command create-jdbc-connection-pool returned with result SUCCESS");
        assertThat(settings).as("the files' set commands").hasSizeGreaterThanOrEqualTo(5);
        assertThat(settings).allSatisfy(setting -> assertThat(BootCommands.applied(log, setting))
                .as("applied: " + setting).isTrue());
        Site site = Site.anonymous(base);
        assertThat(site.browser().get(site.at("login")).status()).as("the app serves").isEqualTo(200);
    }
}
