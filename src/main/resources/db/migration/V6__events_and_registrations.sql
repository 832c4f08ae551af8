-- Events that site users register for with their linked Resonite account, and the registrations. Times are UTC
-- instants; time_zone is the organizer's zone, for showing them. The id is random (80 bits, base32): an unlisted
-- event is reachable only by its link. registered counts the registrations in status REGISTERED and is what the
-- capacity is checked against, in one conditional update: the database decides, whatever the concurrency.
CREATE TABLE site_event (
    id                  VARCHAR(16)   NOT NULL PRIMARY KEY,
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    location            VARCHAR(200)  NOT NULL,
    starts_at           TIMESTAMP     NOT NULL,
    ends_at             TIMESTAMP     NOT NULL,
    time_zone           VARCHAR(64)   NOT NULL,
    capacity            INTEGER,
    registered          INTEGER       NOT NULL,
    opens_at            TIMESTAMP,
    closes_at           TIMESTAMP,
    listed              BOOLEAN       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    supporters_only     BOOLEAN       NOT NULL,
    ticket_required     BOOLEAN       NOT NULL,
    invite_only         BOOLEAN       NOT NULL,
    admission_key_hash  VARCHAR(64),
    created_by          VARCHAR(255)  NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT ck_event_capacity CHECK (capacity IS NULL OR (capacity > 0 AND registered <= capacity)),
    CONSTRAINT ck_event_registered CHECK (registered >= 0)
);

CREATE INDEX ix_site_event_starts_at ON site_event (starts_at);

-- One registration per site user and event. The Resonite id the user was linked to when registering is kept only to
-- explain a refusal ("not-linked-anymore"); admission always follows the user's current link. queued_at orders the
-- waitlist (first in, first promoted).
CREATE TABLE event_registration (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_id            VARCHAR(16)   NOT NULL REFERENCES site_event (id),
    principal           VARCHAR(255)  NOT NULL,
    registered_as       VARCHAR(128)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    queued_at           TIMESTAMP     NOT NULL,
    registered_at       TIMESTAMP,
    first_admitted_at   TIMESTAMP,
    ticket_id           VARCHAR(36),
    changed_at          TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uq_event_registration UNIQUE (event_id, principal)
);

CREATE INDEX ix_event_registration_waitlist ON event_registration (event_id, status, queued_at);
CREATE INDEX ix_event_registration_principal ON event_registration (principal);

-- Single-use ticket codes of paid events: only the SHA-256 of each code is kept (codes carry 100 random bits and are
-- shown once). Redeeming is one conditional update (unredeemed and not voided), so a code used twice at once makes one
-- registration.
CREATE TABLE event_ticket (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_id            VARCHAR(16)   NOT NULL REFERENCES site_event (id),
    code_hash           VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    redeemed_by         VARCHAR(255),
    redeemed_at         TIMESTAMP,
    voided_at           TIMESTAMP,
    CONSTRAINT uq_event_ticket_code UNIQUE (event_id, code_hash)
);

-- The invite list of an event: Resonite ids, or usernames that become ids when a user with that name registers with
-- a linked account (from then on only the id matches: a name can change hands).
CREATE TABLE event_invite (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_id            VARCHAR(16)   NOT NULL REFERENCES site_event (id),
    resonite_id         VARCHAR(128),
    username            VARCHAR(128),
    CONSTRAINT ck_event_invite_who CHECK (resonite_id IS NOT NULL OR username IS NOT NULL)
);

CREATE INDEX ix_event_invite_event ON event_invite (event_id);

-- Which event an audit entry is about (event changes, registrations, promotions), and the words an organizer gave
-- (the reason for removing a registration).
ALTER TABLE link_audit ADD COLUMN event_id VARCHAR(16);
ALTER TABLE link_audit ADD COLUMN detail VARCHAR(500);

-- Request counts per key ('adm-key:<event>', 'adm-addr:<client>') and one-minute window, shared by every node: each
-- node adds what it counted since its last write, at least every 200 ms, and reads the cluster's total back.
CREATE TABLE rate_window (
    rate_key      VARCHAR(200)  NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP     NOT NULL,
    hits          INTEGER       NOT NULL
);
