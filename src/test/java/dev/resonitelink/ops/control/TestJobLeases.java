package dev.resonitelink.ops.control;

import dev.resonitelink.testing.TestDatabase;
import java.time.Clock;

/** Job leases for unit tests: one per simulated node, each {@code take} in a transaction of its own. */
public final class TestJobLeases {

    public static JobLeases of(TestDatabase db, String node, Clock clock) {
        JobLeases leases = new JobLeases() {
            @Override
            public boolean take(String job, java.time.Duration hold) {
                return db.inTransaction(() -> super.take(job, hold));
            }
        };
        leases.em = db.entityManager();
        leases.node = node;
        leases.clock = clock;
        return leases;
    }

    private TestJobLeases() {
    }
}
