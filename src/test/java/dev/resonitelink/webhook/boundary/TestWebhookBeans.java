package dev.resonitelink.webhook.boundary;

import dev.resonitelink.testing.TestDatabase;
import java.time.Clock;

/** The webhook beans for unit tests of other packages, wired as the container would. */
public final class TestWebhookBeans {

    /** An outbox writing in the caller's transaction; its {@code REQUIRES_NEW} counter insert in one of its own. */
    public static Outbox outbox(TestDatabase db, Clock clock) {
        Outbox outbox = new Outbox();
        Outbox self = new Outbox() {
            @Override
            public void startCounting(String subject) {
                db.inTransaction(() -> outbox.startCounting(subject));
            }
        };
        outbox.em = db.entityManager();
        outbox.self = self;
        outbox.clock = clock;
        return outbox;
    }

    private TestWebhookBeans() {
    }
}
