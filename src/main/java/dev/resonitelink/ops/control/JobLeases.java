package dev.resonitelink.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Leases of the scheduled jobs, one row per job in {@code job_lease}: of several nodes only the one holding a job's
 * lease runs it. Taking it is one conditional update (free, expired, or already this node's), so the database
 * decides between nodes; a node that dies holding one frees it when the lease runs out.
 */
@ApplicationScoped
public class JobLeases {

    /** This node, for as long as the application runs. */
    static final String NODE = UUID.randomUUID().toString();

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();
    String node = NODE;

    /** Takes (or keeps) the lease of {@code job} for {@code hold}; whether this node holds it now. */
    @Transactional
    public boolean take(String job, Duration hold) {
        Instant now = clock.instant();
        return em.createNativeQuery("update job_lease set holder = ?1, leased_until = ?2"
                        + " where name = ?4 and (leased_until < ?3 or holder = ?1)")
                .setParameter(1, node).setParameter(2, Timestamp.from(now.plus(hold)))
                .setParameter(3, Timestamp.from(now)).setParameter(4, job)
                .executeUpdate() == 1;
    }
}
