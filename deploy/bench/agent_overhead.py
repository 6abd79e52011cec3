#!/usr/bin/env python3
"""Agent overhead, side by side: the same app bare, with the OpenTelemetry Java agent and with
Meerkat's agent, all exporting to the same OTLP sink, interleaved in one run.

Follows ../shared/notes/benchmarking.md: the app is pinned to core 1, the load generator (hey) and
the OTLP sink to core 0; warm-up before measuring; delivery counted at the sink, so an agent that
drops spans cannot look cheaper than it is. Run through deploy/bench/agent-overhead.sh, which
builds and finds everything this script is given.
"""

import argparse
import datetime
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port, path, timeout=2.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Sink:
    def __init__(self, java, classes):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["taskset", "-c", "0", java, "-Xmx256m", "-Dsun.net.httpserver.nodelay=true",
             "-cp", classes, "OtlpCountingSink", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.process.stdout.readline()

    def count(self):
        return int(http_get(self.port, "/count")[1])

    def settled_count(self, quiet_seconds=6.0, limit_seconds=30.0):
        """The span count once nothing arrived for quiet_seconds (the exporters flushed)."""
        deadline = time.time() + limit_seconds
        last, since = self.count(), time.time()
        while time.time() < deadline:
            time.sleep(0.5)
            now = self.count()
            if now != last:
                last, since = now, time.time()
            elif time.time() - since >= quiet_seconds:
                break
        return last

    def stop(self):
        self.process.terminate()
        self.process.wait()


class App:
    def __init__(self, java, classes, agent_args, log):
        self.port = free_port()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            ["taskset", "-c", "1", java, "-Xms512m", "-Xmx512m",
             "-Dsun.net.httpserver.nodelay=true", *agent_args,
             "-cp", classes, "BenchApp", str(self.port)],
            stdout=log, stderr=log)

    def first_200_seconds(self, limit=120.0):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                if http_get(self.port, "/work?first=1", timeout=1.0)[0] == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            time.sleep(0.01)
        raise RuntimeError("the app did not answer within %.0f s" % limit)

    def cpu_seconds(self):
        with open("/proc/%d/stat" % self.process.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime

    def memory(self, java_home):
        pid = str(self.process.pid)
        subprocess.run([os.path.join(java_home, "bin/jcmd"), pid, "GC.run"],
                       stdout=subprocess.DEVNULL, check=True)
        time.sleep(1)
        gc = jstat(java_home, "-gc", pid)
        heap_kb = sum(float(gc[c]) for c in ("S0U", "S1U", "EU", "OU"))
        classes = int(float(jstat(java_home, "-class", pid)["Loaded"]))
        with open("/proc/%s/status" % pid) as f:
            rss_kb = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
        return {"heap_mb": heap_kb / 1024, "metaspace_mb": float(gc["MU"]) / 1024,
                "classes": classes, "rss_mb": rss_kb / 1024}

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def jstat(java_home, option, pid):
    out = subprocess.run([os.path.join(java_home, "bin/jstat"), option, pid],
                         capture_output=True, text=True, check=True).stdout.split("\n")
    return dict(zip(out[0].split(), out[1].split()))


def hey(port, seconds, rate=None, workers=8):
    """Runs hey on core 0; returns requests served (200s), achieved rate and p50/p99 latency."""
    command = ["taskset", "-c", "0", "hey", "-z", "%ds" % seconds, "-c", str(workers)]
    if rate:
        command += ["-q", "%.2f" % (rate / workers)]
    command.append("http://127.0.0.1:%d/work?q=bench" % port)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    ok = sum(int(n) for n in re.findall(r"\[200\]\s+(\d+) responses", out))
    latency = dict(re.findall(r"(\d+)% in ([0-9.]+) secs", out))
    return {"requests": ok, "rps": ok / seconds,
            "p50_ms": float(latency.get("50", "nan")) * 1000,
            "p99_ms": float(latency.get("99", "nan")) * 1000}


def measure_load(app, sink, args, cpu_rate, latency_rate):
    hey(app.port, args.warmup, rate=cpu_rate)
    sink.settled_count()
    spans_before, cpu_before = sink.count(), app.cpu_seconds()
    run = hey(app.port, args.measure, rate=cpu_rate)
    cpu_used = app.cpu_seconds() - cpu_before
    delivered = sink.settled_count() - spans_before
    latency = hey(app.port, args.latency_seconds, rate=latency_rate)
    return {"cpu_us_per_request": cpu_used / run["requests"] * 1e6,
            "achieved_rps": run["rps"],
            "delivery": delivered / run["requests"],
            "latency_rps": latency["rps"],
            "p50_ms": latency["p50_ms"], "p99_ms": latency["p99_ms"]}


def max_rate_with_delivery(app, sink, name, start_rate, args, log):
    """Steps a fixed rate up until the app falls behind or delivery drops under 99 %."""
    best, rate = None, start_rate
    for _ in range(args.max_steps):
        sink.settled_count(quiet_seconds=4)
        before = sink.count()
        run = hey(app.port, args.step_seconds, rate=rate, workers=16)
        delivered = (sink.settled_count(quiet_seconds=4) - before) / max(run["requests"], 1)
        kept_up = run["rps"] >= 0.97 * rate
        log("  %s step %6.0f rps: achieved %6.0f, delivery %.3f" % (name, rate, run["rps"], delivered))
        if not kept_up or (name != "bare" and delivered < 0.99):
            break
        best = run["rps"]
        rate *= args.step_factor
    return best


def added_ratio(values, metric):
    bare = statistics.median(v[metric] for v in values["bare"])
    otel = statistics.median(v[metric] for v in values["otel"])
    meerkat = statistics.median(v[metric] for v in values["meerkat"])
    if otel - bare <= 0:
        return float("nan")
    return (meerkat - bare) / (otel - bare)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--java-home", required=True)
    parser.add_argument("--classes", required=True, help="compiled BenchApp and OtlpCountingSink")
    parser.add_argument("--meerkat-agent", required=True)
    parser.add_argument("--otel-agent", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true",
                        help="measure start-up only (a few minutes instead of ~20)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--measure", type=int, default=30)
    parser.add_argument("--latency-seconds", type=int, default=20)
    parser.add_argument("--cpu-rate", type=float, default=4000)
    parser.add_argument("--step-seconds", type=int, default=10)
    parser.add_argument("--step-factor", type=float, default=1.25)
    parser.add_argument("--max-steps", type=int, default=8)
    args = parser.parse_args()

    java = os.path.join(args.java_home, "bin/java")
    lines = []

    def log(line):
        print(line, flush=True)
        lines.append(line)

    sink = Sink(java, args.classes)
    endpoint = "http://127.0.0.1:%d" % sink.port
    common = ["-Dotel.service.name=bench", "-Dotel.exporter.otlp.endpoint=" + endpoint,
              "-Dotel.exporter.otlp.protocol=http/protobuf"]
    configs = {"bare": [],
               "otel": ["-javaagent:" + args.otel_agent] + common,
               "meerkat": ["-javaagent:" + args.meerkat_agent] + common}
    app_log = open(args.out + ".app.log", "w")
    log("# Agent overhead run %s (load before: %s)" % (
        datetime.datetime.now().isoformat(timespec="seconds"), open("/proc/loadavg").read().strip()))
    log("java: %s; cpu-rate %.0f rps; warm-up %d s; measure %d s; rounds %d" % (
        subprocess.run([java, "-version"], capture_output=True, text=True).stderr.split("\n")[0],
        args.cpu_rate, args.warmup, args.measure, args.rounds))

    startup = {name: [] for name in configs}
    for run in range(args.startup_runs):
        for name, agent_args in configs.items():
            app = App(java, args.classes, agent_args, app_log)
            startup[name].append(app.first_200_seconds())
            app.stop()
        log("startup run %d: %s" % (run + 1, ", ".join(
            "%s %.2f s" % (n, startup[n][-1]) for n in configs)))

    if args.startup_only:
        sink.stop()
        meds = [statistics.median(startup[n]) for n in configs]
        log("| startup to first 200 (median of %d) | %.2f s | %.2f s | %.2f s | %.2fx | <= 0.15x |" % (
            args.startup_runs, *meds, added_ratio({n: [{"s": v} for v in startup[n]] for n in configs}, "s")))
        return
    try:
        app = App(java, args.classes, [], app_log)
        app.first_200_seconds()
        hey(app.port, args.warmup)
        bare_max = hey(app.port, args.measure, workers=16)["rps"]
        app.stop()
        log("bare maximum (hey, 16 workers, no rate limit): %.0f rps" % bare_max)
        latency_rate = bare_max / 2

        load = {name: [] for name in configs}
        memory = {name: [] for name in configs}
        max_rate = {}
        for round_index in range(args.rounds):
            order = list(configs) if round_index % 2 == 0 else list(reversed(configs))
            for name in order:
                app = App(java, args.classes, configs[name], app_log)
                app.first_200_seconds()
                result = measure_load(app, sink, args, args.cpu_rate, latency_rate)
                memory[name].append(app.memory(args.java_home))
                if round_index == 0:
                    # From the CPU rate up: both agents deliver everything there.
                    max_rate[name] = max_rate_with_delivery(
                        app, sink, name, args.cpu_rate, args, log)
                app.stop()
                load[name].append(result)
                log("round %d %-7s cpu %.1f us/req at %.0f rps (delivery %.3f); p50 %.2f ms"
                    " p99 %.2f ms at %.0f rps (asked %.0f); heap %.1f MB, metaspace %.1f MB, classes %d,"
                    " rss %.0f MB" % (round_index + 1, name, result["cpu_us_per_request"],
                                       result["achieved_rps"], result["delivery"],
                                       result["p50_ms"], result["p99_ms"],
                                       result["latency_rps"], latency_rate,
                                       memory[name][-1]["heap_mb"],
                                       memory[name][-1]["metaspace_mb"],
                                       memory[name][-1]["classes"], memory[name][-1]["rss_mb"]))
    finally:
        sink.stop()

    def med(values, metric):
        return statistics.median(v[metric] for v in values)

    startup_values = {n: [{"s": s} for s in v] for n, v in startup.items()}
    log("")
    log("| measure | bare | OpenTelemetry agent 2.33.1 | Meerkat | Meerkat added / OTel added | target |")
    log("|---|---|---|---|---|---|")
    log("| startup to first 200 (median of %d) | %.2f s | %.2f s | %.2f s | %.2fx | <= 0.15x |" % (
        args.startup_runs, *(med(startup_values[n], "s") for n in configs),
        added_ratio(startup_values, "s")))
    rows = [("CPU per request at %.0f rps" % args.cpu_rate, load, "cpu_us_per_request", "%.1f us", "<= 0.5x"),
            ("p50 latency at %.0f rps" % latency_rate, load, "p50_ms", "%.2f ms", ""),
            ("p99 latency at %.0f rps" % latency_rate, load, "p99_ms", "%.2f ms", ""),
            ("heap after GC", memory, "heap_mb", "%.1f MB", "<= 0.2x"),
            ("Metaspace", memory, "metaspace_mb", "%.1f MB", "<= 0.5x"),
            ("loaded classes", memory, "classes", "%.0f", "<= 0.5x"),
            ("RSS", memory, "rss_mb", "%.0f MB", "<= 0.5x")]
    for label, values, metric, fmt, target in rows:
        cells = [fmt % med(values[n], metric) for n in configs]
        log("| %s | %s | %s | %s | %.2fx | %s |" % (label, *cells, added_ratio(values, metric), target))
    log("| span delivery during the CPU run | - | %.3f | %.3f | | >= 0.99 |" % (
        med(load["otel"], "delivery"), med(load["meerkat"], "delivery")))
    log("| max rate with >= 99 %% delivery | %s | %s | %s | | |" % tuple(
        ("%.0f rps" % max_rate[n]) if max_rate.get(n) else "-" for n in configs))
    log("")
    log("load after: %s" % open("/proc/loadavg").read().strip())
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
