-- Span events and links, in the span's own row as parallel arrays: element i of every event_*
-- array is event i (ARRAY JOIN them together to get one row per event). Attributes of one event
-- or link are an Array(String) of keys and one of values, so the columns are Array(Array(String)).
-- 18.16 rejects ADD COLUMN IF NOT EXISTS (syntax error, measured), so this is plain ADD COLUMN in
-- ONE statement: 18.16 applies it all or nothing (measured: one duplicate column adds none).
-- Old rows read back as empty arrays; trace_index_mv and span_red_1m_mv name their columns and
-- keep working.
ALTER TABLE spans
    ADD COLUMN event_time_unix_nanos  Array(UInt64),
    ADD COLUMN event_names            Array(String),
    ADD COLUMN event_attribute_keys   Array(Array(String)),
    ADD COLUMN event_attribute_values Array(Array(String)),
    ADD COLUMN link_trace_ids         Array(String),
    ADD COLUMN link_span_ids          Array(String),
    ADD COLUMN link_trace_states      Array(String),
    ADD COLUMN link_attribute_keys    Array(Array(String)),
    ADD COLUMN link_attribute_values  Array(Array(String))
