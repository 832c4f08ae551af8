package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organizer view, its CSV export and the registrants API, with their access rules. */
class OrganizerIT extends DeployedApp {

    static final String API_TOKEN = "it-api-token-0123456789";

    private Site organizer;

    @BeforeEach
    void signInTheOrganizer() {
        StandIn.get().reset();
        organizer = Organizers.signedIn(base);
    }

    /** A local user linked to a fresh Resonite account whose username is given. */
    private Site linkedAttendee(String resoniteUsername, List<String> optionalScopes) {
        Site site = Site.signedIn(base);
        String login = "r" + UUID.randomUUID().toString().substring(0, 12);
        JsonObject profile = Json.createObjectBuilder(ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"))
                .add("id", "U-" + login).add("username", resoniteUsername).build();
        ResoniteStandIn.User user = new ResoniteStandIn.User(login, StandIn.PASSWORD, profile);
        StandIn.get().addUser(user);
        site.browser().follow(site.consent(site.startLink(), user, "allow", optionalScopes));
        assertThat(site.storedLink()).isNotNull();
        return site;
    }

    @Test
    void attendeesAreNotAllowedIn() {
        Site attendee = Site.signedIn(base);
        assertThat(attendee.browser().get(attendee.at("organizer")).status()).isEqualTo(403);
        assertThat(attendee.browser().get(attendee.at("organizer/registrants.csv")).status()).isEqualTo(403);
        assertThat(attendee.account().document().select("#organizer-nav")).isEmpty();
        assertThat(organizer.account().document().select("#organizer-nav")).hasSize(1);
    }

    @Test
    void organizersFindAttendeesByResoniteUsernameIdOrLocalName() {
        String marker = "Zed" + UUID.randomUUID().toString().substring(0, 6);
        Site patron = linkedAttendee(marker + " Patron", List.of("patreon"));
        Site plain = linkedAttendee(marker + " Plain", List.of());
        Site unlinked = Site.signedIn(base);

        Browser.Page found = organizer.browser().get(organizer.at("organizer?q=" + marker.toLowerCase()));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("#total")).isEqualTo("2");
        List<String> rows = found.document().select("#registrants tbody tr").eachText();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(patron.username(), marker + " Patron", "active"));
        assertThat(rows).as("no Patreon state, then the row's Delete… link").anySatisfy(row -> assertThat(row)
                .contains(plain.username(), marker + " Plain").endsWith("— Delete…"));
        assertThat(found.document().select("#registrants a.delete-user").eachAttr("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/organizer/users/delete?user=" + plain.username()));

        Browser.Page byLocalName = organizer.browser().get(organizer.at("organizer?q=" + unlinked.username()));
        assertThat(byLocalName.text("#total")).isEqualTo("1");
        assertThat(byLocalName.text("#registrants tbody tr")).contains(unlinked.username(), "not linked");

        Browser.Page linkedOnly = organizer.browser().get(organizer.at("organizer?linked=1&q=" + unlinked.username()));
        assertThat(linkedOnly.text("#total")).isEqualTo("0");

        Site percent = linkedAttendee(marker + " 100% real", List.of());
        linkedAttendee(marker + " 100x real", List.of());
        Browser.Page literal = organizer.browser().get(organizer.at("organizer?q=" + marker + "%20100%25%20real"));
        assertThat(literal.text("#total")).as("a %% is searched literally, not as a wildcard").isEqualTo("1");
        assertThat(literal.text("#registrants tbody tr")).contains(percent.username());
    }

    @Test
    void theListIsPaged() {
        String prefix = "pg" + UUID.randomUUID().toString().substring(0, 4);
        for (int i = 0; i < 27; i++) {
            Site.anonymous(base).signUp(prefix + String.format("%02d", i));
        }
        Browser.Page first = organizer.browser().get(organizer.at("organizer?q=" + prefix));
        assertThat(first.text("#total")).isEqualTo("27");
        assertThat(first.document().select("#registrants tbody tr")).hasSize(25);
        assertThat(first.document().select("#prev-page")).isEmpty();
        Browser.Page second = organizer.browser().get(first.uri().resolve(first.document().selectFirst("#next-page").attr("href")));
        assertThat(second.document().select("#registrants tbody tr").eachText())
                .hasSize(2).allSatisfy(row -> assertThat(row).startsWith(prefix));
        Browser.Page beyond = organizer.browser().get(organizer.at("organizer?q=" + prefix + "&page=99"));
        assertThat(beyond.text("#total")).isEqualTo("27");
        assertThat(beyond.document().select("#registrants tbody tr")).as("clamped to the last page").hasSize(2);
        assertThat(beyond.document().select("#next-page")).as("no page after the last").isEmpty();
        Browser.Page garbled = organizer.browser().get(organizer.at("organizer?q=" + prefix + "&page=abc"));
        assertThat(garbled.document().select("#registrants tbody tr")).as("an unreadable page number shows the first page")
                .hasSize(25);
        assertThat(garbled.document().select("#prev-page")).isEmpty();
    }

    @Test
    void theCsvExportHasEveryMatchAndDefusesFormulas() {
        String marker = "csv" + UUID.randomUUID().toString().substring(0, 6);
        Site formula = linkedAttendee("=HYPERLINK(\"http://evil.example\",\"" + marker + "\")", List.of("patreon"));
        Site comma = linkedAttendee(marker + ", the second", List.of());

        Browser.Page page = organizer.browser().get(organizer.at("organizer?q=" + marker));
        Browser.Page csv = organizer.browser().get(page.uri().resolve(page.document().selectFirst("#export-csv").attr("href")));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("local_user,resonite_id,resonite_username,linked_at,patreon_active_supporter,"
                + "signed_up_at,origin,display_name,email");
        assertThat(lines).hasSize(3);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(formula.username() + ",")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"" + marker + "\"\")\",").contains(",true,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(comma.username() + ",")
                .contains(",\"" + marker + ", the second\","));
    }

    @Test
    void theApiIsForOrganizersAndTokenHoldersOnly() throws Exception {
        Site attendee = linkedAttendee("Api Person", List.of());
        URI api = organizer.at("api/registrants?q=" + attendee.username());

        assertThat(Site.anonymous(base).browser().get(api).status()).isEqualTo(401);
        assertThat(attendee.browser().get(api).status()).isEqualTo(403);
        assertThat(bearer(api, "wrong-token-wrong-token").statusCode()).isEqualTo(401);

        Browser.Page asOrganizer = organizer.browser().get(api);
        assertThat(asOrganizer.status()).isEqualTo(200);
        HttpResponse<String> withToken = bearer(api, API_TOKEN);
        assertThat(withToken.statusCode()).isEqualTo(200);
        JsonObject json = Json.createReader(new StringReader(withToken.body())).readObject();
        assertThat(json.getInt("total")).isEqualTo(1);
        JsonObject item = json.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("localUser")).isEqualTo(attendee.username());
        assertThat(item.getString("resoniteUsername")).isEqualTo("Api Person");
        assertThat(item.containsKey("email")).as("no personal data beyond the list").isFalse();
    }

    private static HttpResponse<String> bearer(URI uri, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
