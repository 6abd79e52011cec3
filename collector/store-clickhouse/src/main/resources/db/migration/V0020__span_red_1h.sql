-- Hourly RED rollup, the same rows as span_red_1m (V0004) per hour, so a long window reads 60
-- times fewer rows. Queries read whole hours from here and the partial hours at a window's edges
-- from span_red_1m, so results are exact for any window. Always read with sum(...) GROUP BY.
CREATE TABLE IF NOT EXISTS span_red_1h
(
    hour                DateTime,
    service_name        String,
    span_name           String,
    span_kind           Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1, 'SERVER' = 2, 'CLIENT' = 3, 'PRODUCER' = 4, 'CONSUMER' = 5),
    is_error            UInt8,
    latency_bucket      UInt8,
    span_count          Float64,
    duration_nanos_sum  Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(hour)
ORDER BY (service_name, hour, span_name, span_kind, is_error, latency_bucket)
