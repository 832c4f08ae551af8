package dev.resonitelink.account.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import dev.resonitelink.settings.Settings;

/**
 * The address a request came from, for throttling. The connection's peer address, unless that peer is one of the
 * reverse proxies listed in {@code resonite-link.trusted-proxies}: then the last address of its {@code X-Forwarded-For}
 * (the one that proxy saw; anything before it was written by the client and proves nothing). With no proxy listed,
 * {@code X-Forwarded-For} is ignored, so a client cannot pick its own address. (WildFly with
 * {@code proxy-address-forwarding} already reports the proxy's client address as the peer.)
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F.:]{2,45}");

    @Inject
    Settings settings;

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !settings.limits().trustedProxies().contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return IP_LITERAL.matcher(last).matches() ? last : peer;
    }
}
