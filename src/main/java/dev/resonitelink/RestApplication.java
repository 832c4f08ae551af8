package dev.resonitelink;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The JSON API lives under {@code /api}; its OpenAPI description is served by the server at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "resonite-link", version = "1",
        description = "Resonite account links of this site's users, for the UI and for other services."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY,
                apiKeyName = "JSESSIONID", in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.COOKIE,
                description = "The browser session of a signed-in user"),
        @SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "The token configured as resonite-link.api-token")})
public class RestApplication extends Application {
}
