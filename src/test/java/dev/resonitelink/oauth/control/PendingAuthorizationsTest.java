package dev.resonitelink.oauth.control;

import dev.resonitelink.web.FlowSession;
import dev.resonitelink.ManualClock;
import dev.resonitelink.settings.TestSettings;

import dev.resonitelink.settings.Setting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.oauth.entity.PendingAuthorization;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingAuthorizationsTest {

    private final Instant start = Instant.parse("2026-11-28T10:00:00Z");
    private final ManualClock clock = new ManualClock(start);
    private final PendingAuthorizations pending = Flows.pending(TestSettings.defaults(), clock);

    private PendingAuthorization request(String state) {
        return new PendingAuthorization(state, "verifier-" + state, null, new dev.resonitelink.SitePrincipal("alice"), Set.of("profile"),
                clock.instant(), null);
    }

    @Test
    void aStateCanBeTakenOnlyOnce() {
        FlowSession session = FakeSession.create();
        pending.add(session, request("s1"));
        assertThat(pending.take(session, "s1")).map(PendingAuthorization::codeVerifier).contains("verifier-s1");
        assertThat(pending.take(session, "s1")).isEmpty();
    }

    @Test
    void unknownMissingOrOtherSessionsStatesAreRefused() {
        FlowSession session = FakeSession.create();
        FlowSession other = FakeSession.create();
        pending.add(session, request("s1"));
        assertThat(pending.take(session, "s2")).isEmpty();
        assertThat(pending.take(session, null)).isEmpty();
        assertThat(pending.take(null, "s1")).isEmpty();
        assertThat(pending.take(other, "s1")).isEmpty();
        assertThat(pending.take(session, "s1")).isPresent();
    }

    @Test
    void parallelTabsEachCompleteOnceInAnyOrder() {
        FlowSession session = FakeSession.create();
        pending.add(session, request("tab1"));
        pending.add(session, request("tab2"));
        pending.add(session, request("tab3"));
        assertThat(pending.take(session, "tab2")).isPresent();
        assertThat(pending.take(session, "tab1")).isPresent();
        assertThat(pending.take(session, "tab3")).isPresent();
        assertThat(pending.count(session)).isZero();
    }

    @Test
    void aRequestExpiresAfterTheConfiguredLifetime() {
        FlowSession session = FakeSession.create();
        pending.add(session, request("s1"));
        pending.add(session, request("s2"));
        clock.set(start.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(pending.take(session, "s1")).isPresent();
        clock.set(start.plus(Duration.ofMinutes(10)));
        assertThat(pending.take(session, "s2")).isEmpty();
    }

    @Test
    void theMapIsBoundedAndDropsTheOldest() {
        FlowSession session = FakeSession.create();
        for (int i = 0; i < 50; i++) {
            pending.add(session, request("s" + i));
        }
        assertThat(pending.count(session)).isEqualTo(5);
        assertThat(pending.take(session, "s0")).isEmpty();
        assertThat(pending.take(session, "s49")).isPresent();
    }

    @Test
    void theBoundComesFromConfiguration() {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.MAX_PENDING_FLOWS.key(), "2");
        PendingAuthorizations small = Flows.pending(TestSettings.with(values), clock);
        FlowSession session = FakeSession.create();
        small.add(session, request("a"));
        small.add(session, request("b"));
        small.add(session, request("c"));
        assertThat(small.count(session)).isEqualTo(2);
        assertThat(small.take(session, "a")).isEmpty();
    }
}
