#!/usr/bin/env bash
# Agent overhead, side by side with the OpenTelemetry Java agent (issue 5's targets): the same
# JDK HttpServer app bare, with opentelemetry-javaagent 2.33.1 and with meerkat-agent.jar, all
# exporting to one OTLP sink, interleaved in one run. Prints a Markdown table of medians and the
# ratio of Meerkat's added cost to the OpenTelemetry agent's; docs/benchmarks.md holds results.
# Usage: deploy/bench/agent-overhead.sh [--quick] [agent_overhead.py options]
#   --quick   short warm-up and runs (a smoke test of the harness, not numbers to quote)
# Takes ~20 min by default. Needs 2+ cores (taskset pins the app to core 1), hey (installed with
# apt when missing and root), a JDK 21+.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/local/common.sh
source deploy/local/prerequisites.sh
use_java_21_or_newer

command -v hey >/dev/null 2>&1 || apt_install hey || die "the harness needs hey (Debian/Ubuntu: sudo apt-get install hey)"
command -v taskset >/dev/null 2>&1 || die "the harness needs taskset (util-linux)"
[ "$(nproc)" -ge 2 ] || die "the harness needs 2 cores: the app runs on core 1, load and sink on core 0"

OUT=deploy/bench/target
OTEL_AGENT="$OUT/opentelemetry-javaagent-2.33.1.jar"
MEERKAT_AGENT=agent/dist/target/meerkat-agent.jar
mkdir -p "$OUT/classes"
if [ ! -f "$MEERKAT_AGENT" ]; then
  say "building the agent"
  ./mvnw -B -q -pl agent/dist -am package -DskipTests
fi
if [ ! -f "$OTEL_AGENT" ]; then
  say "fetching the OpenTelemetry Java agent 2.33.1 from Maven Central"
  ./mvnw -B -q -N dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:2.33.1 \
    -DoutputDirectory="$OUT"
fi
"$JAVA_HOME/bin/javac" -d "$OUT/classes" deploy/bench/src/BenchApp.java deploy/bench/src/OtlpCountingSink.java

extra=()
if [ "${1:-}" = "--quick" ]; then
  shift
  extra=(--startup-runs 2 --rounds 1 --warmup 10 --measure 8 --latency-seconds 5 --step-seconds 4 --max-steps 4)
fi
python3 deploy/bench/agent_overhead.py --java-home "$JAVA_HOME" --classes "$OUT/classes" \
  --meerkat-agent "$MEERKAT_AGENT" --otel-agent "$OTEL_AGENT" \
  --out "$OUT/agent-overhead-$(date +%Y%m%d-%H%M%S).md" "${extra[@]}" "$@"
