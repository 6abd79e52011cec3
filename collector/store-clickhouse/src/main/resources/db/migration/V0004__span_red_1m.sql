-- Per-minute RED rollup: span counts (weighted by sample rate, so sampling does not skew rates or
-- SLOs) per service / operation / kind / error flag / latency bucket. Quantiles and "share of
-- requests under X ms" both come from the buckets. Bucket b holds durations in
-- [2^(b/4), 2^((b+1)/4)) microseconds (factor 1.19 per bucket); bucket 0 also holds everything
-- under 1 microsecond. Always read with sum(...) GROUP BY: rows merge in the background.
CREATE TABLE IF NOT EXISTS span_red_1m
(
    minute              DateTime,
    service_name        String,
    span_name           String,
    span_kind           Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1, 'SERVER' = 2, 'CLIENT' = 3, 'PRODUCER' = 4, 'CONSUMER' = 5),
    is_error            UInt8,
    latency_bucket      UInt8,
    span_count          Float64,
    duration_nanos_sum  Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(minute)
ORDER BY (service_name, minute, span_name, span_kind, is_error, latency_bucket)
