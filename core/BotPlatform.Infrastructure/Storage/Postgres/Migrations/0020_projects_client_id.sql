-- A client's projects were found by reading the ClientId out of every project's JSON (no index could serve it):
-- the client is now a column, kept by the store on every write, with an index.
ALTER TABLE projects ADD COLUMN client_id bigint NOT NULL DEFAULT 0;
UPDATE projects SET client_id = COALESCE(data->'ClientId'->>'$numberLong', data->>'ClientId')::bigint
    WHERE data ? 'ClientId';
CREATE INDEX projects_client_id ON projects (client_id);
