package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events (issue 24, first part): organizers make and publish them; linked attendees register, are waitlisted when the
 * event is full and move up in order when others cancel; a world's admission check answers by the attendee's current
 * link. Capacity is decided by the database, so a rush never overbooks. Both databases, both servers.
 */
@Tag("postgres")
class EventsIT extends DeployedApp {

    /** An event as an organizer makes it on the organizer's page; returns its id. */
    static String createEvent(Site organizer, String title, Integer capacity, boolean supportersOnly) {
        return createEvent(organizer, title, capacity, supportersOnly ? Map.of("supportersOnly", "on") : Map.of());
    }

    static String createEvent(Site organizer, String title, Integer capacity, Map<String, String> rules) {
        Browser.Page list = organizer.browser().get(organizer.at("organizer/events"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Map<String, String> form = list.form("form#new-event");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0).withSecond(0);
        form.put("title", title);
        form.put("description", "A <b>workshop</b>\nbring questions");
        form.put("location", "Workshop world");
        form.put("timeZone", "Europe/Berlin");
        form.put("startsAt", start.toString());
        form.put("endsAt", start.plusHours(2).toString());
        form.put("capacity", capacity == null ? "" : capacity.toString());
        form.putAll(rules);
        Browser.Page created = organizer.browser().post(organizer.at("organizer/events"), form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = created.location().replaceAll(".*/organizer/events/([a-z2-7]{16}).*", "$1");
        assertThat(id).hasSize(16);
        return id;
    }

    /** Presses one of the organizer's buttons on the event's page; returns the answer. */
    static Browser.Page organizerAction(Site organizer, String eventId, String action) {
        Browser.Page page = organizer.browser().get(organizer.at("organizer/events/" + eventId));
        Map<String, String> form = new HashMap<>(Map.of("csrf", page.form("form#edit-event").get("csrf"), "action", action));
        return organizer.browser().post(organizer.at("organizer/events/" + eventId), form);
    }

    /** Publishes the event and makes its admission key; returns the key, which the page shows this once. */
    static String publishWithKey(Site organizer, String eventId) {
        assertThat(organizerAction(organizer, eventId, "publish").status()).isEqualTo(302);
        Browser.Page keyPage = organizerAction(organizer, eventId, "rotate-key");
        assertThat(keyPage.status()).as(keyPage.body()).isEqualTo(200);
        String key = keyPage.text("#admission-key");
        assertThat(key).matches("[a-z2-7]{32}");
        return key;
    }

    /** A signed-in attendee linked to a new Resonite account of the stand-in. */
    private Site linkedAttendee(ResoniteStandIn.User user) {
        Site site = Site.signedIn(base);
        Browser.Page linked = site.link(user);
        assertThat(linked.status()).as(linked.body()).isEqualTo(302);
        return site;
    }

    static Browser.Page register(Site attendee, String eventId, String action) {
        return register(attendee, eventId, action, null);
    }

    static Browser.Page register(Site attendee, String eventId, String action, String ticket) {
        Browser.Page page = attendee.browser().get(attendee.at("register/" + eventId));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new HashMap<>(Map.of("csrf", page.form("form[action$=/logout]").get("csrf"),
                "action", action));
        if (ticket != null) {
            form.put("ticket", ticket);
        }
        return attendee.browser().post(attendee.at("register/" + eventId), form);
    }

    private static String outcome(Browser.Page page) {
        return page.document().select("#registration-outcome").attr("data-outcome");
    }

    /** Presses an organizer's button with more fields. */
    static Browser.Page organizerAction(Site organizer, String eventId, String action, Map<String, String> fields) {
        Browser.Page page = organizer.browser().get(organizer.at("organizer/events/" + eventId));
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", page.form("form#edit-event").get("csrf"));
        form.put("action", action);
        return organizer.browser().post(organizer.at("organizer/events/" + eventId), form);
    }

    /** The app on loopback, as the tests' trusted proxy would reach it (the deployment's URL may name the host's address). */
    private String root() {
        return "http://localhost:" + base.getPort() + base.getPath();
    }

    private Browser.Page admission(String eventId, String resoniteId, String key) {
        return new Browser().get(root() + "api/events/" + eventId + "/admission/" + resoniteId + "?key=" + key);
    }

    @Test
    void anOrganizerPublishesAnEventALinkedAttendeeRegistersAndTheWorldAdmitsThemByTheirCurrentLink() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Workshop " + id(), 20, false);
        String key = publishWithKey(organizer, id);

        ResoniteStandIn.User user = StandIn.newUser();
        Site attendee = linkedAttendee(user);
        Browser.Page page = new Browser().get(root() + "events/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#event-when")).contains("(Europe/Berlin)").contains("UTC");
        assertThat(page.body()).as("the description is text, never markup").contains("A &lt;b&gt;workshop&lt;/b&gt;");
        assertThat(page.document().select("#sign-in-to-register")).hasSize(1);
        assertThat(page.document().select("#event-when-reader")).as("no zone of the reader known").isEmpty();
        Browser tokyo = new Browser();
        java.net.HttpCookie zone = new java.net.HttpCookie("tz", "Asia/Tokyo"); // what timezone.js sets in a browser
        zone.setPath("/");
        zone.setVersion(0);
        tokyo.cookies().getCookieStore().add(URI.create(root()), zone);
        assertThat(tokyo.get(root() + "events/" + id).text("#event-when-reader")).as("in the reader's own zone")
                .contains("(Asia/Tokyo)");

        assertThat(admission(id, user.id(), key).body()).as("before registering").isEqualTo("deny");
        Browser.Page registered = register(attendee, id, "register");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.document().select("#registration-outcome").attr("data-outcome")).isEqualTo("REGISTERED");

