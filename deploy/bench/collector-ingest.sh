#!/usr/bin/env bash
# Collector ingest next to the raw insert (issue 6's targets): one private ClickHouse; per pair,
# interleaved, the corpus rows inserted straight into a fresh `spans` (clickhouse-client, Native
# blocks) and the same spans replayed as OTLP/HTTP requests of 1,000 spans from 4 clients through
# the real collector jar into another fresh database, until all are stored. Prints a Markdown
# table (rates, their ratio, CPU-seconds per million spans of collector, ClickHouse and
# clickhouse-client, collector peak RSS, 503s) and appends it to
# deploy/bench/results/collector-ingest-<date>.md; docs/benchmarks.md holds results.
# Usage: deploy/bench/collector-ingest.sh [--quick] [collector_ingest.py options]
#   --quick   1 pair of 100,000 spans (a smoke test of the harness, not numbers to quote)
#   defaults: 5 pairs of 1,000,000 spans, collector -Xmx1g (--heap), --collector-env KEY=VALUE
# Needs clickhouse-server and clickhouse-client (ClickHouse 18.16+), a JDK 21+, python3.
# The corpus is generated once (seeded) under deploy/bench/target/corpus-<spans>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/local/common.sh
source deploy/local/prerequisites.sh
use_java_21_or_newer

ensure_clickhouse_server
command -v clickhouse-client >/dev/null 2>&1 || apt_install clickhouse-client || die "the harness needs clickhouse-client (Debian: apt-get install clickhouse-client)"
OUT=deploy/bench/target
BENCH_JAR=collector/benchmarks/target/meerkat-collector-benchmarks.jar
COLLECTOR_JAR=collector/server/target/meerkat-collector.jar
if [ "${MEERKAT_BENCH_SKIP_BUILD:-}" != 1 ]; then
  say "building the collector and its benchmarks (MEERKAT_BENCH_SKIP_BUILD=1 reuses the jars)"
  ./mvnw -B -q -pl collector/server,collector/benchmarks -am package -DskipTests
fi

spans=1000000
extra=()
if [ "${1:-}" = "--quick" ]; then
  shift
  spans=100000
  extra=(--pairs 1)
fi
for arg in "$@"; do
  case "$arg" in --spans=*) spans="${arg#--spans=}" ;; esac
done
corpus="$OUT/corpus-$spans"
columns=$("$JAVA_HOME/bin/java" -cp "$BENCH_JAR" dev.meerkat.collector.benchmarks.CorpusWriter --columns 2>/dev/null)
# A corpus written by an older writer (other columns) is not "the same rows": write it again.
if [ ! -f "$corpus/columns.txt" ] || [ "$(cat "$corpus/columns.txt")" != "$columns" ]; then
  say "writing the corpus of $spans spans to $corpus (once)"
  "$JAVA_HOME/bin/java" -cp "$BENCH_JAR" dev.meerkat.collector.benchmarks.CorpusWriter "$corpus" "$spans"
fi
mkdir -p deploy/bench/results
python3 deploy/bench/collector_ingest.py --java "$JAVA_HOME/bin/java" --bench-jar "$BENCH_JAR" \
  --collector-jar "$COLLECTOR_JAR" --corpus "$corpus" --spans "$spans" --work "$OUT/ingest" \
  --out "deploy/bench/results/collector-ingest-$(date +%Y-%m-%d).md" "${extra[@]}" "$@"
