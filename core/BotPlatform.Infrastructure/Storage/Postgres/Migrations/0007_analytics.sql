-- The analytics projection (issue 13): one row per step visit and per document status stay, the daily buckets
-- that /stats reads, and the digests sent. Written by the approval and document stores' decorators inside the
-- unit of work, so they commit or roll back with the aggregate.
CREATE TABLE step_decisions (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL,
    request_id bigint NOT NULL,
    decided_at timestamptz,
    is_open boolean NOT NULL);
CREATE INDEX step_decisions_request_id ON step_decisions (request_id);
CREATE INDEX step_decisions_decided_at ON step_decisions (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX step_decisions_open ON step_decisions (is_open) WHERE is_open;

CREATE TABLE document_spans (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL,
    document_id bigint NOT NULL,
    left_at timestamptz,
    is_open boolean NOT NULL);
CREATE INDEX document_spans_document_id ON document_spans (document_id);
CREATE INDEX document_spans_left_at ON document_spans (left_at) WHERE left_at IS NOT NULL;
CREATE INDEX document_spans_open ON document_spans (is_open) WHERE is_open;

CREATE TABLE step_buckets (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL,
    day date NOT NULL);
CREATE INDEX step_buckets_day ON step_buckets (day);

CREATE TABLE span_buckets (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL,
    day date NOT NULL);
CREATE INDEX span_buckets_day ON span_buckets (day);

CREATE TABLE digests (
    id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    data jsonb NOT NULL);
