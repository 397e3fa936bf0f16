#!/usr/bin/env bash
# Policy micro-benchmarks (JMH): builds bench/jmh and runs it; about two and a half minutes with the defaults.
#   bench/jmh.sh                      all benchmarks, defaults from the annotations (2 forks, 10x1 s warm-up, 8x1 s measured)
#   bench/jmh.sh -f 1 -wi 2 -i 3      any JMH option overrides them (bench/jmh.sh -h lists them)
#   bench/jmh.sh evaluateAndRender    a regular expression selects benchmarks
#   bench/jmh.sh -prof gc             adds allocation per operation
# Results: bench/results/jmh-<date>.txt (machine, then JMH's output) and .json.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ./mvnw -f bench/jmh/pom.xml -o -q package; then
  echo "offline build failed (JMH not in the local Maven repository yet?); retrying online" >&2
  ./mvnw -f bench/jmh/pom.xml -q package
fi

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p bench/results
out=bench/results/jmh-$stamp
{
  echo "# claim-desk policy JMH run, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain -- bench/jmh src/main/java/io/claimdesk/policy 2>/dev/null | grep -q . && echo ' (benchmark or policy sources changed since)')"
  echo "# cpu: $(nproc) core(s), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "# load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# java: $(java -version 2>&1 | head -1)"
  echo "# args: $*"
} | tee "$out.txt"

java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff "$out.json" "$@" 2>&1 | tee -a "$out.txt"
echo "# load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out.txt"
# The mean hides how iterations spread on a busy machine: add the median and the extremes of the iterations.
if command -v jq >/dev/null; then
  {
    echo "# per benchmark, over all measured iterations of all forks (ns/op): mean ± error | median | min | max"
    jq -r '.[] | .primaryMetric as $m | "# \(.benchmark | split(".") | last): \($m.score | floor) ± \($m.scoreError | floor) | \($m.scorePercentiles."50.0" | floor) | \($m.scorePercentiles."0.0" | floor) | \($m.scorePercentiles."100.0" | floor)"' "$out.json"
  } | tee -a "$out.txt"
fi
echo "written: $out.txt $out.json"
