package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Users' data (issue 27): the export holds what is stored about the caller and no secret; deleting an account
 * revokes the grant at Resonite, gives the place to the waitlist, makes the admission answer {@code deny}, ends the
 * user's other sessions and, on PostgreSQL, leaves no text column of any table naming the user or their Resonite
 * account ({@code UserErasureTest} checks the same on H2); organizers delete a user with a reason. Both servers.
 */
@Tag("postgres")
class AccountDataIT extends DeployedApp {

    private Site linkedWithOfflineAccess(ResoniteStandIn.User user) {
        Site site = Site.signedIn(base);
        Browser.Page callback = site.browser().follow(site.consent(site.startLink(), user, "allow",
                List.of("offline_access", "email", "patreon")));
        assertThat(callback.location()).endsWith("/account?linked");
        return site;
    }

    private static JsonObject json(Browser.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return Json.createReader(new StringReader(page.body())).readObject();
    }

    private String root() {
        return "http://localhost:" + base.getPort() + base.getPath();
    }

    private Browser.Page admission(String eventId, String resoniteId, String key) {
        return new Browser().get(root() + "api/events/" + eventId + "/admission/" + resoniteId + "?key=" + key);
    }

    private static Browser.Page deleteAccount(Site site, String password) {
        Browser.Page confirm = site.browser().get(site.at("account/delete"));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        Map<String, String> form = confirm.form("form#delete-account-form");
        form.put("password", password);
        return site.browser().post(site.at("account/delete"), form);
    }

    /** Text columns of every table of the PostgreSQL database that contain {@code text}: "table.column" per row. */
    private static List<String> everyMention(String text) throws Exception {
        List<String> mentions = new ArrayList<>();
        for (List<String> column : Postgres.query("select table_name, column_name from information_schema.columns"
                + " where table_schema = 'public' and data_type in ('character varying', 'text', 'character')")) {
            for (List<String> row : Postgres.query("select \"" + column.get(1) + "\" from \"" + column.get(0)
                    + "\" where lower(\"" + column.get(1) + "\") like '%" + text.toLowerCase() + "%'")) {
                mentions.add(column.get(0) + "." + column.get(1) + "=" + row.get(0));
            }
        }
        return mentions;
    }

    @Test
    void theExportHoldsWhatIsStoredAboutTheCallerAndNoSecret() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser();
        Site ada = linkedWithOfflineAccess(user);
        Site organizer = Organizers.signedIn(base);
        String eventId = EventsIT.createEvent(organizer, "Export workshop", 5, false);
        EventsIT.publishWithKey(organizer, eventId);
        assertThat(EventsIT.register(ada, eventId, "register").status()).isEqualTo(200);

        Browser.Page file = ada.browser().get(ada.at("account/export"));
        assertThat(file.header("Content-Disposition")).startsWith("attachment; filename=\"resonite-link-data-");
        assertThat(file.header("Cache-Control")).isEqualTo("no-store");
        JsonObject export = json(file);
        assertThat(export.getString("principal")).isEqualTo(ada.username());
        assertThat(export.getJsonObject("account").getString("username")).isEqualTo(ada.username());
        assertThat(export.getJsonObject("account").getBoolean("passwordSet")).isTrue();
        JsonObject link = export.getJsonObject("link");
        assertThat(link.getString("resoniteId")).isEqualTo(user.id());
        assertThat(link.getBoolean("refreshTokenStored")).isTrue();
        assertThat(link.getJsonArray("scopes").toString()).contains("offline_access");
        JsonObject registration = export.getJsonArray("registrations").getJsonObject(0);
        assertThat(registration.getString("eventId")).isEqualTo(eventId);
        assertThat(registration.getString("eventTitle")).isEqualTo("Export workshop");
        assertThat(registration.getString("status")).isEqualTo("REGISTERED");
        assertThat(registration.getJsonArray("history").getJsonObject(0).getString("action")).isEqualTo("REGISTER");
        assertThat(export.getJsonArray("auditEntries").stream().map(e -> e.asJsonObject().getString("action")))
                .contains("LINK", "REGISTER");
        assertThat(file.body()).doesNotContain("passwordHash").doesNotContain("\"refreshToken\"");

        JsonObject api = json(ada.browser().get(ada.at("api/me/export")));
        assertThat(api.getJsonObject("link")).isEqualTo(link);
        assertThat(api.getJsonArray("registrations")).isEqualTo(export.getJsonArray("registrations"));
        assertThat(Site.anonymous(base).browser().get(Site.anonymous(base).at("api/me/export")).status()).isEqualTo(401);

