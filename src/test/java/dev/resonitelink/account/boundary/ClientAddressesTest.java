package dev.resonitelink.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Throttle keys (security round 3, item 10): IPv4 whole, IPv6 by its /64, whatever way the address is written. */
class ClientAddressesTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientAddresses.throttleKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddresses.throttleKey("192.0.2.8")).isNotEqualTo(ClientAddresses.throttleKey("192.0.2.7"));
    }

    @Test
    void everyAddressOfOneIpv6NetworkSharesOneKey() {
        String key = ClientAddresses.throttleKey("2001:db8:1:2::a");
        assertThat(key).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.throttleKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(key);
        assertThat(ClientAddresses.throttleKey("2001:0DB8:0001:0002:0:0:0:1")).as("another spelling").isEqualTo(key);
        assertThat(ClientAddresses.throttleKey("2001:db8:1:3::a")).as("the next /64").isNotEqualTo(key);
        assertThat(ClientAddresses.throttleKey("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(ClientAddresses.throttleKey("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4AddressAndJunkIsKeptAsItIs() {
        assertThat(ClientAddresses.throttleKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddresses.throttleKey("fe80::1%eth0")).isEqualTo("fe80::1%eth0");
        assertThat(ClientAddresses.throttleKey("1:2:3")).isEqualTo("1:2:3");
    }
}
