-- The token of the spooled request each span came in with, stored with the row so that a batch
-- retried after an unknown outcome (timeout, lost connection, collector killed while sending) is
-- not stored twice: the writer looks up (batch_token, day) before re-inserting (TokenedInsert).
-- ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS; the migrator runs this once and records it.
-- Rows stored before this migration read ''.
ALTER TABLE spans ADD COLUMN batch_token String
