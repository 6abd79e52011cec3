-- Burn-rate alerts have a severity (page, ticket) since issue 7; older rows were single-threshold
-- alerts, which paged. (No IF NOT EXISTS: the oldest supported ClickHouse does not parse it here;
-- the migrator runs each version once.)
ALTER TABLE alert_events ADD COLUMN severity String DEFAULT 'page'
