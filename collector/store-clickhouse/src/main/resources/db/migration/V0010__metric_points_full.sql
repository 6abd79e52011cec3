-- Every OTLP point type in full (exemplars are not stored). min and max are NULL when the sender
-- did not send them; value holds the sum of histograms and summaries (nan when not sent).
-- Exponential histograms: exp_* columns; summaries: quantiles with quantile_values.
-- ADD COLUMN IF NOT EXISTS on 18.16: see V0009.
ALTER TABLE metric_points
    ADD COLUMN IF NOT EXISTS start_time_unix_nano       UInt64,
    ADD COLUMN IF NOT EXISTS description                String,
    ADD COLUMN IF NOT EXISTS flags                      UInt32,
    ADD COLUMN IF NOT EXISTS scope_name                 String,
    ADD COLUMN IF NOT EXISTS scope_version              String,
    ADD COLUMN IF NOT EXISTS min                        Nullable(Float64),
    ADD COLUMN IF NOT EXISTS max                        Nullable(Float64),
    ADD COLUMN IF NOT EXISTS exp_scale                  Int32,
    ADD COLUMN IF NOT EXISTS exp_zero_count             UInt64,
    ADD COLUMN IF NOT EXISTS exp_zero_threshold         Float64,
    ADD COLUMN IF NOT EXISTS exp_positive_offset        Int32,
    ADD COLUMN IF NOT EXISTS exp_positive_bucket_counts Array(UInt64),
    ADD COLUMN IF NOT EXISTS exp_negative_offset        Int32,
    ADD COLUMN IF NOT EXISTS exp_negative_bucket_counts Array(UInt64),
    ADD COLUMN IF NOT EXISTS quantiles                  Array(Float64),
    ADD COLUMN IF NOT EXISTS quantile_values            Array(Float64)
