-- A row per site user, whatever signed them in: the built-in accounts (with a password hash), or the site's own
-- OpenID Connect provider (resonite-link.sign-in=oidc: origin 'sso', no password, the display name and e-mail claims
-- written at each sign-in). The user name is the container's principal: for single sign-on the principal claim
-- (sub by default), at most 64 characters like a local name.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN origin VARCHAR(16) DEFAULT 'local' NOT NULL;
ALTER TABLE app_user ADD COLUMN display_name VARCHAR(255);
ALTER TABLE app_user ADD COLUMN email VARCHAR(255);
ALTER TABLE app_user ADD COLUMN last_sign_in_at TIMESTAMP;
