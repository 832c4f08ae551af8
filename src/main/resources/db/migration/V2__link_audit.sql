-- Every link, re-link, unlink and failed attempt: who, which Resonite account, when, how it ended.
-- No token, code, secret or profile data.
CREATE TABLE link_audit (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP    NOT NULL,
    principal   VARCHAR(255) NOT NULL,
    resonite_id VARCHAR(128),
    action      VARCHAR(16)  NOT NULL,
    outcome     VARCHAR(32)  NOT NULL,
    request_id  VARCHAR(16)  NOT NULL
);

CREATE INDEX ix_link_audit_occurred_at ON link_audit (occurred_at);
CREATE INDEX ix_link_audit_principal ON link_audit (principal);
