package dev.resonitelink.standin;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reading requests and writing answers on the JDK's HTTP server, shared by the stand-in's endpoints. */
final class Exchanges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Exchanges() {
    }

    /** The exchange as Nimbus's HTTPRequest, for Nimbus's own server-side parsing of OAuth requests. */
    static HTTPRequest nimbusPost(HttpExchange exchange, URI uri) throws IOException {
        HTTPRequest httpRequest = new HTTPRequest(HTTPRequest.Method.POST, uri);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            httpRequest.setHeader("Content-Type", contentType);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            httpRequest.setAuthorization(authorization);
        }
        httpRequest.setBody(readBody(exchange));
        return httpRequest;
    }

    /** The parameter's value when it was sent exactly once. */
    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().add("Location", location.toString());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    static void sendNimbus(HttpExchange exchange, HTTPResponse response) throws IOException {
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        send(exchange, response.getStatusCode(), "application/json;charset=UTF-8", response.getBody());
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        send(exchange, status, "text/html;charset=UTF-8", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s · Resonite (stand-in)</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
                button{font:inherit;padding:.5rem 1rem;margin-right:.5rem}.hint{color:#555}</style></head>
                <body><p><em>Resonite (local stand-in)</em></p><h1>%s</h1>%s</body></html>
                """.formatted(escape(title), escape(title), body));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
