package dev.resonitelink;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
