package dev.resonitelink.event.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.ManualClock;
import dev.resonitelink.settings.Setting;
import dev.resonitelink.settings.TestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionLimitsTest {

    /** The rate_window table as {@link AdmissionLimits#add} keeps it, counting its transactions. */
    static final class Table extends AdmissionLimits {
        final Map<String, Integer> hits = new HashMap<>();
        int writes;

        @Override
        public int add(String key, Instant window, int count) {
            writes++;
            return hits.merge(key + "@" + window, count, Integer::sum);
        }
    }

    /** One node's limits on the shared table, {@code perKey} checks a minute per event key. */
    private static AdmissionLimits node(Table table, ManualClock clock, int perKey) {
        Map<String, String> values = TestSettings.valid();
        values.put(Setting.ADMISSIONS_PER_KEY.key(), String.valueOf(perKey));
        AdmissionLimits node = new AdmissionLimits();
        node.settings = TestSettings.with(values);
        node.self = table;
        node.clock = clock;
        return node;
    }

    @Test
    void aQuietKeyWritesOncePerTwentyFiveChecksHoweverSlowlyTheyCome() {
        Table table = new Table();
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
        AdmissionLimits node = node(table, clock, 6000);
        for (int i = 0; i < 50; i++) {
            assertThat(node.countKey("aaaaaaaaaaaaaaaa")).isEmpty();
            clock.move(Duration.ofMillis(1000)); // one join a second: every check after a pause
        }
        assertThat(table.writes).as("a write per 25 checks, not per pause").isEqualTo(2);
    }

    @Test
    void twoNodesTogetherStopWithinOneBatchPerNodeOfTheLimit() {
        Table table = new Table();
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
        AdmissionLimits first = node(table, clock, 100);
        AdmissionLimits second = node(table, clock, 100);
        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            AdmissionLimits node = i % 2 == 0 ? first : second;
            if (node.countKey("aaaaaaaaaaaaaaaa").isEmpty()) {
                allowed++;
            }
        }
        assertThat(allowed).as("the cluster's count decides, short by at most one batch of the other node")
                .isBetween(100, 100 + AdmissionLimits.FLUSH_HITS - 1);
        assertThat(second.countKey("aaaaaaaaaaaaaaaa")).as("refused with the rest of the minute to wait")
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aNewMinuteStartsFromZero() {
        Table table = new Table();
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
        AdmissionLimits node = node(table, clock, 30);
        for (int i = 0; i < 40; i++) {
            node.countKey("aaaaaaaaaaaaaaaa");
        }
        assertThat(node.countKey("aaaaaaaaaaaaaaaa")).isPresent();
        clock.move(Duration.ofMinutes(1));
        assertThat(node.countKey("aaaaaaaaaaaaaaaa")).isEmpty();
    }
}
