package dev.resonitelink.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser as far as the flow cares: a cookie jar, forms, and redirects followed one at a time so each hop can be
 * asserted.
 */
public final class Browser {

    private final BrowserCookies cookies = new BrowserCookies();
    private final StringBuilder transcript = new StringBuilder();
    private final HttpClient client;

    public Browser() {
        this(null);
    }

    /** A browser that speaks https too, trusting what {@code tls} trusts (and verifying host names). */
    public Browser(javax.net.ssl.SSLContext tls) {
        this(tls, null);
    }

    /**
     * A browser on another machine, as far as a server can tell: its connections come from {@code localAddress} (any
     * address of 127.0.0.0/8 is this machine's loopback on Linux). Needs the JDK 19+ HttpClient option, called by
     * name since the tests compile for 17; the tests that use it run on Payara's JDK (21+).
     */
    public Browser(javax.net.ssl.SSLContext tls, java.net.InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1) // as a browser speaks to plain http (no h2c upgrade)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        if (localAddress != null) {
            try {
                HttpClient.Builder.class.getMethod("localAddress", java.net.InetAddress.class).invoke(builder, localAddress);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("binding a client address needs a JDK 19 or newer, this is "
                        + Runtime.version(), e);
            }
        }
        client = builder.build();
    }

    /** One response. */
    public record Page(URI uri, int status, String body, java.net.http.HttpHeaders headers) {
        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        public URI locationUri() {
            return uri.resolve(location());
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The fields of the first form matching the selector, as the browser would send them. */
        public Map<String, String> form(String selector) {
            Element form = document().selectFirst(selector);
            if (form == null) {
                throw new AssertionError("no form " + selector + " on " + uri + ":\n" + body);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name]")) {
                if (input.hasAttr("disabled")) {
                    continue;
                }
                if (input.attr("type").equals("checkbox") && !input.hasAttr("checked")) {
                    continue;
                }
                fields.put(input.attr("name"), input.val());
            }
            return fields;
        }

        public URI formAction(String selector) {
            return uri.resolve(document().selectFirst(selector).attr("action"));
        }

        public String text(String selector) {
            Element e = document().selectFirst(selector);
            return e == null ? null : e.text();
        }

        /** How a link attempt ended, as the outcome page exposes it ({@code data-outcome}), independent of wording. */
        public String outcome() {
            Element e = document().selectFirst("#outcome");
            return e == null ? null : e.attr("data-outcome");
        }

        @Override
        public String toString() {
            return status + " " + uri + (location() != null ? " -> " + location() : "");
        }
    }

    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public Page get(String uri) {
        return get(URI.create(uri));
    }

    public Page post(URI uri, Map<String, String> form) {
        return postEncoded(uri, encode(form.entrySet().stream().map(e -> Map.entry(e.getKey(), List.of(e.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
    }

    public Page postMulti(URI uri, Map<String, List<String>> form) {
        return postEncoded(uri, encode(form));
    }

    public Page postEncoded(URI uri, String body) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A form POST whose headers announce a body of {@code length} bytes that is never sent, and the answer to it: for
     * bodies a server must refuse on their headers alone. (Sent, the bytes a server leaves unread when it answers and
     * closes make its TCP stack reset the connection, which can discard the answer before it is read; and the JDK's
     * client never returns when a server answers {@code Expect: 100-continue} with a final status.) Plain HTTP only.
     */
    public static Page announceOnly(URI uri, long length) {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            String statusLine = line(in);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(header.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                int size;
                while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
                    body.write(in.readNBytes(size));
                    line(in); // the CRLF after the chunk
                }
            } else if (headers.containsKey("Content-Length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("Content-Length").get(0))));
            } else {
                in.transferTo(body);
            }
            return new Page(uri, Integer.parseInt(statusLine.split(" ")[1]), body.toString(StandardCharsets.UTF_8),
                    java.net.http.HttpHeaders.of(headers, (name, value) -> true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("the connection ended within a line: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Any method, any content type, any body (null: none), with this browser's cookies. */
    public Page request(String method, URI uri, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public Page follow(Page page) {
        if (page.location() == null) {
            throw new AssertionError("not a redirect: " + page + "\n" + page.body());
        }
        return get(page.locationUri());
    }

    /** Everything this browser sent and received: URLs, headers and bodies. */
    public String transcript() {
        return transcript.toString();
    }

    public CookieManager cookies() {
        return cookies.jar();
    }

    private final Map<String, String> extraHeaders = new java.util.concurrent.ConcurrentHashMap<>();

    /** A header sent with every request from now on (e.g. the X-Forwarded-For a trusted proxy would add). */
    public Browser withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    private Page send(HttpRequest.Builder builder) {
        extraHeaders.forEach(builder::header);
        try {
            HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            transcript.append(request.method()).append(' ').append(request.uri()).append('\n')
                    .append(response.statusCode()).append(' ').append(response.headers().map()).append('\n')
                    .append(response.body()).append('\n');
            return new Page(request.uri(), response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, List<String>> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(value -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return body.toString();
    }
}
