-- Webhooks (Standard Webhooks): the endpoints organizers register, and the outbox. A change that other services hear
-- about writes its message and one delivery per subscribed endpoint in the change's own transaction, so a change
-- without its message, or a message without its change, cannot be. The secrets sign the messages (HMAC-SHA256): the
-- current one, and for 24 hours after a rotation the previous one too.
CREATE TABLE webhook_endpoint (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    url                    VARCHAR(2000) NOT NULL,
    description            VARCHAR(500)  NOT NULL,
    event_types            VARCHAR(1000) NOT NULL,
    enabled                BOOLEAN       NOT NULL,
    secret                 VARCHAR(100)  NOT NULL,
    previous_secret        VARCHAR(100),
    previous_secret_until  TIMESTAMP,
    failing_since          TIMESTAMP,
    disabled_reason        VARCHAR(200),
    created_by             VARCHAR(255)  NOT NULL,
    created_at             TIMESTAMP     NOT NULL
);

-- One row per event; the payload is cleared once every delivery of it has ended (it names the user).
CREATE TABLE webhook_message (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    event_type  VARCHAR(40)   NOT NULL,
    payload     VARCHAR(8000),
    created_at  TIMESTAMP     NOT NULL
);

-- The order of each user's events (link.created before link.removed): a counter per subject, taken in the change's
-- transaction, so two changes of one user are numbered in the order they commit.
CREATE TABLE webhook_subject (
    subject   VARCHAR(255) NOT NULL PRIMARY KEY,
    last_seq  BIGINT       NOT NULL
);

-- One row per message and endpoint. A node claims an attempt with one conditional update (claimed_until), so no two
-- nodes send the same attempt; a node that dies mid-attempt leaves a claim that expires, and another node retries
-- (with the same webhook-id). subject and seq hold back a user's later events until the earlier ones are delivered
-- (or failed for good); subject is cleared when the delivery ends.
CREATE TABLE webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    message_id       VARCHAR(40)   NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    endpoint_id      VARCHAR(36)   NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    subject          VARCHAR(255),
    seq              BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP     NOT NULL,
    claimed_by       VARCHAR(64),
    claimed_until    TIMESTAMP,
    last_attempt_at  TIMESTAMP,
    last_status_code INTEGER,
    last_error       VARCHAR(200),
    created_at       TIMESTAMP     NOT NULL,
    ended_at         TIMESTAMP
);

CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_order ON webhook_delivery (endpoint_id, subject, seq);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at);
