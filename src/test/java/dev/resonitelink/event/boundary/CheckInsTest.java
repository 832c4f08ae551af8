package dev.resonitelink.event.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInsTest {

    /** The database side: the batches written, or a failure while it is down. */
    static final class Table extends CheckIns {
        final List<Map<String, Instant>> written = new ArrayList<>();
        boolean down;

        @Override
        public void write(Map<String, Instant> batch) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            written.add(Map.copyOf(batch));
        }
    }

    private static CheckIns node(Table table) {
        CheckIns node = new CheckIns();
        node.self = table;
        return node;
    }

    @Test
    void manyFirstAdmitsOfOneRegistrationBeforeAWriteKeepTheEarliestAndMakeOneRow() {
        Table table = new Table();
        CheckIns node = node(table);
        Instant early = Instant.parse("2026-12-06T20:00:00Z");
        node.record("r1", early.plusSeconds(2));
        node.record("r1", early);
        node.record("r2", early.plusSeconds(1));
        node.flush();
        assertThat(table.written).containsExactly(Map.of("r1", early, "r2", early.plusSeconds(1)));
        node.flush();
        assertThat(table.written).as("nothing waiting, nothing written").hasSize(1);
    }

    @Test
    void checkInsWaitWhileTheDatabaseIsDownAndAreWrittenWhenItIsBack() {
        Table table = new Table();
        CheckIns node = node(table);
        Instant at = Instant.parse("2026-12-06T20:00:00Z");
        node.record("r1", at);
        table.down = true;
        node.flush();
        assertThat(table.written).isEmpty();
        table.down = false;
        node.flush();
        assertThat(table.written).containsExactly(Map.of("r1", at));
    }
}
