-- whosThat schema, version 1: every storage port of the domain.
-- Secrets (tokens, codes, session ids, client secrets) are stored only as their SHA-256 digest
-- (bytea, 32 bytes); every lookup goes by that digest, the primary key. Expiring tables carry an
-- index on expires_at for the sweep, which deletes in small batches.

CREATE TABLE clients (
    -- "C": ordered and compared byte by byte, as the domain compares ids.
    client_id      text COLLATE "C" PRIMARY KEY,
    name           text    NOT NULL,
    auth_method    text    NOT NULL,
    secret_digest  bytea   CHECK (octet_length(secret_digest) = 32),
    grant_types    text[]  NOT NULL,
    redirect_uris  text[]  NOT NULL,
    scope          text[]  NOT NULL,
    require_pkce   boolean NOT NULL,
    CHECK ((auth_method = 'none') = (secret_digest IS NULL))
);

CREATE TABLE users (
    user_id        text COLLATE "C" PRIMARY KEY,
    username       text COLLATE "C" NOT NULL UNIQUE,
    password_hash  text NOT NULL
);

-- One row per grant: every token issued from one authorization, and every token rotated from
-- them. Rotation and revocation lock this row, which serialises them across nodes. A revoked grant
-- stays as a tombstone until its tokens would have expired, so that a token saved late for it is
-- refused.
CREATE TABLE grants (
    grant_id         text COLLATE "C" PRIMARY KEY,
    revoked          boolean     NOT NULL DEFAULT false,
    current_refresh  bytea,
    expires_at       timestamptz NOT NULL
);
CREATE INDEX grants_expires_at ON grants (expires_at);

CREATE TABLE access_tokens (
    digest      bytea PRIMARY KEY CHECK (octet_length(digest) = 32),
    grant_id    text COLLATE "C" NOT NULL,
    client_id   text COLLATE "C" NOT NULL,
    -- the resource owner; both null for a client credentials token
    subject     text,
    username    text,
    scope       text[]      NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    CHECK ((subject IS NULL) = (username IS NULL))
);
CREATE INDEX access_tokens_grant ON access_tokens (grant_id);
CREATE INDEX access_tokens_expires_at ON access_tokens (expires_at);

CREATE TABLE refresh_tokens (
    digest      bytea PRIMARY KEY CHECK (octet_length(digest) = 32),
    grant_id    text COLLATE "C" NOT NULL,
    client_id   text COLLATE "C" NOT NULL,
    subject     text,
    username    text,
    scope       text[]      NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    state       text        NOT NULL CHECK (state IN ('ACTIVE', 'ROTATED', 'REVOKED')),
    CHECK ((subject IS NULL) = (username IS NULL))
);
CREATE INDEX refresh_tokens_grant ON refresh_tokens (grant_id);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

CREATE TABLE authorization_codes (
    digest              bytea PRIMARY KEY CHECK (octet_length(digest) = 32),
    grant_id            text COLLATE "C" NOT NULL,
    client_id           text COLLATE "C" NOT NULL,
    redirect_uri        text        NOT NULL,
    redirect_uri_given  boolean     NOT NULL,
    scope               text[]      NOT NULL,
    subject             text        NOT NULL,
    username            text        NOT NULL,
    code_challenge      text,
    issued_at           timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    consumed            boolean     NOT NULL DEFAULT false
);
CREATE INDEX authorization_codes_expires_at ON authorization_codes (expires_at);

CREATE TABLE login_sessions (
    digest            bytea PRIMARY KEY CHECK (octet_length(digest) = 32),
    subject           text        NOT NULL,
    username          text        NOT NULL,
    authenticated_at  timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL
);
CREATE INDEX login_sessions_expires_at ON login_sessions (expires_at);

CREATE TABLE consents (
    subject     text COLLATE "C" NOT NULL,
    client_id   text COLLATE "C" NOT NULL,
    scope       text[]      NOT NULL,
    granted_at  timestamptz NOT NULL,
    PRIMARY KEY (subject, client_id)
);
