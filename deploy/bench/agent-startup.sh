#!/usr/bin/env bash
# Agent start-up cost: time from JVM start to the first HTTP 200 of the demo checkout service,
# without and with -javaagent, interleaved (A B A B) as docs/benchmarks.md asks. The agent exports
# to a closed port so no collector is needed; the inventory service runs bare.
# Usage: deploy/bench/agent-startup.sh [runs]   (build first: ./meerkat build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/local/common.sh
use_java_21_or_newer
JAVA="$JAVA_HOME/bin/java"
DEMO=deploy/demo/target/meerkat-demo.jar
AGENT=agent/dist/target/meerkat-agent.jar
[ -f "$DEMO" ] && [ -f "$AGENT" ] || die "build first: ./meerkat build"
require_free_port 18081 "the benchmark's checkout service"
require_free_port 18082 "the benchmark's inventory service"

"$JAVA" -cp "$DEMO" dev.meerkat.demo.InventoryService 18082 0 >/dev/null 2>&1 &
inventory=$!
trap 'kill $inventory 2>/dev/null' EXIT
until curl -s -o /dev/null http://127.0.0.1:18082/inventory/warmup; do sleep 0.05; done

first_200_ms() {
  local start end pid
  start=$(date +%s%N)
  "$JAVA" "$@" -Dsun.net.httpserver.nodelay=true -cp "$DEMO" dev.meerkat.demo.CheckoutService \
    18081 http://127.0.0.1:18082 >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18081/checkout)" = 200 ]; do
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo $(((end - start) / 1000000))
}

for _ in $(seq "${1:-6}"); do
  bare=$(first_200_ms)
  agent=$(first_200_ms "-javaagent:$AGENT" -Dotel.exporter.otlp.endpoint=http://127.0.0.1:1)
  echo "bare=${bare} ms agent=${agent} ms"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
