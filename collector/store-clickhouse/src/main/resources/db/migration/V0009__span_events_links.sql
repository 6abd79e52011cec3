-- Span events and links, in the span's own row as parallel arrays: element i of every event_*
-- array is event i (ARRAY JOIN them together to get one row per event). Attributes of one event
-- or link are an Array(String) of keys and one of values, so the columns are Array(Array(String)).
-- 18.16 rejects ADD COLUMN IF NOT EXISTS (syntax error, measured): the migrator reads
-- system.columns and sends only the missing columns, without the clause, so a rerun is harmless.
-- Old rows read back as empty arrays; trace_index_mv and span_red_1m_mv name their columns and
-- keep working.
ALTER TABLE spans
    ADD COLUMN IF NOT EXISTS event_time_unix_nanos  Array(UInt64),
    ADD COLUMN IF NOT EXISTS event_names            Array(String),
    ADD COLUMN IF NOT EXISTS event_attribute_keys   Array(Array(String)),
    ADD COLUMN IF NOT EXISTS event_attribute_values Array(Array(String)),
    ADD COLUMN IF NOT EXISTS link_trace_ids         Array(String),
    ADD COLUMN IF NOT EXISTS link_span_ids          Array(String),
    ADD COLUMN IF NOT EXISTS link_trace_states      Array(String),
    ADD COLUMN IF NOT EXISTS link_attribute_keys    Array(Array(String)),
    ADD COLUMN IF NOT EXISTS link_attribute_values  Array(Array(String))
