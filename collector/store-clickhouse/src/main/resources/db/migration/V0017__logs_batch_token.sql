-- As V0015 for log records: the spooled request's token, for exactly-once retries.
ALTER TABLE logs ADD COLUMN IF NOT EXISTS batch_token String
