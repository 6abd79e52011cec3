-- The token of the spooled request each span came in with, stored with the row so that a batch
-- retried after an unknown outcome (timeout, lost connection, collector killed while sending) is
-- not stored twice: the writer looks up (batch_token, day) before re-inserting (TokenedInsert).
-- 18.16 rejects ADD COLUMN IF NOT EXISTS: the migrator reads system.columns and sends only a
-- missing column, without the clause, so a rerun is harmless. Rows stored before read ''.
ALTER TABLE spans ADD COLUMN IF NOT EXISTS batch_token String
