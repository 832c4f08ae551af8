-- The key of the pseudonyms that replace a deleted user's name in what is kept about them (audit entries, the events
-- they made, the tickets they redeemed), when resonite-link.pseudonym-key is not set: 256 random bits, made by the
-- first node that needs it (the primary key decides between nodes), never shown.
CREATE TABLE site_key (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    key_value   VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

-- The retention job's lease: one node at a time removes what is past its retention.
INSERT INTO job_lease (name, holder, leased_until) VALUES ('retention', NULL, TIMESTAMP '2000-01-01 00:00:00');

-- Finding what a user did as an organizer (erasure and export look up the actor, pruning the date).
CREATE INDEX ix_link_audit_actor ON link_audit (actor);
CREATE INDEX ix_event_ticket_redeemed_by ON event_ticket (redeemed_by);
