-- As V0015 for metric points: the spooled request's token, for exactly-once retries.
-- ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS; the migrator runs this once and records it.
ALTER TABLE metric_points ADD COLUMN batch_token String
