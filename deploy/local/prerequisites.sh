# Installs what Meerkat needs on this machine when it is missing and we may (root on Debian/Ubuntu);
# otherwise says exactly what to do.

apt_install() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  say "installing $* (apt-get)"
  # The package lists may be missing or stale on a fresh machine: refresh them once.
  if [ -z "${MEERKAT_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    MEERKAT_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

clickhouse_binary() {
  if [ -n "${MEERKAT_CLICKHOUSE_BINARY:-}" ]; then
    echo "$MEERKAT_CLICKHOUSE_BINARY"
  elif [ -x /usr/sbin/clickhouse-server ]; then
    echo /usr/sbin/clickhouse-server
  elif command -v clickhouse-server >/dev/null 2>&1; then
    command -v clickhouse-server
  fi
}

ensure_clickhouse_server() {
  [ -n "$(clickhouse_binary)" ] && return 0
  apt_install clickhouse-server clickhouse-client && [ -n "$(clickhouse_binary)" ] && return 0
  die "ClickHouse is not installed and could not be installed automatically.
  Either install it (Debian/Ubuntu: sudo apt-get install clickhouse-server; others: https://clickhouse.com/docs/install)
  or point Meerkat at an existing server: MEERKAT_CLICKHOUSE_URL=http://host:8123 ./meerkat demo"
}

ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  apt_install chromium chromium-driver && return 0
  die "The browser tests need Chromium and its driver at /usr/bin/chromium and /usr/bin/chromedriver.
  Install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) and run again."
}

# The agent's integration tests run real PostgreSQL and Redis servers (started by the tests on free
# loopback ports, like ClickHouse); Kafka and gRPC come from Maven.
ensure_test_servers() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" && return 0
  die "The agent tests need ${missing[*]}, which could not be installed automatically.
  Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run again."
}
