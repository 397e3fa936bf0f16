#!/usr/bin/env bash
# Sweep scale on the local engine: one sweep on tables of 1k, 10k and 50k cases with 1% due (reads
# and time should stay flat: the sweep queries the due index, never scans), then a backlog larger than
# one run's max-cases, swept until complete, each due case changed exactly once.
#   bench/sweep-scale.sh                          builds the project (offline), then runs; about 5 minutes
#   SIZES=1000,10000 bench/sweep-scale.sh         other table sizes (the backlog runs on the last one)
#   BACKLOG_MAX_CASES=100 bench/sweep-scale.sh    max-cases of the backlog runs (default 200)
#   SKIP_BUILD=1 bench/sweep-scale.sh             reuse target/classes and target/lib from an earlier package
#   REPORT=/tmp/sweep.md bench/sweep-scale.sh     write the report elsewhere (a trial run)
# Starts its own moto_server on a free port and stops it on exit. Report: bench/results/sweep-scale-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."

work=bench/sweep-scale/target
mkdir -p "$work" bench/results
pidfile="$work/moto.pid"
rm -f "$pidfile"
java_pid=""
cleanup() {
  # The JVM stops moto itself when it ends normally. Interrupted, it may not have had the chance (moto
  # still starting, or the JVM killed): stop the JVM, then its own child processes and the recorded moto.
  local children="" pid
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    children=$(pgrep -P "$java_pid" || true)
    kill "$java_pid" 2>/dev/null || true
    wait "$java_pid" 2>/dev/null || true
  fi
  if [ -s "$pidfile" ]; then children="$children $(cat "$pidfile")"; fi
  for pid in $children; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  rm -f "$pidfile"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # Legacy-jar layout: target/classes plus every runtime dependency in target/lib.
  ./mvnw -o -q -DskipTests package
fi
if [ ! -d target/classes ] || [ ! -d target/lib ]; then
  echo "target/classes and target/lib are missing: run ./mvnw -o -DskipTests package first" >&2
  exit 1
fi

cp="target/classes:target/lib/*"
rm -rf "$work/classes"
javac -d "$work/classes" -cp "$cp" --release 17 bench/sweep-scale/src/io/claimdesk/cases/SweepScale.java

report="${REPORT:-bench/results/sweep-scale-$(date -u +%Y-%m-%d).md}"
{
  echo "Machine: $(nproc) core(s), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(java -version 2>&1 | head -1);"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain -- bench/sweep-scale src/main 2>/dev/null | grep -q . && echo ' (bench or main sources changed since)')."
} > "$work/machine.txt"
start=$(date +%s)
java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$work/classes:$cp" \
  -Dsizes="${SIZES:-1000,10000,50000}" \
  -Dbacklog.maxCases="${BACKLOG_MAX_CASES:-200}" \
  -Dreport="$work/report.md" -Dpidfile="$pidfile" \
  io.claimdesk.cases.SweepScale &
java_pid=$!
wait "$java_pid"
java_pid=""
{
  cat "$work/report.md"
  echo
  cat "$work/machine.txt"
  echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); whole script (build excluded): $(( $(date +%s) - start )) s."
} > "$report"
echo "written: $report"
