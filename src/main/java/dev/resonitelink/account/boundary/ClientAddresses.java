package dev.resonitelink.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The address a request came from, for throttling. The connection's peer address, unless that peer is one of the
 * reverse proxies listed in {@value #KEY_TRUSTED_PROXIES}: then the last address of its {@code X-Forwarded-For}
 * (the one that proxy saw; anything before it was written by the client and proves nothing). With no proxy listed,
 * {@code X-Forwarded-For} is ignored, so a client cannot pick its own address. (WildFly with
 * {@code proxy-address-forwarding} already reports the proxy's client address as the peer.)
 */
@ApplicationScoped
public class ClientAddresses {

    public static final String KEY_TRUSTED_PROXIES = "resonite-link.trusted-proxies";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F.:]{2,45}");

    @Inject
    Config config;

    private Set<String> trustedProxies;

    @PostConstruct
    void read() {
        trustedProxies = config.getOptionalValue(KEY_TRUSTED_PROXIES, String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        for (String proxy : trustedProxies) {
            if (!IP_LITERAL.matcher(proxy).matches()) {
                throw new IllegalStateException(KEY_TRUSTED_PROXIES + " must list IP addresses, got '" + proxy + "'");
            }
        }
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return IP_LITERAL.matcher(last).matches() ? last : peer;
    }
}
