#!/usr/bin/env bash
# Dashboard speed with 10 million spans stored (issue 9's quality bar: every API call behind a page
# p99 <= 300 ms, each page shows its data within 1.5 s in Chromium). Reuses the 10M-span data set of
# deploy/bench/collector-queries.sh (copied to deploy/bench/target/dashboard-<spans>, built first
# when missing), adds through the collector's writers what the pages need (spans topped up to now,
# logs with trace ids, JVM metrics of six instances), starts a private ClickHouse on it and the real
# dashboard jar (sign-in on: a users file with a fresh password and API token, two SLOs as code),
# then times every /api/v1 call behind a page with the token and every page of
# deploy/bench/dashboard-pages.tsv in headless Chromium. Prints Markdown tables and appends them to
# deploy/bench/results/dashboard-speed-<date>.md.
# Usage: deploy/bench/dashboard-speed.sh [--quick] [apiRuns [pageRuns]]
#   defaults: 100 runs per API call (after 5 warm-up), 5 loads per page (after 1 warm-up)
#   --quick   20 runs per call, 2 loads per page (a smoke test of the harness)
#   MEERKAT_BENCH_SKIP_BUILD=1 reuses the jars and the test classpath of the last build;
#   MEERKAT_BENCH_PAGES=file times the pages of another table (apiRuns 0 skips the API calls);
#   MEERKAT_BENCH_API_PAGES=service,map times only the API calls behind those pages;
#   MEERKAT_BENCH_CLICKHOUSE_HTTP_PORT, MEERKAT_BENCH_CLICKHOUSE_TCP_PORT, MEERKAT_BENCH_DASHBOARD_PORT
#   move the private ClickHouse and the dashboard off 18623, 19600 and 18480.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/local/common.sh
source deploy/local/prerequisites.sh
source deploy/local/demo.sh # wait_for_http
use_java_21_or_newer
ensure_clickhouse_server
ensure_browser

SPANS=10000000
BENCH_JAR=collector/benchmarks/target/meerkat-collector-benchmarks.jar
DASHBOARD_JAR=dashboard/target/meerkat-dashboard.jar
CLASSPATH_FILE=dashboard/target/bench-classpath.txt
if [ "${MEERKAT_BENCH_SKIP_BUILD:-}" != 1 ]; then
  say "building the collector benchmarks and the dashboard with its test classes (MEERKAT_BENCH_SKIP_BUILD=1 reuses them)"
  ./mvnw -B -q -pl collector/benchmarks,dashboard -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
if [ "${1:-}" = "--quick" ]; then
  shift
  set -- 20 2
fi
api_runs="${1:-100}"
page_runs="${2:-5}"

ch_http="${MEERKAT_BENCH_CLICKHOUSE_HTTP_PORT:-18623}"
ch_tcp="${MEERKAT_BENCH_CLICKHOUSE_TCP_PORT:-19600}"
port="${MEERKAT_BENCH_DASHBOARD_PORT:-18480}"
require_free_port "$ch_http" "the benchmark's ClickHouse (HTTP)"
require_free_port "$ch_tcp" "the benchmark's ClickHouse (native)"
require_free_port "$port" "the benchmark's dashboard"

data="deploy/bench/target/dashboard-$SPANS"
work="deploy/bench/target/dashboard-speed"
if [ ! -d "$data" ]; then
  source_data="deploy/bench/target/queries-$SPANS"
  if [ ! -d "$source_data" ]; then
    say "populating $SPANS spans as collector-queries.sh does (a few minutes once)"
    "$JAVA_HOME/bin/java" -Xmx2g -cp "$BENCH_JAR" dev.meerkat.collector.benchmarks.QueryBenchmark \
      "$source_data" "$SPANS" 20 3
  fi
  say "copying $source_data to $data (this harness adds rows to it)"
  cp -a "$source_data" "$data"
  rm -f "$data/clickhouse-server.pid"
