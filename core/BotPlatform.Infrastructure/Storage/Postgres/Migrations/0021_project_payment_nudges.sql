-- Payment nudges (issue 11): a project's next nudge is a column, kept by the store on every write, so the
-- timer sweep reads only the due projects. No project has a billing period before this migration.
ALTER TABLE projects ADD COLUMN next_nudge_at timestamptz;
CREATE INDEX projects_next_nudge_at ON projects (next_nudge_at) WHERE next_nudge_at IS NOT NULL;
