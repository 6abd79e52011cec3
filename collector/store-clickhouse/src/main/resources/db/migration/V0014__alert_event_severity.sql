-- Burn-rate alerts have a severity (page, ticket) since issue 7; older rows were single-threshold
-- alerts, which paged.
ALTER TABLE alert_events ADD COLUMN IF NOT EXISTS severity LowCardinality(String) DEFAULT 'page'
