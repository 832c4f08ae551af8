-- Local accounts (the built-in sign-in; a deployment with its own SSO leaves them empty)
CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);

CREATE TABLE app_user_group (
    username   VARCHAR(64) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    group_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (username, group_name)
);

-- One row per link; both sides unique, so the one-to-one rule holds in the database itself
CREATE TABLE account_link (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    principal          VARCHAR(255)  NOT NULL,
    provider           VARCHAR(32)   NOT NULL,
    resonite_id        VARCHAR(128)  NOT NULL,
    username           VARCHAR(512)  NOT NULL,
    icon_url           VARCHAR(1024),
    email              VARCHAR(512),
    patreon_active     BOOLEAN,
    patreon_months     INTEGER,
    patreon_tier_cents INTEGER,
    scopes             VARCHAR(255)  NOT NULL,
    linked_at          TIMESTAMP     NOT NULL,
    refreshed_at       TIMESTAMP     NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT uq_account_link_principal UNIQUE (principal),
    CONSTRAINT uq_account_link_resonite UNIQUE (provider, resonite_id)
);
