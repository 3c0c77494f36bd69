-- Departments as admins manage them in the bot (seeded from the organisation file); ids are lower-case codes.
CREATE TABLE departments (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL);
