package dev.resonitelink.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One fault at a time that a test switches on ({@code POST /test/fault?name=…}, {@code none} to switch off):
 * <ul>
 *   <li>{@code expired}, {@code wrong-issuer}, {@code wrong-audience}: id_tokens made that way (the token customizer),
 *       properly signed;</li>
 *   <li>{@code tampered}: the id_token's payload is changed after signing (another {@code sub}), so its signature no
 *       longer matches;</li>
 *   <li>{@code error}: the authorization endpoint answers the client with {@code error=temporarily_unavailable}
 *       instead of a code;</li>
 *   <li>{@code foreign-endpoints}: the discovery document announces its token endpoint on another origin (the same
 *       server under the name 127.0.0.1), which a client must refuse.</li>
 * </ul>
 */
@Component
@RestController
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Faults extends OncePerRequestFilter {

    static final Set<String> NAMES = Set.of("none", "expired", "wrong-issuer", "wrong-audience", "tampered", "error",
            "foreign-endpoints");
    private final AtomicReference<String> current = new AtomicReference<>("none");
    private final ObjectMapper json = new ObjectMapper();

    public String current() {
        return current.get();
    }

    @PostMapping("/test/fault")
    public String set(@RequestParam String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown fault " + name);
        }
        current.set(name);
        return name;
    }

    @GetMapping("/test/fault")
    public String get() {
        return current.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if ("error".equals(current()) && path.equals("/oauth2/authorize") && request.getParameter("redirect_uri") != null) {
            UriComponentsBuilder answer = UriComponentsBuilder.fromUriString(request.getParameter("redirect_uri"))
                    .queryParam("error", "temporarily_unavailable")
                    .queryParam("error_description", "The test switched the provider's fault on");
            if (request.getParameter("state") != null) {
                answer.queryParam("state", request.getParameter("state"));
            }
            response.sendRedirect(answer.encode().build().toUriString());
            return;
        }
        if ("foreign-endpoints".equals(current()) && path.equals("/.well-known/openid-configuration")) {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            ObjectNode document = (ObjectNode) json.readTree(wrapper.getContentAsByteArray());
            document.put("token_endpoint", document.get("token_endpoint").asText().replace("//localhost:", "//127.0.0.1:"));
            replaceBody(wrapper, response, json.writeValueAsBytes(document));
            return;
        }
        if (!"tampered".equals(current()) || !path.equals("/oauth2/token")) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        if (wrapper.getStatus() == 200) {
            ObjectNode tokens = (ObjectNode) json.readTree(body);
            if (tokens.hasNonNull("id_token")) {
                String[] parts = tokens.get("id_token").asText().split("\\.");
                ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
                claims.put("sub", "someone-else");
                parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims));
                tokens.put("id_token", String.join(".", parts));
                body = json.writeValueAsBytes(tokens);
            }
        }
        replaceBody(wrapper, response, body);
    }

    private static void replaceBody(ContentCachingResponseWrapper wrapper, HttpServletResponse response, byte[] body)
            throws IOException {
        wrapper.resetBuffer();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
