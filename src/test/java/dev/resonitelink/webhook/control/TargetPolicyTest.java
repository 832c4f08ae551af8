package dev.resonitelink.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where webhooks may go: public https only, unless a setting opens loopback or private networks (SSRF). */
class TargetPolicyTest {

    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.215.14"},
            "intranet.example", new String[] {"10.1.2.3"},
            "metadata.example", new String[] {"169.254.169.254"},
            "sneaky.example", new String[] {"93.184.215.14", "127.0.0.1"},
            "cgnat.example", new String[] {"100.64.0.7"},
            "ula.example", new String[] {"fd12:3456::1"},
            "v6.example", new String[] {"2001:4860:4860::8888"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static TargetPolicy policy(boolean loopback, boolean privateNetworks) {
        return new TargetPolicy(loopback, privateNetworks, host -> {
            String[] addresses = DNS.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]); // literals: no lookup
            }
            return resolved;
        });
    }

    @Test
    void publicHttpsIsAllowedAndPlainHttpIsNot() {
        assertThat(policy(false, false).refusal("https://hooks.example.com/resonite?x=1")).isEmpty();
        assertThat(policy(false, false).refusal("https://v6.example/hook")).isEmpty();
        assertThat(english(policy(false, false).refusal("http://hooks.example.com/hook"))).get().asString().contains("https");
        assertThat(policy(true, true).refusal("http://hooks.example.com/hook")).as("http only to loopback, ever")
                .isPresent();
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefused() {
        TargetPolicy strict = policy(false, false);
        assertThat(english(strict.refusal("https://intranet.example/"))).get().asString().contains("private network");
        assertThat(strict.refusal("https://cgnat.example/")).isPresent();
        assertThat(strict.refusal("https://ula.example/")).isPresent();
        assertThat(english(strict.refusal("https://localhost/"))).get().asString().contains("this machine");
        assertThat(strict.refusal("https://127.0.0.1/")).isPresent();
        assertThat(strict.refusal("https://[::1]/")).isPresent();
        assertThat(strict.refusal("https://0.0.0.0/")).isPresent();
        assertThat(english(strict.refusal("https://metadata.example/latest/meta-data"))).get().asString().contains("link-local");
        assertThat(strict.refusal("https://sneaky.example/")).as("every address the name resolves to counts")
                .isPresent();
    }

    @Test
    void theSettingsOpenLoopbackAndPrivateNetworksButNeverLinkLocal() {
        assertThat(policy(true, false).refusal("http://localhost:8089/hook")).isEmpty();
        assertThat(policy(true, false).refusal("https://intranet.example/")).isPresent();
        assertThat(policy(false, true).refusal("https://intranet.example/")).isEmpty();
        assertThat(policy(false, true).refusal("http://intranet.example/")).as("private, but still https only")
                .isPresent();
        assertThat(policy(true, true).refusal("https://metadata.example/")).isPresent();
        assertThat(policy(true, true).refusal("https://169.254.169.254/")).isPresent();
    }

    @Test
    void malformedAddressesAreRefusedWithAReason() {
        TargetPolicy strict = policy(false, false);
        assertThat(strict.refusal(null)).isPresent();
        assertThat(strict.refusal("")).isPresent();
        assertThat(strict.refusal("hooks.example.com/x")).isPresent();
        assertThat(strict.refusal("ftp://hooks.example.com/")).isPresent();
        assertThat(english(strict.refusal("https://user:pw@hooks.example.com/"))).get().asString().contains("user name");
        assertThat(strict.refusal("https://hooks.example.com/#x")).isPresent();
        assertThat(english(strict.refusal("https://nowhere.example/"))).get().asString().contains("cannot be resolved");
        assertThat(strict.refusal("https://hooks.example.com/" + "a".repeat(2100))).isPresent();
        assertThat(strict.refusal("https://exa mple.com/")).isPresent();
    }

    /** A refusal as an English reader sees it (the words come from the message bundle). */
    private static java.util.Optional<String> english(java.util.Optional<dev.resonitelink.web.Text> refusal) {
        return refusal.map(dev.resonitelink.web.Texts.of(java.util.Locale.ENGLISH)::get);
    }
}