        assertThat(attendee.account().document().select("#my-events li[data-event=" + id + "]").attr("data-state"))
                .as("on the account page").isEqualTo("REGISTERED");
        Browser.Page ics = attendee.browser().get(attendee.at("events/" + id + "/calendar.ics"));
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.body()).contains("UID:" + id + "@resonite-link", "BEGIN:VEVENT");

        Browser.Page admitted = admission(id, user.id(), key);
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.body()).isEqualTo("admit");
        assertThat(admitted.header("Content-Type")).startsWith("text/plain");
        assertThat(admitted.header("Admission-Reason")).isEqualTo("registered");
        assertThat(admitted.header("Cache-Control")).isEqualTo("no-store");
        Browser.Page json = new Browser().withHeader("Accept", "application/json").withHeader("Authorization", "Bearer " + key)
                .get(root() + "api/events/" + id + "/admission/" + user.id());
        JsonObject answer = Json.createReader(new StringReader(json.body())).readObject();
        assertThat(answer.getString("decision")).isEqualTo("admit");
        assertThat(answer.getString("reason")).isEqualTo("registered");
        Browser.Page list = new Browser().get(root() + "api/events/" + id + "/admission-list?key=" + key);
        assertThat(list.body().lines()).containsExactly(user.id());

        attendee.unlink();
        Browser.Page afterUnlink = admission(id, user.id(), key);
        assertThat(afterUnlink.body()).as("admission follows the current link").isEqualTo("deny");
        assertThat(afterUnlink.header("Admission-Reason")).isEqualTo("not-linked-anymore");
        ResoniteStandIn.User other = StandIn.newUser();
        attendee.link(other);
        assertThat(admission(id, other.id(), key).body()).as("the registration goes with the site user").isEqualTo("admit");
        assertThat(admission(id, user.id(), key).body()).isEqualTo("deny");
    }

    /** A world tells "the site cannot be reached" from "not admitted" by this call: no key, no session, no database. */
    @Test
    void aWorldCanAskWhetherTheSiteIsReachable() {
        Browser.Page ping = new Browser().get(root() + "api/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("ok");
        assertThat(ping.header("Content-Type")).startsWith("text/plain");
        assertThat(ping.headers().allValues("Set-Cookie")).as("no session for a world's call").isEmpty();
    }

    @Test
    void unknownEventsAndWrongKeysLookTheSameAndAMalformedIdIsABadRequest() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Keys " + id(), null, false);
        String key = publishWithKey(organizer, id);
        ResoniteStandIn.User user = StandIn.newUser();

        Browser.Page wrongKey = admission(id, user.id(), key.substring(1) + "a");
        Browser.Page unknownEvent = admission("aaaaaaaaaaaaaaaa", user.id(), key);
        Browser.Page noKey = new Browser().get(root() + "api/events/" + id + "/admission/" + user.id());
        for (Browser.Page page : List.of(wrongKey, unknownEvent, noKey)) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).isEqualTo(wrongKey.body());
        }
        assertThat(admission(id, "not-an-id", key).status()).isEqualTo(400);
        assertThat(admission(id, "U-" + "x".repeat(300), key).status()).isEqualTo(400);

        String rotated = publishWithKey(organizer, id);
        assertThat(admission(id, user.id(), key).status()).as("the old key stops at once").isEqualTo(404);
        assertThat(admission(id, user.id(), rotated).body()).isEqualTo("deny");
        assertThat(admission(id, user.id(), rotated).header("Admission-Reason")).isEqualTo("not-registered");
    }

    @Test
    void anAttendeeWithoutALinkIsAskedToLinkAndADraftIsNotShown() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Needs a link " + id(), 5, false);
        Site unlinked = Site.signedIn(base);
        assertThat(unlinked.browser().get(unlinked.at("events/" + id)).status()).as("a draft").isEqualTo(404);
        publishWithKey(organizer, id);
        Browser.Page page = unlinked.browser().get(unlinked.at("register/" + id));
        assertThat(page.document().select("#link-to-register")).hasSize(1);
        assertThat(page.form("form[action$=/oauth/start]").get("returnTo")).isEqualTo("/register/" + id);
        Browser.Page refused = register(unlinked, id, "register");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document().select("#registration-outcome").attr("data-outcome")).isEqualTo("NOT_LINKED");
    }

    /**
     * Resonite user ids may hold dots, dashes and underscores; one {@code ResoniteUserId} shape decides what is an id
     * everywhere (once, an id with a dot could be linked and registered but the admission check answered 400).
     */
    @Test
    void anAttendeeWhoseResoniteIdHasADotIsAdmittedLikeAnyOther() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Dotted " + id(), 5, false);
        String key = publishWithKey(organizer, id);
        ResoniteStandIn.User user = StandIn.newUserWithId("U-dotted.name_" + id());
        Site attendee = linkedAttendee(user);
        Browser.Page registered = register(attendee, id, "register");
        assertThat(registered.document().select("#registration-outcome").attr("data-outcome")).isEqualTo("REGISTERED");
        Browser.Page admitted = admission(id, user.id(), key);
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.body()).isEqualTo("admit");
        assertThat(admission(id, user.id() + "x", key).body()).as("another id").isEqualTo("deny");
    }

    @Test
    void aSupportersOnlyEventAdmitsActiveSupportersOnly() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Supporters " + id(), null, true);
        publishWithKey(organizer, id);
        Site plain = linkedAttendee(StandIn.newNonSupporter());
        Browser.Page refused = register(plain, id, "register");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document().select("#registration-outcome").attr("data-outcome")).isEqualTo("NOT_A_SUPPORTER");
        Site supporter = linkedAttendee(StandIn.newUser()); // the fixture profile is an active supporter
        Browser.Page registered = register(supporter, id, "register");
        assertThat(registered.document().select("#registration-outcome").attr("data-outcome")).as(registered.body())
                .isEqualTo("REGISTERED");
    }

    /**
     * A supporter who linked without Resonite's Patreon permission is refused (the site cannot know), is offered one
     * button that links again asking for it, comes back to the event and registers.
     */
    @Test
    void aSupporterLinkedWithoutThePatreonPermissionLinksAgainWithItFromTheEventAndRegisters() throws Exception {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Supporters " + id(), null, true);
        publishWithKey(organizer, id);
        ResoniteStandIn.User supporter = StandIn.newUser(); // the fixture profile is an active supporter
        Site attendee = Site.signedIn(base);
        Browser.Page linked = attendee.browser().follow(attendee.consent(attendee.startLink(), supporter, "allow",
                List.of())); // Patreon unticked
        assertThat(linked.status()).as(linked.body()).isEqualTo(302);
        assertThat(attendee.storedLink().getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList()).doesNotContain("patreon");

        Browser.Page refused = register(attendee, id, "register");
        assertThat(outcome(refused)).isEqualTo("NOT_A_SUPPORTER");
        Map<String, String> relinkForm = refused.form("form[action$=/oauth/start]:has(input[name=scope][value=patreon])");
        Browser.Page toResonite = attendee.browser().post(attendee.at("oauth/start"), relinkForm);
        assertThat(toResonite.status()).as(toResonite.body()).isEqualTo(302);
        assertThat(com.nimbusds.oauth2.sdk.AuthorizationRequest.parse(toResonite.locationUri()).getScope().toStringList())
                .as("the permission is asked for").contains("patreon");
        Browser.Page back = attendee.browser().follow(attendee.consent(toResonite, supporter, "allow", List.of("patreon")));
        assertThat(back.location()).as("back to the event").contains("/events/" + id);
        assertThat(outcome(register(attendee, id, "register"))).isEqualTo("REGISTERED");
    }

    @Test
    void onlyThePatreonAndEmailPermissionsCanBeAskedForOnTopOfTheConfiguredOnes() {
        Site attendee = Site.signedIn(base);
        Map<String, String> form = attendee.account().form("form[action$=/oauth/start]");
        form.put("scope", "offline_access");
        Browser.Page refused = attendee.browser().post(attendee.at("oauth/start"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("That permission cannot be asked for here");
    }

    /** 100 attendees press Register at once for 10 places: the database decides, whatever the threads. */
    @Test
    @Slow
    void aRushOfAHundredForTenPlacesRegistersExactlyTenAndCancellationsPromoteInOrder() throws Exception {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Rush " + id(), 10, false);
        String key = publishWithKey(organizer, id);
        // two at a time: each sign-up and sign-in hashes a password, and a node hashes one per two cores at once
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Site>> made = new ArrayList<>();
        List<ResoniteStandIn.User> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ResoniteStandIn.User user = StandIn.newUser();
            users.add(user);
            made.add(pool.submit(() -> linkedAttendee(user)));
        }
        List<Site> attendees = new ArrayList<>();
        for (Future<Site> site : made) {
            attendees.add(site.get());
        }
        pool.shutdown();
        List<Map<String, String>> forms = new ArrayList<>();
        for (Site attendee : attendees) {
            Browser.Page page = attendee.browser().get(attendee.at("register/" + id));
            forms.add(new HashMap<>(Map.of("csrf", page.form("form[action$=/logout]").get("csrf"), "action", "register")));
        }
        ExecutorService rush = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            Site attendee = attendees.get(i);
            Map<String, String> form = forms.get(i);
            outcomes.add(rush.submit(() -> {
                go.await();
                Browser.Page answer = attendee.browser().post(attendee.at("register/" + id), form);
                return answer.document().select("#registration-outcome").attr("data-outcome");
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        rush.shutdown();
        assertThat(results).filteredOn("REGISTERED"::equals).hasSize(10);
        assertThat(results).filteredOn("WAITLISTED"::equals).hasSize(90);

        List<String> admitted = new Browser().get(root() + "api/events/" + id + "/admission-list?key=" + key)
                .body().lines().toList();
        assertThat(admitted).hasSize(10);

        int firstRegistered = results.indexOf("REGISTERED");
        assertThat(register(attendees.get(firstRegistered), id, "cancel").status()).isEqualTo(302);
        List<String> nowAdmitted = new Browser().get(root() + "api/events/" + id + "/admission-list?key=" + key)
                .body().lines().toList();
        assertThat(nowAdmitted).as("one place given back, one taken from the waitlist").hasSize(10)
                .doesNotContain(users.get(firstRegistered).id());
        assertThat(admission(id, users.get(firstRegistered).id(), key).header("Admission-Reason")).isEqualTo("cancelled");
    }

    @Test
    void theWaitlistMovesUpFirstInFirstOut() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Queue " + id(), 1, false);
        String key = publishWithKey(organizer, id);
        List<ResoniteStandIn.User> users = new ArrayList<>();
        List<Site> attendees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ResoniteStandIn.User user = StandIn.newUser();
            users.add(user);
            Site attendee = linkedAttendee(user);
            attendees.add(attendee);
            String expected = i == 0 ? "REGISTERED" : "WAITLISTED";
            assertThat(register(attendee, id, "register").document().select("#registration-outcome").attr("data-outcome"))
                    .isEqualTo(expected);
        }
        assertThat(admission(id, users.get(1).id(), key).body()).isEqualTo("waitlisted");
        register(attendees.get(0), id, "cancel");
        assertThat(admission(id, users.get(1).id(), key).body()).as("the first waiting").isEqualTo("admit");
        assertThat(admission(id, users.get(2).id(), key).body()).isEqualTo("waitlisted");
        register(attendees.get(2), id, "cancel"); // leaves the waitlist: the next promotion skips it
        register(attendees.get(1), id, "cancel");
        assertThat(admission(id, users.get(3).id(), key).body()).isEqualTo("admit");
        assertThat(admission(id, users.get(2).id(), key).header("Admission-Reason")).isEqualTo("cancelled");
        Browser.Page again = register(attendees.get(0), id, "register");
        assertThat(again.document().select("#registration-outcome").attr("data-outcome")).as("back at the end")
                .isEqualTo("WAITLISTED");
    }

    @Test
    void aTicketCodeRegistersOnePersonEvenWhenUsedTwiceAtOnceAndVoidedOrUnknownCodesAreRefused() throws Exception {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Paid " + id(), null, Map.of("ticketRequired", "on"));
        String key = publishWithKey(organizer, id);
        Browser.Page made = organizerAction(organizer, id, "tickets", Map.of("count", "2"));
        List<String> codes = made.document().select("#new-codes code").eachText();
        assertThat(codes).hasSize(2).allSatisfy(code -> assertThat(code).matches("[a-z2-7]{5}(-[a-z2-7]{5}){3}"));
        assertThat(organizer.browser().get(organizer.at("organizer/events/" + id)).body()).as("codes are shown once")
                .doesNotContain(codes.get(0));

        ResoniteStandIn.User first = StandIn.newUser();
        ResoniteStandIn.User second = StandIn.newUser();
        Site a = linkedAttendee(first);
        Site b = linkedAttendee(second);
        assertThat(outcome(register(a, id, "register"))).isEqualTo("TICKET_NEEDED");
        assertThat(outcome(register(a, id, "register", "aaaaa-bbbbb-ccccc-ddddd"))).isEqualTo("TICKET_INVALID");

        String shared = codes.get(0).toUpperCase(java.util.Locale.ROOT).replace("-", " "); // typed any which way
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> outcome(register(a, id, "register", shared)));
            Future<String> two = pool.submit(() -> outcome(register(b, id, "register", shared)));
            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder("REGISTERED", "TICKET_INVALID");
        } finally {
            pool.shutdown();
        }
        Browser.Page manage = organizer.browser().get(organizer.at("organizer/events/" + id));
        assertThat(manage.document().select("#ticket-list tr[data-state=redeemed]")).hasSize(1);

        Browser.Page csv = organizerAction(organizer, id, "tickets-csv", Map.of("count", "3"));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().skip(1).toList()).hasSize(3).allSatisfy(l -> assertThat(l).endsWith("," + id));
        String voided = csv.body().lines().skip(1).findFirst().orElseThrow().split(",")[0];
        List<String> unused = organizer.browser().get(organizer.at("organizer/events/" + id)).document()
                .select("#ticket-list tr[data-state=unused]").eachAttr("data-ticket");
        assertThat(unused).hasSize(4); // the other first code and the three of the CSV
        for (String ticket : unused) { // void every unused one: the CSV's first among them
            assertThat(organizerAction(organizer, id, "void-ticket", Map.of("ticket", ticket)).location()).endsWith("?voided");
        }
        String winner = admission(id, first.id(), key).body().equals("admit") ? first.id() : second.id();
        Site holder = winner.equals(first.id()) ? a : b;
        Site loser = holder == a ? b : a;
        assertThat(outcome(register(loser, id, "register", voided))).as("a voided code").isEqualTo("TICKET_INVALID");
        assertThat(outcome(register(loser, id, "register", codes.get(1)))).isEqualTo("TICKET_INVALID");
        assertThat(new Browser().get(root() + "api/events/" + id + "/admission-list?key=" + key).body().lines())
                .containsExactly(winner);
        // a cancellation keeps the person's ticket: registering again needs no new code
        register(holder, id, "cancel");
        assertThat(outcome(register(holder, id, "register"))).isEqualTo("REGISTERED");
    }

    @Test
    void anInviteListMatchesByIdAndTurnsANameIntoTheIdOfWhoeverRegistersWithIt() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Invited " + id(), null, Map.of("inviteOnly", "on"));
        publishWithKey(organizer, id);
        ResoniteStandIn.User byId = StandIn.newUser();
        ResoniteStandIn.User byName = StandIn.newUser("Invited Name " + id());
        ResoniteStandIn.User stranger = StandIn.newUser();
        Browser.Page saved = organizerAction(organizer, id, "invites",
                Map.of("invites", byId.id() + "\n" + byName.profile().getString("username").toLowerCase(java.util.Locale.ROOT)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        assertThat(outcome(register(linkedAttendee(stranger), id, "register"))).isEqualTo("NOT_INVITED");
        assertThat(outcome(register(linkedAttendee(byId), id, "register"))).isEqualTo("REGISTERED");
        assertThat(outcome(register(linkedAttendee(byName), id, "register"))).as("by the name, any case")
                .isEqualTo("REGISTERED");
        String list = organizer.browser().get(organizer.at("organizer/events/" + id)).text("#invite-list");
        assertThat(list).as("the name is now that account's id").contains(byName.id())
                .doesNotContain(byName.profile().getString("username"));

        Browser.Page bad = organizerAction(organizer, id, "invites", Map.of("invites", "ok\nbad\u0001name"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("#event-problems")).contains("Not a Resonite user id or username");
    }

    @Test
    void organizersSeeTheRosterOnThePageInCsvAndTheApiAndRemoveAndReadmitWithAnAuditedReason() {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Roster " + id(), 1, false);
        String key = publishWithKey(organizer, id);
        ResoniteStandIn.User first = StandIn.newUser();
        ResoniteStandIn.User second = StandIn.newUser();
        Site a = linkedAttendee(first);
        Site b = linkedAttendee(second);
        register(a, id, "register");
        register(b, id, "register");
        assertThat(admission(id, first.id(), key).body()).isEqualTo("admit"); // checks in

        Browser.Page page = organizer.browser().get(organizer.at("organizer/events/" + id));
        assertThat(page.document().select("#roster-list tbody tr").eachAttr("data-status"))
                .containsExactly("REGISTERED", "WAITLISTED");
        assertThat(page.text("#roster-list")).contains(a.username(), first.id(), b.username(), second.id());

        // check-ins are written in batches (CheckIns): the roster shows the admitted-at within a moment
        Browser.Page csv = await("the check-in on the roster").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> organizer.browser().get(organizer.at("organizer/events/" + id + "/roster.csv")),
                        roster -> roster.body().lines().skip(1).findFirst().orElse("").split(",").length == 8);
        assertThat(csv.body().lines().toList()).hasSize(3);
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).startsWith(a.username() + "," + first.id())
                .contains(",registered,");

        Browser.Page api = new Browser().withHeader("Authorization", "Bearer " + OrganizerIT.API_TOKEN)
                .get(root() + "api/events/" + id + "/registrations?size=1");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        JsonObject json = Json.createReader(new StringReader(api.body())).readObject();
        assertThat(json.getInt("total")).isEqualTo(2);
        assertThat(json.getJsonArray("items").getJsonObject(0).getString("resoniteId")).isEqualTo(first.id());
        assertThat(json.getJsonArray("items").getJsonObject(0).getString("firstAdmittedAt")).isNotEmpty();
        assertThat(new Browser().get(root() + "api/events/" + id + "/registrations").status()).isEqualTo(401);
        assertThat(a.browser().get(a.at("api/events/" + id + "/registrations")).status()).isEqualTo(403);

        String registration = page.document().select("#roster-list tbody tr[data-status=REGISTERED]").attr("data-registration");
        assertThat(organizerAction(organizer, id, "remove", Map.of("registration", registration, "reason", " ")).status())
                .as("a reason is needed").isEqualTo(400);
        assertThat(organizerAction(organizer, id, "remove", Map.of("registration", registration,
                "reason", "shared the world link")).location()).endsWith("?remove");
        assertThat(admission(id, first.id(), key).header("Admission-Reason")).isEqualTo("removed");
        assertThat(admission(id, second.id(), key).body()).as("the waitlist's first moved up").isEqualTo("admit");
        Browser.Page audit = organizer.browser().get(organizer.at("organizer/audit?q=" + a.username()));
        assertThat(audit.document().select("#audit tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("REG_REMOVE", Organizers.NAME, "shared the world link"));

        assertThat(organizerAction(organizer, id, "readmit", Map.of("registration", registration)).location())
                .endsWith("?readmit");
        assertThat(admission(id, first.id(), key).body()).as("no place left: waitlisted").isEqualTo("waitlisted");
    }

    @Test
    void registrationOpensAndClosesWhenTheOrganizerSaysAndAClosedOrCancelledEventTakesNoOne() {
        Site organizer = Organizers.signedIn(base);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        String later = createEvent(organizer, "Opens later " + id(), null, Map.of("timeZone", "UTC",
                "opensAt", now.plusDays(1).toString()));
        publishWithKey(organizer, later);
        Site attendee = linkedAttendee(StandIn.newUser());
        assertThat(outcome(register(attendee, later, "register"))).isEqualTo("NOT_OPEN_YET");

        String open = createEvent(organizer, "Open now " + id(), null, false);
        String key = publishWithKey(organizer, open);
        assertThat(organizerAction(organizer, open, "close").status()).isEqualTo(302);
        assertThat(outcome(register(attendee, open, "register"))).isEqualTo("CLOSED");
        assertThat(organizerAction(organizer, open, "publish").status()).isEqualTo(302);
        assertThat(outcome(register(attendee, open, "register"))).isEqualTo("REGISTERED");
        assertThat(organizerAction(organizer, open, "cancel").status()).isEqualTo(302);
        Browser.Page cancelled = admission(open, linkedId(attendee), key);
        assertThat(cancelled.body()).isEqualTo("deny");
        assertThat(cancelled.header("Admission-Reason")).isEqualTo("event-cancelled");
        assertThat(new Browser().get(root() + "events").body()).as("a cancelled event is not listed")
                .doesNotContain(open);
        assertThat(new Browser().get(root() + "events/" + open).text("#event-cancelled")).contains("cancelled");
    }

    private static String linkedId(Site site) {
        return site.storedLink().getString("resoniteId");
    }

    /** The hot path has limits that hold for the whole cluster: per event key, and per client address. */
    @Test
    void admissionChecksAreLimitedPerKeyAndPerAddressWithoutWrongKeysUsingUpAWorldsAllowance() throws Exception {
        Site organizer = Organizers.signedIn(base);
        String id = createEvent(organizer, "Busy world " + id(), null, false);
        String key = publishWithKey(organizer, id);
        String other = createEvent(organizer, "Quiet world " + id(), null, false);
        String otherKey = publishWithKey(organizer, other);
        ResoniteStandIn.User user = StandIn.newUser();

        awaitFreshMinute();
        Browser prober = new Browser().withHeader("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 200 + 20));
        int probes = 0;
        Browser.Page probe;
        do { // wrong keys from one address: that address is stopped, the world's key is not touched
            probe = prober.get(root() + "api/events/" + id + "/admission/" + user.id() + "?key=wrong" + probes);
            probes++;
        } while (probe.status() == 404 && probes < 2100);
        assertThat(probe.status()).as("after " + probes + " wrong keys").isEqualTo(429);
        assertThat(probes).isBetween(2000, 2001);
        assertThat(Integer.parseInt(probe.header("Retry-After"))).isBetween(1, 60);
        assertThat(admission(id, user.id(), key).body()).as("the world, from its own address").isEqualTo("deny");

        awaitFreshMinute();
        int calls = 0;
        Browser.Page answer;
        do {
            answer = admission(id, user.id(), key);
            calls++;
        } while (answer.status() == 200 && calls < 400);
        assertThat(answer.status()).as("after " + calls + " checks of one event").isEqualTo(429);
        assertThat(calls).as("300 a minute (the world's single call before may count too)").isBetween(300, 301);
        assertThat(admission(other, user.id(), otherKey).status()).as("another event's key").isEqualTo(200);
    }

    /** The limits count per clock minute: a loop that must stay inside one starts early in one. */
    private static void awaitFreshMinute() throws InterruptedException {
        int second = java.time.LocalTime.now(ZoneOffset.UTC).getSecond();
        if (second > 35) {
            Thread.sleep((61 - second) * 1000L);
        }
    }

    private static String id() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
