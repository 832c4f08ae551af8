-- Who did it, for entries one person does to another (an organizer granting or revoking organizer rights); the
-- configuration or the bootstrap code when no person did.
ALTER TABLE link_audit ADD COLUMN actor VARCHAR(255);

-- The one-time code that makes an existing account the first organizer (only its SHA-256 is kept). At most one row.
CREATE TABLE organizer_bootstrap (
    id          INTEGER      NOT NULL PRIMARY KEY,
    code_hash   VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    failures    INTEGER      NOT NULL
);

-- Failed sign-ins per account ('user:<name>') and per client address ('addr:<ip>'), shared by every node.
CREATE TABLE sign_in_throttle (
    throttle_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMP    NOT NULL,
    blocked_until TIMESTAMP
);
