CREATE TABLE IF NOT EXISTS users (username VARCHAR(50) PRIMARY KEY, password VARCHAR(500) NOT NULL, enabled BOOLEAN NOT NULL);
CREATE TABLE IF NOT EXISTS authorities (username VARCHAR(50) NOT NULL, authority VARCHAR(50) NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS ix_auth_username ON authorities (username, authority);
CREATE TABLE IF NOT EXISTS account_link (
    username VARCHAR(50) PRIMARY KEY,
    resonite_id VARCHAR(64) NOT NULL UNIQUE,
    resonite_username VARCHAR(64),
    email VARCHAR(320),
    refresh_token VARCHAR(4096),
    linked_at TIMESTAMP NOT NULL
);
