-- Several replicas: which host handles a chat's updates now (a claim with a lease, in database time).
CREATE TABLE inbox_claims (
    chat_key   bigint PRIMARY KEY,
    owner      text NOT NULL,
    expires_at timestamptz NOT NULL);
