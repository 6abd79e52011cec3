-- As V0015 for metric points: the spooled request's token, for exactly-once retries.
ALTER TABLE metric_points ADD COLUMN IF NOT EXISTS batch_token String
