-- Daily RED rollup (UTC days), the rows of span_red_1h per day: a 30-day window reads about 30
-- day rows per key instead of 720 hour rows, which matters once every key is busy every hour.
-- Reads take whole days from here, whole hours around them from span_red_1h, and the minutes at
-- the edges from span_red_1m. Fed from spans (see V0021). Daily partitions, like every table, so
-- retention drops whole days.
-- A table and a view TO it (not a view with an inner table), so cluster mode can give each
-- server its own table and retention drops the table's partitions.
CREATE TABLE IF NOT EXISTS span_red_1d
(
    day                  DateTime,
    service_name         String,
    span_name            String,
    span_kind            Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1, 'SERVER' = 2, 'CLIENT' = 3, 'PRODUCER' = 4, 'CONSUMER' = 5),
    is_error             UInt8,
    latency_bucket       UInt8,
    span_count           Float64,
    duration_nanos_sum   Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(day)
ORDER BY (service_name, day, span_name, span_kind, is_error, latency_bucket);

CREATE MATERIALIZED VIEW IF NOT EXISTS span_red_1d_mv TO span_red_1d AS
SELECT
    toDateTime(intDiv(toUInt32(start_time), 86400) * 86400) AS day,
    service_name,
    span_name,
    span_kind,
    toUInt8(status_code = 'ERROR') AS is_error,
    toUInt8(least(255, greatest(0, floor(log2(greatest(duration_nanos, 1000) / 1000) * 4)))) AS latency_bucket,
    sum(sample_rate) AS span_count,
    sum(duration_nanos * sample_rate) AS duration_nanos_sum
FROM spans
GROUP BY day, service_name, span_name, span_kind, is_error, latency_bucket
