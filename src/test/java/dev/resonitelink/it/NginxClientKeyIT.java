package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.account.boundary.ClientAddresses;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped nginx file's client key for its rate limits (security round 3, item 10): an IPv4 address, or the /64 of
 * an IPv6 address however nginx writes it. Only loopback is at hand here, so the shipped {@code map} block is run with
 * its source switched from the peer address to a test header, and a location that answers the key; every other line
 * of the block is the shipped one. Needs no application server: runs once, in the Payara H2 execution.
 */
@Tag("payara-only")
class NginxClientKeyIT {

    private static Nginx nginx;
    private static int port;

    @BeforeAll
    static void startNginx() throws Exception {
        Matcher map = Pattern.compile("(?s)map \\$remote_addr \\$resonite_link_client \\{.*?\\n}").matcher(Nginx.shipped());
        assertThat(map.find()).as("the shipped file keys its limits by $resonite_link_client").isTrue();
        String block = map.group().replace("$remote_addr", "$http_x_test_address");
        int[] ports = new int[2];
        for (int i = 0; i < 2; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            }
        }
        port = ports[0];
        nginx = Nginx.run(block + "\nserver {\n    listen 127.0.0.1:" + ports[0] + ";\n    listen 127.0.0.1:" + ports[1]
                + ";\n    location / {\n        return 200 \"$resonite_link_client\";\n    }\n}\n", ports[0], ports[1]);
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static String key(String address) {
        Browser browser = new Browser().withHeader("X-Test-Address", address);
        return browser.get(URI.create("http://127.0.0.1:" + port + "/")).body();
    }

    @Test
    void eachWayNginxWritesAnIpv6AddressGivesItsSlash64() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
                Map.entry("2001:db8:1:2::9", "2001:db8:1:2::/64"),
                Map.entry("2001:db8:1::5", "2001:db8:1:0::/64"),
                Map.entry("2001:db8::1", "2001:db8:0:0::/64"),
                Map.entry("2001::5:6:7:8:9", "2001:0:0:5::/64"),
                Map.entry("2001::8:9", "2001:0:0:0::/64"),
                Map.entry("::3:4:5:6:7:8", "0:0:3:4::/64"),
                Map.entry("::4:5:6:7:8", "0:0:0:4::/64"),
                Map.entry("::1", "0:0:0:0::/64"),
                Map.entry("::ffff:192.0.2.7", "192.0.2.7"),
                Map.entry("192.0.2.7", "192.0.2.7"));
        expected.forEach((address, key) -> assertThat(key(address)).as(address).isEqualTo(key));
    }

    @Test
    void theAppKeysItsOwnThrottleTheSameWay() {
        for (String address : new String[] {"2001:db8:1:2::9", "2001:db8::1", "2001::5:6:7:8:9", "::3:4:5:6:7:8"}) {
            assertThat(key(address)).as(address).isEqualTo(ClientAddresses.throttleKey(address));
        }
    }
}