fi
mkdir -p "$work/logs" "$work/slos" deploy/bench/results
cat >"$work/slos/bench.yaml" <<'EOF'
slos:
  - id: checkout-availability
    name: Checkout availability
    service: checkout
    indicator: availability
    objective: 99.9
    window: 30d
  - id: frontend-latency
    name: Frontend latency
    service: frontend
    indicator: latency
    threshold: 200ms
    objective: 95
    window: 7d
EOF

BG_PIDS=()
# The dashboard first; ClickHouse stops cleanly when its stdin closes.
stop_all() {
  if [ ${#BG_PIDS[@]} -gt 1 ]; then
    kill -TERM "${BG_PIDS[1]}" 2>/dev/null || true
    wait "${BG_PIDS[1]}" 2>/dev/null || true
  fi
  if [ ${#BG_PIDS[@]} -gt 0 ]; then
    exec 7>&- || true
    wait "${BG_PIDS[0]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT

# The private ClickHouse runs until its stdin (a fifo held open here) closes.
fifo="$work/clickhouse.stdin"
rm -f "$fifo"
mkfifo "$fifo"
"$JAVA_HOME/bin/java" -Xmx256m -cp "$BENCH_JAR" dev.meerkat.collector.benchmarks.BenchClickHouse \
  serve "$data" "$ch_http" "$ch_tcp" <"$fifo" >"$work/logs/clickhouse.log" 2>&1 &
BG_PIDS+=($!)
exec 7>"$fifo"
clickhouse_url="http://127.0.0.1:$ch_http"
wait_for_http "$clickhouse_url/ping" ClickHouse "$work/logs/clickhouse.log" "${BG_PIDS[0]}" 180

say "topping the data up to now: spans, logs, JVM metrics"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$BENCH_JAR" dev.meerkat.collector.benchmarks.DashboardBenchData \
  "$clickhouse_url" bench_queries "$SPANS"

test_classpath="dashboard/target/test-classes:dashboard/target/classes:$(cat "$CLASSPATH_FILE")"
"$JAVA_HOME/bin/java" -cp "$test_classpath" dev.meerkat.dashboard.e2e.DashboardSpeedBench users "$work"
rm -rf "$work/state"
env MEERKAT_DATA_DIR="$work/state" MEERKAT_AUTH_USERSFILE="$work/users" \
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$DASHBOARD_JAR" \
  --meerkat.clickhouse.url="$clickhouse_url" --meerkat.clickhouse.database=bench_queries \
  --server.port="$port" --meerkat.public-url="http://127.0.0.1:$port" \
  --meerkat.slo.directory="$work/slos" >"$work/logs/dashboard.log" 2>&1 &
BG_PIDS+=($!)
wait_for_http "http://127.0.0.1:$port/login" dashboard "$work/logs/dashboard.log" "${BG_PIDS[1]}" 240

results="deploy/bench/results/dashboard-speed-$(date +%Y-%m-%d).md"
{
  echo "## Dashboard speed, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- data: \`$data\` ($(curl -fsS "$clickhouse_url/?database=bench_queries" --data-binary "SELECT count() FROM spans") spans, $(curl -fsS "$clickhouse_url/?database=bench_queries" --data-binary "SELECT count() FROM logs") logs, $(curl -fsS "$clickhouse_url/?database=bench_queries" --data-binary "SELECT count() FROM metric_points") metric points)"
  echo "- dashboard \`-Xmx512m\`, commit $(git rev-parse --short HEAD); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(chromium --version 2>/dev/null)"
  echo "- load average before: $(cat /proc/loadavg)"
  echo
} | tee -a "$results"
"$JAVA_HOME/bin/java" -cp "$test_classpath" dev.meerkat.dashboard.e2e.DashboardSpeedBench run \
  "http://127.0.0.1:$port" "$work" "${MEERKAT_BENCH_PAGES:-deploy/bench/dashboard-pages.tsv}" "$api_runs" "$page_runs" "${MEERKAT_BENCH_API_PAGES:-}" |
  tee -a "$results"
{
  echo
  echo "- load average after: $(cat /proc/loadavg)"
  echo
} | tee -a "$results"