        if (Postgres.enabled()) {
            String hash = Postgres.query("select password_hash from app_user where username = '" + ada.username() + "'")
                    .get(0).get(0);
            String sealed = Postgres.query("select refresh_token from account_link where principal = '"
                    + ada.username() + "'").get(0).get(0);
            assertThat(file.body()).doesNotContain(hash).doesNotContain(sealed);
        }
    }

    @Test
    void deletingTheAccountRevokesTheGrantFreesThePlaceAndLeavesNoRowNamingTheUser() throws Exception {
        ResoniteStandIn.User user = StandIn.newUser();
        Site ada = linkedWithOfflineAccess(user);
        ResoniteStandIn.User graceUser = StandIn.newUser();
        Site grace = Site.signedIn(base);
        grace.link(graceUser);
        Site organizer = Organizers.signedIn(base);
        String eventId = EventsIT.createEvent(organizer, "One place", 1, false);
        String key = EventsIT.publishWithKey(organizer, eventId);
        assertThat(EventsIT.register(ada, eventId, "register").status()).isEqualTo(200);
        assertThat(EventsIT.register(grace, eventId, "register").document().select("#registration-outcome")
                .attr("data-outcome")).isEqualTo("WAITLISTED");
        Site adaElsewhere = Site.at(ada.base(), new Browser());
        adaElsewhere.useAccount(ada.username());
        adaElsewhere.signIn();
        assertThat(StandIn.get().liveRefreshTokens(user.id())).isEqualTo(1);

        Browser.Page wrong = deleteAccount(ada, "not my password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.document().select("#delete-error").attr("data-outcome")).isEqualTo("wrong-password");
        assertThat(ada.storedLink()).as("nothing deleted").isNotNull();

        Browser.Page deleted = deleteAccount(ada, Site.PASSWORD);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(302);
        assertThat(deleted.location()).endsWith("/login?deleted");
        assertThat(ada.browser().follow(deleted).document().select("#account-deleted")).isNotEmpty();

        assertThat(StandIn.get().liveRefreshTokens(user.id())).as("the grant at Resonite is revoked").isZero();
        Browser.Page refused = admission(eventId, user.id(), key);
        assertThat(refused.body()).isEqualTo("deny");
        assertThat(refused.header("Admission-Reason")).isEqualTo("not-registered");
        assertThat(admission(eventId, graceUser.id(), key).body()).as("her place went to the waitlist's first")
                .isEqualTo("admit");
        await("the other session to end").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> adaElsewhere.browser().get(adaElsewhere.at("account")).location() != null
                        && adaElsewhere.browser().get(adaElsewhere.at("account")).location().contains("/login"));
        Browser.Page form = Site.anonymous(base).browser().get(ada.at("login"));
        Map<String, String> fields = form.form("form[action$=/login]");
        fields.put("username", ada.username());
        fields.put("password", Site.PASSWORD);
        assertThat(new Browser().post(ada.at("login"), fields).status()).as("the account is gone").isNotEqualTo(302);

        if (Postgres.enabled()) {
            assertThat(everyMention(ada.username())).isEmpty();
            assertThat(everyMention(user.id())).isEmpty();
        }
    }

    @Test
    void anOrganizerDeletesAUserWithAReasonAuditedUnderTheOrganizersName() {
        ResoniteStandIn.User user = StandIn.newUser();
        Site bob = Site.signedIn(base);
        bob.link(user);
        Site organizer = Organizers.signedIn(base);

        Browser.Page self = organizer.browser().get(organizer.at("organizer/users/delete?user=" + Organizers.NAME));
        assertThat(self.status()).as("organizers delete themselves on their account page").isEqualTo(400);
        assertThat(organizer.browser().get(organizer.at("organizer/users/delete?user=nobody-at-all")).status())
                .isEqualTo(404);
        Browser.Page confirm = organizer.browser().get(organizer.at("organizer/users/delete?user=" + bob.username()));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        Map<String, String> form = confirm.form("form#delete-user-form");
        form.put("password", Site.PASSWORD);
        form.put("reason", "  ");
        Browser.Page noReason = organizer.browser().post(organizer.at("organizer/users/delete"), form);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.document().select("#delete-error").attr("data-outcome")).isEqualTo("reason-needed");
        assertThat(bob.storedLink()).as("nothing deleted").isNotNull();

        form.put("reason", "duplicate account, asked by mail");
        Browser.Page done = organizer.browser().post(organizer.at("organizer/users/delete"), form);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).endsWith("/organizer?userDeleted");

        Browser.Page audit = organizer.browser().get(organizer.at("organizer/audit?q=erased-"));
        assertThat(audit.body()).contains("USER_DELETE").contains("duplicate account, asked by mail")
                .contains(Organizers.NAME).doesNotContain(bob.username());
        Browser.Page list = organizer.browser().get(organizer.at("organizer?q=" + bob.username()));
        assertThat(list.document().select("#registrants tbody tr td").text()).doesNotContain(user.id());
        assertThat(json(organizer.browser().get(organizer.at("api/me/export"))).get("link"))
                .as("the organizer's own data is untouched").isEqualTo(JsonValue.NULL);
    }
}
