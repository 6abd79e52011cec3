#!/usr/bin/env bash
# Query latency with 10 million spans stored (issue 6's targets: trace by id p99 <= 100 ms, the
# services RED query p99 <= 50 ms for any window up to 30 days). A private ClickHouse under
# deploy/bench/target/queries-<spans> is filled once with corpus traces spread over the last 30
# days, written through the collector's span writer (later runs reuse the data), then trace-by-id
# lookups of random stored traces and the services RED query over 1 h, 24 h, 7 d and 30 d are
# timed through the read ports (TraceRepository, ServiceMetricsRepository). Prints a Markdown
# table and appends it to deploy/bench/results/collector-queries-<date>.md.
# Usage: deploy/bench/collector-queries.sh [--quick] [spans [lookups [repeats]]]
#   --quick   1,000,000 spans, 50 lookups, 20 runs per window (a smoke test of the harness)
#   defaults: 10,000,000 spans, 200 lookups, 100 runs per window
# Populating 10 million spans takes a few minutes on 2 cores; delete the directory to start over.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/local/common.sh
source deploy/local/prerequisites.sh
use_java_21_or_newer
ensure_clickhouse_server

BENCH_JAR=collector/benchmarks/target/meerkat-collector-benchmarks.jar
if [ "${MEERKAT_BENCH_SKIP_BUILD:-}" != 1 ]; then
  say "building the collector benchmarks (MEERKAT_BENCH_SKIP_BUILD=1 reuses the jar)"
  ./mvnw -B -q -pl collector/benchmarks -am package -DskipTests
fi
if [ "${1:-}" = "--quick" ]; then
  shift
  set -- 1000000 50 20
fi
spans="${1:-10000000}"
lookups="${2:-200}"
repeats="${3:-100}"
mkdir -p deploy/bench/results
results="deploy/bench/results/collector-queries-$(date +%Y-%m-%d).md"
{
  echo "## Collector queries, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- $spans spans, $lookups trace lookups, $repeats runs per window (after a warm-up); load average before: $(cat /proc/loadavg)"
  echo "- $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
} | tee -a "$results"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$BENCH_JAR" dev.meerkat.collector.benchmarks.QueryBenchmark \
  "deploy/bench/target/queries-$spans" "$spans" "$lookups" "$repeats" | tee -a "$results"
{
  echo
  echo "- load average after: $(cat /proc/loadavg)"
  echo
} | tee -a "$results"
