-- Every OTLP point type in full (exemplars are not stored). min and max are NULL when the sender
-- did not send them; value holds the sum of histograms and summaries (nan when not sent).
-- Exponential histograms: exp_* columns; summaries: quantiles with quantile_values.
-- Plain ADD COLUMN in one statement: see V0009 for why not IF NOT EXISTS.
ALTER TABLE metric_points
    ADD COLUMN start_time_unix_nano       UInt64,
    ADD COLUMN description                String,
    ADD COLUMN flags                      UInt32,
    ADD COLUMN scope_name                 String,
    ADD COLUMN scope_version              String,
    ADD COLUMN min                        Nullable(Float64),
    ADD COLUMN max                        Nullable(Float64),
    ADD COLUMN exp_scale                  Int32,
    ADD COLUMN exp_zero_count             UInt64,
    ADD COLUMN exp_zero_threshold         Float64,
    ADD COLUMN exp_positive_offset        Int32,
    ADD COLUMN exp_positive_bucket_counts Array(UInt64),
    ADD COLUMN exp_negative_offset        Int32,
    ADD COLUMN exp_negative_bucket_counts Array(UInt64),
    ADD COLUMN quantiles                  Array(Float64),
    ADD COLUMN quantile_values            Array(Float64)
