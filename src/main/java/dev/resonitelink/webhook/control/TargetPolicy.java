package dev.resonitelink.webhook.control;

import dev.resonitelink.web.Text;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (server-side request forgery): https to public addresses only. Every address the host name
 * resolves to is checked, at registration and again before each attempt (a name may be pointed elsewhere later).
 * Loopback (and plain http to it) only when {@code resonite-link.webhooks.allow-loopback} says so; private networks
 * only when {@code resonite-link.webhooks.allow-private-networks} does; link-local (cloud metadata services),
 * unspecified and multicast addresses never.
 */
public final class TargetPolicy {

    public static final int MAX_URL = 2000;

    /** Resolves host names (DNS in production, a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    public TargetPolicy(boolean allowLoopback, boolean allowPrivateNetworks, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    public TargetPolicy(boolean allowLoopback, boolean allowPrivateNetworks) {
        this(allowLoopback, allowPrivateNetworks, InetAddress::getAllByName);
    }

    /** Why the URL may not receive webhooks, as words for the organizer (keys {@code webhook.target.*}); empty when it may. */
    public Optional<Text> refusal(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return Optional.of(Text.of("webhook.target.missing", MAX_URL));
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of(Text.of("webhook.target.notUrl"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Text.of("webhook.target.notHttps"));
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of(Text.of("webhook.target.userInfo"));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(Text.of("webhook.target.unresolved", uri.getHost()));
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            Optional<Text> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
            return Optional.of(Text.of("webhook.target.plainHttp"));
        }
        return Optional.empty();
    }

    private Optional<Text> refusal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(Text.of("webhook.target.special", address.getHostAddress()));
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            return Optional.of(Text.of("webhook.target.loopback", address.getHostAddress()));
        }
        if (privateNetwork(address) && !allowPrivateNetworks) {
            return Optional.of(Text.of("webhook.target.private", address.getHostAddress()));
        }
        return Optional.empty();
    }

    /** RFC 1918, shared address space (RFC 6598), unique local IPv6 (RFC 4193). */
    static boolean privateNetwork(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isSiteLocalAddress() || (first == 100 && second >= 64 && second <= 127) || first == 0;
    }
}
