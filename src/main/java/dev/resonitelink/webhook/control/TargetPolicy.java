package dev.resonitelink.webhook.control;

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

    /** Why the URL may not receive webhooks, in words for the organizer; empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return Optional.of("Give the endpoint's address: an https URL of at most " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("That is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("The address must be an https URL with a host name.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("The address may not carry a user name, password or fragment.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + uri.getHost() + " cannot be resolved.");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
            return Optional.of("The address must use https: webhooks carry personal data.");
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("The address resolves to " + address.getHostAddress()
                    + ", a link-local, unspecified or multicast address, where webhooks never go.");
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            return Optional.of("The address resolves to this machine (" + address.getHostAddress() + "), where webhooks"
                    + " do not go.");
        }
        if (privateNetwork(address) && !allowPrivateNetworks) {
            return Optional.of("The address resolves to a private network address (" + address.getHostAddress()
                    + "), where webhooks do not go.");
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
