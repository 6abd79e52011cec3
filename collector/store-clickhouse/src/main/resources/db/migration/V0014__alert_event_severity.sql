-- Burn-rate alerts have a severity (page, ticket) since issue 7; older rows were single-threshold
-- alerts, which paged. (18.16 does not parse IF NOT EXISTS here; the migrator leaves out columns
-- that already exist and sends the rest without it.)
ALTER TABLE alert_events ADD COLUMN IF NOT EXISTS severity String DEFAULT 'page'
