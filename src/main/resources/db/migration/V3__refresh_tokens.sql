-- Token lifecycle: the refresh token (AES-GCM encrypted by the app, never in clear), and whether Resonite
-- stopped honouring it so the user must consent again.
ALTER TABLE account_link ADD COLUMN refresh_token VARCHAR(4096);
ALTER TABLE account_link ADD COLUMN needs_reconsent BOOLEAN DEFAULT FALSE NOT NULL;

-- A lease per scheduled job, so that of several nodes only one runs it at a time.
CREATE TABLE job_lease (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    holder      VARCHAR(64),
    leased_until TIMESTAMP  NOT NULL
);
INSERT INTO job_lease (name, holder, leased_until) VALUES ('profile-refresh', NULL, TIMESTAMP '2000-01-01 00:00:00');
