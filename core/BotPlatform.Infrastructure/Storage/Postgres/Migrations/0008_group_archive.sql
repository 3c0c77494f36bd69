-- The client groups' message archive: one row per Telegram message ("CHAT:MESSAGE"), its edits as versions in data.
CREATE TABLE group_messages (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL,
    group_id bigint NOT NULL,
    at timestamptz NOT NULL,
    message_id integer NOT NULL);
CREATE INDEX group_messages_group_id ON group_messages (group_id, at, message_id);
