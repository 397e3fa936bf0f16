#!/usr/bin/env python3
"""Turns bench/warm.sh's runs into markdown: warm latency per function and the share spent in DynamoDB.

  warm.py OUT_DIR LABEL...

OUT_DIR/<label>/ holds one process: timings.jsonl from runtime_api.py and java.log. Invocation 0 is the
cold one and is left out. Latency = the Runtime API handing the event out on /next -> the /response
arriving (both stamped by the Runtime API server). Time in DynamoDB = the "U us in DynamoDB" each
claim-desk invocation logs (hello-world logs nothing, so it has none).
"""

import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from function_log import DONE, records  # noqa: E402


def percentile(values, p):
    """Nearest-rank percentile of sorted values."""
    return values[max(0, math.ceil(p / 100 * len(values)) - 1)]


def run(run_dir):
    nexts, answers = {}, {}
    for raw in (run_dir / "timings.jsonl").read_text().splitlines():
        rec = json.loads(raw)
        if rec["event"] == "next":
            nexts[rec["index"]] = rec["t_ns"]
        elif rec["event"] in ("response", "error"):
            answers[rec["index"]] = rec
    dynamo, calls = [], []
    for rec in records(run_dir):
        m = DONE.match(rec.get("message", ""))
        if m:
            calls.append(int(m.group(2)))
            dynamo.append(int(m.group(5)))
    return nexts, answers, dynamo, calls


def main(out, *labels):
    out = Path(out)
    print("| function | warm invocations | errors | p50 ms | p99 ms | max ms | mean ms | DynamoDB calls each "
          "| mean ms in DynamoDB | mean ms outside | share in DynamoDB | p50 first 100 / last 100 ms | load avg before / after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    problems = []
    for label in labels:
        nexts, answers, dynamo, calls = run(out / label)
        warm = sorted(i for i in answers if i >= 1 and i in nexts)
        errors = [i for i in warm if answers[i]["event"] != "response"]
        if errors:
            problems.append(f"- {label}: {len(errors)} error(s), first: {answers[errors[0]]['body'][:300]}")
        lat = [(answers[i]["t_ns"] - nexts[i]) / 1e6 for i in warm]
        if not lat:
            print(f"| {label} | 0 | | | | | | | | | | | |")
            continue
        ordered = sorted(lat)
        share = dyn_mean = outside = calls_each = "-"
        if dynamo:
            # log line i belongs to invocation i (one process, one invocation at a time)
            if len(dynamo) != len(answers):
                problems.append(f"- {label}: {len(dynamo)} DynamoDB log lines for {len(answers)} answers")
            warm_dyn = [dynamo[i] for i in warm if i < len(dynamo)]
            share = f"{sum(warm_dyn) / 1000 / sum(lat):.0%}"
            dyn_mean = f"{statistics.mean(warm_dyn) / 1000:.2f}"
            outside = f"{statistics.mean(lat) - statistics.mean(warm_dyn) / 1000:.2f}"
            each = sorted(set(calls[i] for i in warm if i < len(calls)))
            calls_each = "/".join(map(str, each))
        elif label == "hello-world":
            calls_each = "1 (GetItem)"
        head = statistics.median(lat[:100])
        tail = statistics.median(lat[-100:])
        load = " / ".join((out / f"load-{label}-{when}").read_text().split()[0]
                          for when in ("before", "after") if (out / f"load-{label}-{when}").exists())
        print(f"| {label} | {len(lat)} | {len(errors)} | {statistics.median(lat):.2f} | {percentile(ordered, 99):.2f} "
              f"| {ordered[-1]:.2f} | {statistics.mean(lat):.2f} | {calls_each} | {dyn_mean} | {outside} | {share} "
              f"| {head:.2f} / {tail:.2f} | {load} |")
    print("\nLatency: the local Runtime API handing the event out (/next) -> the function's /response arriving; it "
          "includes the runtime client's loopback HTTP both ways, JSON in and out, and the function's DynamoDB "
          "calls to moto_server (a Python engine on loopback, slower per call than DynamoDB from Lambda). Share "
          "in DynamoDB = sum of the logged \"us in DynamoDB\" / sum of the latencies, over the warm invocations. "
          "The first (cold) invocation of each process is left out.")
    if problems:
        print("\nProblems:\n")
        print("\n".join(problems))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
