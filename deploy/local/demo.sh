# ./meerkat demo: runs the whole product on this machine until Ctrl-C, then stops everything it
# started. Logs go to $MEERKAT_DATA_DIR/logs; ClickHouse data stays in $MEERKAT_DATA_DIR/clickhouse
# so a second run reuses it.

DEMO_PIDS=()

start_process() {
  local name="$1" log="$2"
  shift 2
  "$@" >"$log" 2>&1 &
  DEMO_PIDS+=($!)
  say "started $name (pid $!, log $log)"
}

stop_demo() {
  trap - INT TERM EXIT
  say "stopping..."
  local i
  # Reverse start order: traffic and services first, the collector (and its ClickHouse) last, so
  # the collector can flush what it still holds.
  for ((i = ${#DEMO_PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${DEMO_PIDS[$i]}" 2>/dev/null || true
    wait "${DEMO_PIDS[$i]}" 2>/dev/null || true
  done
  say "stopped"
}

# $1 random bytes as lower-case hex, from the kernel's random source.
random_hex() {
  od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}

# Waits until an HTTP URL answers 2xx, failing with the log tail if the process died first.
wait_for_http() {
  local url="$1" name="$2" log="$3" pid="$4" deadline=$((SECONDS + ${5:-120}))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2
      die "$name exited during start-up; its log is $log"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$log" >&2
      die "$name did not answer $url in time; its log is $log"
    fi
    sleep 0.5
  done
}

run_demo() {
  local data_dir="${MEERKAT_DATA_DIR:-$MEERKAT_HOME/data}"
  local logs="$data_dir/logs" started=$SECONDS
  local dashboard_port="${MEERKAT_DASHBOARD_PORT:-8080}"
  local ch_http_port="${MEERKAT_EMBEDDED_CLICKHOUSE_HTTP_PORT:-18123}"
  local clickhouse_url="${MEERKAT_CLICKHOUSE_URL:-http://127.0.0.1:$ch_http_port}"
  mkdir -p "$logs"

  require_free_port 4318 "the collector's OTLP/HTTP receiver"
  require_free_port 4317 "the collector's OTLP/gRPC receiver"
  require_free_port 8888 "the collector's admin endpoints"
  require_free_port "$dashboard_port" "the dashboard"
  require_free_port 7001 "the checkout demo service"
  require_free_port 7002 "the inventory demo service"
  require_free_port 7003 "the demo's webhook receiver"
  require_free_port 7004 "the owners demo service (Spring Boot)"
  # The private ClickHouse's ports are checked by the collector itself, which first stops a
  # ClickHouse left running on the same data folder by a collector that was killed.

  # Ctrl-C reaches every process of the terminal's foreground group, the JVMs included; stop_demo
  # then waits for each of them, in reverse start order, before the launcher exits.
  trap 'stop_demo; exit 130' INT
  trap 'stop_demo; exit 143' TERM
  trap stop_demo EXIT

  # The collector starts the private ClickHouse itself when MEERKAT_CLICKHOUSE_URL is not set.
  start_process collector "$logs/collector.log" \
    env MEERKAT_DATA_DIR="$data_dir" "$JAVA_HOME/bin/java" -Xmx512m -jar "$COLLECTOR_JAR"
  local collector_pid=$!
  wait_for_http http://127.0.0.1:8888/health collector "$logs/collector.log" "$collector_pid" 120
  say "collector is up: OTLP/gRPC on :4317, OTLP/HTTP on :4318, health and metrics on http://127.0.0.1:8888"

  # The demo's alert channel: prints every webhook notification to its log.
  start_process webhook "$logs/webhook.log" \
    "$JAVA_HOME/bin/java" -Xmx32m -cp "$DEMO_JAR" dev.meerkat.demo.WebhookPrinter 7003

  # The demo user: a fresh password and API token each run. They reach the dashboard through its
  # environment (readable only by this user), not its command line, which every user can list.
  local demo_password demo_token
  demo_password="$(random_hex 12)"
  demo_token="mk_$(random_hex 24)"
  start_process dashboard "$logs/dashboard.log" \
    env MEERKAT_AUTH_DEMOPASSWORD="$demo_password" MEERKAT_AUTH_DEMOTOKEN="$demo_token" \
    "$JAVA_HOME/bin/java" -Xmx512m -jar "$DASHBOARD_JAR" \
    --meerkat.clickhouse.url="$clickhouse_url" --server.port="$dashboard_port" \
    --meerkat.public-url="http://127.0.0.1:$dashboard_port" \
    --meerkat.demo.enabled=true --meerkat.demo.webhook-url=http://127.0.0.1:7003/alerts \
    --meerkat.outbound.allow=127.0.0.1:7003
  local dashboard_pid=$!

  local agent="-javaagent:$MEERKAT_HOME/$AGENT_JAR"
  local otel_env=(OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 OTEL_METRIC_EXPORT_INTERVAL=10000
    OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=demo)
  start_process inventory "$logs/inventory.log" \
    env "${otel_env[@]}" OTEL_SERVICE_NAME=inventory \
    "$JAVA_HOME/bin/java" -Xmx128m "$agent" -Dsun.net.httpserver.nodelay=true \
    -cp "$DEMO_JAR" dev.meerkat.demo.InventoryService 7002
  start_process checkout "$logs/checkout.log" \
    env "${otel_env[@]}" OTEL_SERVICE_NAME=checkout \
    "$JAVA_HOME/bin/java" -Xmx128m "$agent" -Dsun.net.httpserver.nodelay=true \
    -cp "$DEMO_JAR" dev.meerkat.demo.CheckoutService 7001 http://127.0.0.1:7002
  start_process owners "$logs/owners.log" \
    env "${otel_env[@]}" OTEL_SERVICE_NAME=owners \
    "$JAVA_HOME/bin/java" -Xmx192m "$agent" -jar "$DEMO_SPRING_JAR" \
    --server.port=7004 --owners.inventory-url=http://127.0.0.1:7002
  local owners_pid=$!
  # Not waiting for owners here: Spring Boot needs a while on a busy machine, and the traffic
  # generator's calls simply fail until it answers.
  start_process traffic "$logs/traffic.log" \
    "$JAVA_HOME/bin/java" -Xmx64m -cp "$DEMO_JAR" dev.meerkat.demo.TrafficGenerator \
    http://127.0.0.1:7001 5 http://127.0.0.1:7004

  wait_for_http "http://127.0.0.1:$dashboard_port/" dashboard "$logs/dashboard.log" "$dashboard_pid" 180
  wait_for_http http://127.0.0.1:7004/owners/1 owners "$logs/owners.log" "$owners_pid" 180
  say "Meerkat is running: ready $((SECONDS - started)) s after start-up began ($SECONDS s after the command)."
  say "  dashboard:          http://127.0.0.1:$dashboard_port"
  say "    sign in as:       demo / $demo_password   (role admin)"
  say "    API token:        $demo_token"
  say "                      curl -H 'Authorization: Bearer $demo_token' http://127.0.0.1:$dashboard_port/api/v1/slos/openslo"
  say "  collector metrics:  http://127.0.0.1:8888/metrics"
  say "  demo services:      checkout http://127.0.0.1:7001/checkout -> inventory :7002"
  say "                      owners (Spring Boot) http://127.0.0.1:7004/owners/1 -> H2, inventory :7002"
  say "  alert notifications:    $logs/webhook.log"
  say "  raise inventory errors: curl -X POST 'http://127.0.0.1:7002/admin/error-rate?value=0.3'"
  say "Press Ctrl-C to stop."
  # Keep running until Ctrl-C, or until one of the processes dies.
  while true; do
    local pid
    for pid in "${DEMO_PIDS[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        warn "a demo process (pid $pid) exited; see the logs in $logs"
        exit 1
      fi
    done
    sleep 2
  done
}
