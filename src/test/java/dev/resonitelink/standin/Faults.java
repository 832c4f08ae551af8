package dev.resonitelink.standin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** Switches for tests that need the provider to misbehave. All cleared by {@link ResoniteStandIn#reset()}. */
public final class Faults {
    public volatile Duration tokenDelay = Duration.ZERO;
    public volatile Duration profileDelay = Duration.ZERO;
    /** When set, the token endpoint answers this status with {@link #tokenBody} as {@link #tokenContentType}. */
    public volatile Integer tokenStatus;
    public volatile String tokenBody;
    public volatile String tokenContentType = "application/json";
    /** When set, the profile endpoint answers this status with {@link #profileBody}. */
    public volatile Integer profileStatus;
    public volatile String profileBody;
    /** When set, the revocation endpoint answers this status and revokes nothing. */
    public volatile Integer revocationStatus;
    /** When set, the discovery document announces this as its {@code jwks_uri} (a document a client must refuse). */
    public volatile java.net.URI announcedJwks;
    /** The discovery document's status instead of 200 (Resonite's OpenID Connect side down). */
    public volatile Integer discoveryStatus;
    /** Whether the callback carries {@code iss} (RFC 9207), and which value instead of the real one. */
    public volatile boolean sendIssuer = true;
    public volatile String issuerOverride;
    /** When set, the token, revocation and profile endpoints send their headers, then the body a byte a second. */
    public volatile boolean trickleBody;
    /** When set, the id_token is broken this way (OpenID Connect Core 3.1.3.7 says how a client must notice). */
    public volatile IdTokenFault idToken;

    /** Every way an id_token can be wrong. */
    public enum IdTokenFault {
        WRONG_ISSUER, WRONG_AUDIENCE, EXPIRED, BAD_SIGNATURE, UNKNOWN_KEY, ALG_NONE, HMAC_WITH_PUBLIC_KEY,
        NONCE_OMITTED, NONCE_WRONG, OTHER_SUBJECT, MISSING
    }

    /** How long the token endpoint waits before answering a refresh_token grant (not other grants). */
    public volatile Duration refreshDelay = Duration.ZERO;

    static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link Faults#trickleBody}: a stalling provider, one body byte a second after prompt headers. */
    static Filter trickle(java.util.function.Supplier<Faults> faults) {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                if (faults.get().trickleBody) {
                    exchange.setStreams(null, new Trickle(exchange.getResponseBody(), faults));
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "trickles response bodies when the fault is on";
            }
        };
    }

    private static final class Trickle extends FilterOutputStream {
        private final java.util.function.Supplier<Faults> faults;

        Trickle(OutputStream out, java.util.function.Supplier<Faults> faults) {
            super(out);
            this.faults = faults;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                if (!faults.get().trickleBody) { // switched off (reset() after a test): the rest at once
                    out.write(bytes, offset + i, length - i);
                    return;
                }
                out.write(bytes[offset + i]);
                out.flush();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }
}
