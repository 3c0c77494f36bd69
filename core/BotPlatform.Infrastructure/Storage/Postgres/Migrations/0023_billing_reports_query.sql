-- /reports filtered by client, period and status in the database (it read every report and filtered in memory), and the
-- sweep that invoices approved reports a crash left without an invoice: their columns, filled from the documents.
ALTER TABLE billing_reports
    ADD COLUMN status text NOT NULL DEFAULT 'Draft',
    ADD COLUMN period_from date,
    ADD COLUMN period_to date,
    ADD COLUMN invoice_due_at timestamptz;
UPDATE billing_reports SET
    status = COALESCE(data->>'Status', 'Draft'),
    period_from = (data->>'From')::date,
    period_to = (data->>'To')::date,
    invoice_due_at = (data->'InvoiceDueAt'->>'$date')::timestamptz;
CREATE INDEX billing_reports_status ON billing_reports (status, id);
CREATE INDEX billing_reports_period ON billing_reports (period_to, period_from);
CREATE INDEX billing_reports_invoice_due ON billing_reports (invoice_due_at) WHERE status = 'Approved';
