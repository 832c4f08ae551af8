package dev.resonitelink.account.boundary;

import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The address a request came from, for throttling. The connection's peer address, unless that peer is one of the
 * reverse proxies listed in {@code resonite-link.trusted-proxies}: then the last address of its {@code X-Forwarded-For}
 * (the one that proxy saw; anything before it was written by the client and proves nothing). With no proxy listed,
 * {@code X-Forwarded-For} is ignored, so a client cannot pick its own address. (WildFly with
 * {@code proxy-address-forwarding} already reports the proxy's client address as the peer.)
 * <p>
 * An IPv6 address is keyed by its /64 network: one subscriber usually holds a whole /64, and counting its addresses
 * one by one would give it unlimited failures and sign-ups.
 * <p>
 * A forwarded header from a peer that is not listed means a proxy this node does not know of: then every client has
 * that proxy's address, so one attacker's failures block everybody. That is logged as a warning naming the setting
 * (at most once a minute); so is a start with no proxy listed.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F.:]{2,45}");

    /** When the next warning about a forwarded header from an unlisted peer may be written (one a minute at most). */
    private final AtomicLong nextWarning = new AtomicLong();

    @Inject
    Settings settings;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.limits().trustedProxies().isEmpty()) {
            LOG.warning(Setting.TRUSTED_PROXIES + " is not set: the client address used for sign-in throttling is the"
                    + " connection's peer. Behind a reverse proxy every client then has the proxy's address, so one"
                    + " client's failures lock everybody out: list the proxy's addresses in " + Setting.TRUSTED_PROXIES);
        }
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return throttleKey(peer);
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        if (!settings.limits().trustedProxies().contains(peer)) {
            if (!last.equals(peer)) { // (not the server having applied the header itself, as WildFly's listener does)
                warnAtMostOnceAMinute("a request with X-Forwarded-For came from " + peer + ", which is not"
                        + " listed in " + Setting.TRUSTED_PROXIES + ": its client address is taken to be " + peer
                        + ". If " + peer + " is your reverse proxy, list it there, or all its clients share one throttle.");
            }
            return throttleKey(peer);
        }
        return IP_LITERAL.matcher(last).matches() ? throttleKey(last) : throttleKey(peer);
    }

    private void warnAtMostOnceAMinute(String warning) {
        long now = System.currentTimeMillis();
        long next = nextWarning.get();
        if (now >= next && nextWarning.compareAndSet(next, now + 60_000)) {
            LOG.warning(warning);
        }
    }

    /** The address itself for IPv4; the /64 network for IPv6 ({@code 2001:db8:1:2::/64}); anything else unchanged. */
    public static String throttleKey(String address) {
        if (address == null || !address.contains(":") || !IP_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: never a name lookup
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped IPv6 address is its IPv4 address
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
