#!/usr/bin/env python3
"""Collector ingest next to the raw insert of the same rows into the same ClickHouse, interleaved.

One private ClickHouse (the project's EmbeddedClickHouse) serves the whole run. Each pair, in
alternating order, (a) inserts the corpus rows (RowBinary, as the collector's writer encodes them)
with clickhouse-client, which sends them as Native blocks, into a fresh database migrated like the
collector's, and (b) starts the real collector jar on another fresh database and replays the corpus
(length-prefixed ExportTraceServiceRequests) from several concurrent OTLP/HTTP clients, honouring
503/429 + Retry-After, until `SELECT count() FROM spans` reaches the corpus size. CPU comes from
/proc/<pid>/stat (utime + stime) of the collector and of ClickHouse, and from the rusage of
clickhouse-client. Called by collector-ingest.sh, which builds what it needs.
"""
import argparse
import datetime
import os
import socket
import statistics
import struct
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import http.client

TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def status_kb(pid, key):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class ClickHouse:
    def __init__(self, args):
        self.http_port, self.tcp_port = free_port(), free_port()
        self.data = os.path.join(args.work, "clickhouse")
        subprocess.run(["rm", "-rf", self.data], check=True)
        os.makedirs(self.data)
        self.process = subprocess.Popen(
            [args.java, "-cp", args.bench_jar, "dev.meerkat.collector.benchmarks.BenchClickHouse",
             "serve", self.data, str(self.http_port), str(self.tcp_port)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        while line and not line.startswith("ready "):  # log lines of the launcher come first
            line = self.process.stdout.readline()
        if not line.startswith("ready "):
            raise SystemExit("ClickHouse did not start: %r (see %s/log)" % (line, self.data))
        self.url = line.split()[1]
        with open(os.path.join(self.data, "clickhouse-server.pid")) as f:
            self.pid = int(f.read().strip())

    def query(self, sql, timeout=30):
        url = self.url + "/?" + urllib.parse.urlencode({"query": sql})
        with urllib.request.urlopen(urllib.request.Request(url, data=b""), timeout=timeout) as r:
            return r.read().decode().strip()

    def drop(self, database):
        # 18.16 waits for the table's running merges; on a busy machine that takes a while.
        try:
            self.query("DROP DATABASE IF EXISTS " + database, timeout=600)
        except OSError as e:
            print("warning: could not drop %s: %s" % (database, e), flush=True)

    def count(self, database):
        return int(self.query("SELECT count() FROM %s.spans" % database))

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def settle(clickhouse, database, limit=180):
    """Waits until no merge of the database ran for 2 s; returns its active parts then."""
    quiet_since, deadline = None, time.time() + limit
    while time.time() < deadline:
        if int(clickhouse.query("SELECT count() FROM system.merges WHERE database = '%s'" % database)):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.time()
        elif time.time() - quiet_since >= 2:
            break
        time.sleep(0.2)
    return int(clickhouse.query("SELECT count() FROM system.parts WHERE database = '%s' AND active" % database))


def migrate(args, clickhouse, database):
    subprocess.run([args.java, "-cp", args.bench_jar, "dev.meerkat.collector.benchmarks.BenchClickHouse",
                    "migrate", clickhouse.url, database], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_count(clickhouse, database, expected, deadline):
    while time.time() < deadline:
        if clickhouse.count(database) >= expected:
            return time.time()
        time.sleep(0.1)
    raise SystemExit("%s.spans did not reach %d rows in time (has %d)"
                     % (database, expected, clickhouse.count(database)))


def raw_insert(args, clickhouse, database, columns):
    migrate(args, clickhouse, database)
    ch_cpu = cpu_seconds(clickhouse.pid)
    started = time.time()
    with open(os.path.join(args.corpus, "rows.rowbinary"), "rb") as rows:
        client = subprocess.Popen(
            ["clickhouse-client", "--port", str(clickhouse.tcp_port), "--database", database,
             "--max_insert_block_size=%d" % args.raw_block_rows,
             "--query", "INSERT INTO spans (%s) FORMAT RowBinary" % columns], stdin=rows)
        _, status, usage = os.wait4(client.pid, 0)
    if status != 0:
        raise SystemExit("clickhouse-client failed with status %d" % status)
    stored = wait_for_count(clickhouse, database, args.spans, time.time() + args.timeout)
    result = {"rate": args.spans / (stored - started), "seconds": stored - started,
              "ch_cpu": cpu_seconds(clickhouse.pid) - ch_cpu,
              "client_cpu": usage.ru_utime + usage.ru_stime}
    result["parts"] = settle(clickhouse, database)
    result["ch_cpu_settled"] = cpu_seconds(clickhouse.pid) - ch_cpu
    clickhouse.drop(database)
    return result


def load_requests(corpus):
    requests = []
    with open(os.path.join(corpus, "requests.bin"), "rb") as f:
        while True:
            header = f.read(4)
            if not header:
                return requests
            requests.append(f.read(struct.unpack(">i", header)[0]))


class Replay:
    """Sends request j from client j % clients, each client in order on one keep-alive connection."""

    def __init__(self, requests, port, clients):
        self.requests, self.port, self.clients = requests, port, clients
        self.retries = 0
        self.failures = []
        self.lock = threading.Lock()

    def client(self, index):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        for body in self.requests[index::self.clients]:
            while True:
                connection.request("POST", "/v1/traces", body=body,
                                   headers={"Content-Type": "application/x-protobuf"})
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    break
                if response.status in (429, 503):
                    with self.lock:
                        self.retries += 1
                    time.sleep(float(response.getheader("Retry-After") or "1"))
                    continue
                with self.lock:
                    self.failures.append(response.status)
                return
        connection.close()

    def run(self):
        threads = [threading.Thread(target=self.client, args=(i,)) for i in range(self.clients)]
        for thread in threads:
            thread.start()
        return threads


def wait_http(port, path, deadline, process, log_name):
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("the collector exited with status %d (see %s)" % (process.returncode, log_name))
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("collector did not answer %s in time" % path)


def warm_up(args, clickhouse, database, requests, port):
    """Replays the first requests (1,000 spans each) untimed, so the JIT has compiled the hot paths
    before the measurement; returns how many spans they stored (duplicates of measured ones)."""
    if not args.warmup_requests:
        return 0
    replay = Replay(requests[:args.warmup_requests], port, args.clients)
    for thread in replay.run():
        thread.join()
    if replay.failures:
        raise SystemExit("the collector answered %s during the warm-up" % replay.failures)
    expected = args.warmup_requests * 1000
    wait_for_count(clickhouse, database, expected, time.time() + args.timeout)
    return expected


def end_to_end(args, clickhouse, database, requests, index):
    otlp, admin = free_port(), free_port()
    # The collector rejects unknown MEERKAT_* keys: pass only the ones set here.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEERKAT_")}
    env.update(MEERKAT_CLICKHOUSE_URL=clickhouse.url, MEERKAT_CLICKHOUSE_DATABASE=database,
               MEERKAT_OTLP_HTTP_PORT=str(otlp), MEERKAT_ADMIN_PORT=str(admin),
               MEERKAT_DATA_DIR=os.path.join(args.work, "collector-%d" % index))
    env.update(kv.split("=", 1) for kv in args.collector_env)
    log = open(os.path.join(args.work, "collector-%s.log" % database), "w")
    collector = subprocess.Popen([args.java, "-Xms" + args.heap, "-Xmx" + args.heap, "-jar",
                                  args.collector_jar], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_http(admin, "/health", time.time() + 120, collector, log.name)
        warmed = warm_up(args, clickhouse, database, requests, otlp)
        collector_cpu, ch_cpu = cpu_seconds(collector.pid), cpu_seconds(clickhouse.pid)
        replay = Replay(requests, otlp, args.clients)
        started = time.time()
        threads = replay.run()
        peak_rss = 0
        deadline = started + args.timeout
        while time.time() < deadline:
            peak_rss = max(peak_rss, status_kb(collector.pid, "VmRSS"))
            if replay.failures:
                raise SystemExit("the collector answered %s (see %s)" % (replay.failures, log.name))
            if clickhouse.count(database) >= warmed + args.spans:
                break
            time.sleep(0.1)
        stored = time.time()
        result = {"rate": args.spans / (stored - started), "seconds": stored - started,
                  "collector_cpu": cpu_seconds(collector.pid) - collector_cpu,
                  "ch_cpu": cpu_seconds(clickhouse.pid) - ch_cpu,
                  "peak_rss_mb": max(peak_rss, status_kb(collector.pid, "VmHWM")) / 1024,
                  "retries": replay.retries}
        result["parts"] = settle(clickhouse, database)
        result["ch_cpu_settled"] = cpu_seconds(clickhouse.pid) - ch_cpu
        for thread in threads:
            thread.join(timeout=60)
        if clickhouse.count(database) != warmed + args.spans:
            raise SystemExit("%s.spans holds %d rows, expected %d"
                             % (database, clickhouse.count(database), warmed + args.spans))
        return result
    finally:
        collector.terminate()
        collector.wait(timeout=60)
        log.close()
        clickhouse.drop(database)


def median_spread(values, fmt):
    return "%s (%s-%s)" % (fmt % statistics.median(values), fmt % min(values), fmt % max(values))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--bench-jar", required=True)
    parser.add_argument("--collector-jar", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--spans", type=int, default=1_000_000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--raw-block-rows", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--warmup-requests", type=int, default=0,
                        help="requests of 1,000 spans replayed untimed first (JIT warm-up)")
    parser.add_argument("--collector-env", action="append", default=[],
                        help="KEY=VALUE for the collector, e.g. MEERKAT_BATCH_SIZE=10000 (repeatable)")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    lines = []

    def log(text):
        print(text, flush=True)
        lines.append(text)

    log("## Collector ingest, %s" % datetime.datetime.now().isoformat(timespec="seconds"))
    log("")
    log("- %d spans (corpus %s), %d pairs, %d OTLP/HTTP clients, collector -Xms/-Xmx%s, extra env %s,"
        " %d warm-up requests" % (args.spans, args.corpus, args.pairs, args.clients, args.heap,
                                  args.collector_env or "none", args.warmup_requests))
    log("- load average before: %s" % open("/proc/loadavg").read().strip())
    log("- %s" % subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.split("\n")[0])
    with open(os.path.join(args.corpus, "columns.txt")) as f:
        columns = f.read().strip()
    requests = load_requests(args.corpus)
    clickhouse = ClickHouse(args)
    log("- ClickHouse %s at %s (pid %d)" % (clickhouse.query("SELECT version()"), clickhouse.url, clickhouse.pid))
    log("")
    log("CH CPU: until every row is visible / until no merge ran for 2 s (then: active parts)")
    log("")
    log("| pair | raw rows/s | raw CH CPU-s/M | clickhouse-client CPU-s/M | e2e spans/s | ratio"
        " | collector CPU-s/M | e2e CH CPU-s/M | collector peak RSS MB | 503/429 answers |")
    log("|---|---|---|---|---|---|---|---|---|---|")
    per_million = 1_000_000 / args.spans
    results = []
    try:
        for pair in range(1, args.pairs + 1):
            # Alternate the order (A B, B A, ...) so a drift in the machine's load hits both alike.
            if pair % 2:
                raw = raw_insert(args, clickhouse, "bench_raw_%d" % pair, columns)
                e2e = end_to_end(args, clickhouse, "bench_e2e_%d" % pair, requests, pair)
            else:
                e2e = end_to_end(args, clickhouse, "bench_e2e_%d" % pair, requests, pair)
                raw = raw_insert(args, clickhouse, "bench_raw_%d" % pair, columns)
            results.append((raw, e2e))
            log("| %d | %.0f | %.1f / %.1f (%d) | %.1f | %.0f | %.2f | %.1f | %.1f / %.1f (%d) | %.0f | %d |" % (
                pair, raw["rate"], raw["ch_cpu"] * per_million, raw["ch_cpu_settled"] * per_million,
                raw["parts"], raw["client_cpu"] * per_million,
                e2e["rate"], e2e["rate"] / raw["rate"], e2e["collector_cpu"] * per_million,
                e2e["ch_cpu"] * per_million, e2e["ch_cpu_settled"] * per_million, e2e["parts"],
                e2e["peak_rss_mb"], e2e["retries"]))
    finally:
        clickhouse.stop()
    log("")
    log("Medians (min-max) over %d pairs:" % len(results))
    log("")
    log("| measure | raw insert | collector end to end |")
    log("|---|---|---|")
    log("| rows or spans per second | %s | %s |" % (
        median_spread([r["rate"] for r, _ in results], "%.0f"),
        median_spread([e["rate"] for _, e in results], "%.0f")))
    log("| end to end / raw (per pair) | | %s |" % median_spread(
        [e["rate"] / r["rate"] for r, e in results], "%.2f"))
    log("| ClickHouse CPU-s per million | %s | %s |" % (
        median_spread([r["ch_cpu"] * per_million for r, _ in results], "%.1f"),
        median_spread([e["ch_cpu"] * per_million for _, e in results], "%.1f")))
    log("| ClickHouse CPU-s per million, until merges settle | %s | %s |" % (
        median_spread([r["ch_cpu_settled"] * per_million for r, _ in results], "%.1f"),
        median_spread([e["ch_cpu_settled"] * per_million for _, e in results], "%.1f")))
    log("| client / collector CPU-s per million | %s (clickhouse-client) | %s (collector) |" % (
        median_spread([r["client_cpu"] * per_million for r, _ in results], "%.1f"),
        median_spread([e["collector_cpu"] * per_million for _, e in results], "%.1f")))
    log("| collector peak RSS | | %s MB |" % median_spread([e["peak_rss_mb"] for _, e in results], "%.0f"))
    log("| 503/429 answers retried | | %s |" % median_spread([e["retries"] for _, e in results], "%d"))
    log("")
    log("- load average after: %s" % open("/proc/loadavg").read().strip())
    with open(args.out, "a") as f:
        f.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
