package dev.resonitelink.it;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;

/**
 * The Resonite stand-in that the deployed WAR is configured to use (see arquillian.xml), one per test JVM, on the
 * port the build reserved.
 */
public final class StandIn {

    public static final String CLIENT_ID = "it-client";
    public static final String CLIENT_SECRET = "it-secret";
    /**
     * The client of the deployments that run beside the shared one, on a port of their own ({@link OwnDeployment},
     * {@code ClusterIT}'s first node): registered with that port's redirect URI, as a second site would be.
     */
    public static final String OWN_CLIENT_ID = "it-own-client";
    public static final String PASSWORD = "resonite-pw";

    private static ResoniteStandIn instance;

    public static synchronized ResoniteStandIn get() {
        if (instance == null) {
            try {
                instance = ResoniteStandIn.start(Integer.getInteger("it.standin.port"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            instance.register(new ResoniteStandIn.Client(CLIENT_ID, CLIENT_SECRET, URI.create(
                    "http://localhost:" + Integer.getInteger("it.http.port") + "/resonite-link/oauth/callback")));
            instance.register(new ResoniteStandIn.Client(OWN_CLIENT_ID, CLIENT_SECRET, OwnDeployment.url().resolve("oauth/callback")));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    /** A fresh Resonite account with the full fixture profile, so tests never share one by accident. */
    public static ResoniteStandIn.User newUser() {
        JsonObject template = ResoniteStandIn.readProfile("/standin/resonite-profile-full.json");
        return get().addUser("r" + UUID.randomUUID().toString().substring(0, 12), PASSWORD, template);
    }

    /** A fresh Resonite account with the full fixture profile and the given user id (any shape Resonite gives). */
    public static ResoniteStandIn.User newUserWithId(String resoniteId) {
        JsonObject profile = jakarta.json.Json.createObjectBuilder(
                        ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"))
                .add("id", resoniteId).build();
        ResoniteStandIn.User user = new ResoniteStandIn.User("r" + UUID.randomUUID().toString().substring(0, 12),
                PASSWORD, profile);
        get().addUser(user);
        return user;
    }

    /** A fresh Resonite account with the full fixture profile shown under the given username. */
    public static ResoniteStandIn.User newUser(String username) {
        String login = "r" + UUID.randomUUID().toString().substring(0, 12);
        JsonObject profile = jakarta.json.Json.createObjectBuilder(
                        ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"))
                .add("id", "U-" + login).add("username", username).build();
        ResoniteStandIn.User user = new ResoniteStandIn.User(login, PASSWORD, profile);
        get().addUser(user);
        return user;
    }

    /** A fresh Resonite account that is no Patreon supporter (the fixture profile without its supporter state). */
    public static ResoniteStandIn.User newNonSupporter() {
        String login = "r" + UUID.randomUUID().toString().substring(0, 12);
        JsonObject profile = jakarta.json.Json.createObjectBuilder(
                        ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"))
                .add("id", "U-" + login).add("username", login).add("isActiveSupporter", false)
                .add("supporterMetadata", jakarta.json.Json.createArrayBuilder()).build();
        ResoniteStandIn.User user = new ResoniteStandIn.User(login, PASSWORD, profile);
        get().addUser(user);
        return user;
    }

    private StandIn() {
    }
}
