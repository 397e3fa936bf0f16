#!/usr/bin/env python3
"""Turns the cold-start runs written by bench/coldstart.sh into markdown tables.

  summarize.py OUT_DIR BASELINE_LABEL LABEL...

OUT_DIR/<label>/run-NN/ holds one cold start: timings.jsonl (from runtime_api.py), java.log, and for
run-00 (the profile run, not counted in the figures) classload.log from -Xlog:class+load.
"""

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

STARTED = re.compile(r"started in (\d+(?:\.\d+)?)s")
# [123ms] some.Class source: where
CLASS_LINE = re.compile(r"^\[(\d+)ms\] (\S+) source: (.*)$")


def read_run(run_dir):
    """First invocation of one cold start: status, ms to /next (init done), ms to the answer."""
    run = {"status": "no answer", "init_ms": None, "first_ms": None, "quarkus_ms": None, "cpu_ms": None,
           "body": ""}
    timings = run_dir / "timings.jsonl"
    if timings.exists():
        for line in timings.read_text().splitlines():
            rec = json.loads(line)
            if rec["event"] == "next" and rec["index"] == 0 and run["init_ms"] is None:
                run["init_ms"] = rec["t_rel_ms"]
            elif rec["event"] in ("response", "error", "init_error") and run["first_ms"] is None:
                run["status"], run["first_ms"], run["body"] = rec["event"], rec["t_rel_ms"], rec.get("body", "")
    cpu = run_dir / "cpu_ms"
    if cpu.exists():
        run["cpu_ms"] = float(cpu.read_text())
    log = run_dir / "java.log"
    if log.exists():
        found = STARTED.search(log.read_text(errors="replace"))
        if found:
            run["quarkus_ms"] = float(found.group(1)) * 1000
    return run


def fmt(value, digits=0):
    return "-" if value is None else f"{value:.{digits}f}"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def cold_table(out, labels, baseline):
    rows, problems = [], []
    for label in labels:
        runs = [read_run(d) for d in sorted((out / label).glob("run-*")) if d.name != "run-00"]
        ok = [r for r in runs if r["status"] == "response"]
        firsts = [r["first_ms"] for r in ok]
        rows.append({
            "label": label, "ok": len(ok), "runs": len(runs), "median": median(firsts),
            "min": min(firsts, default=None), "max": max(firsts, default=None),
            "init": median([r["init_ms"] for r in ok]), "quarkus": median([r["quarkus_ms"] for r in ok]),
            "cpu": median([r["cpu_ms"] for r in ok]),
            # the split of each run, then its median
            "before": median([r["init_ms"] - r["quarkus_ms"] for r in ok if r["init_ms"] and r["quarkus_ms"]]),
            "invoke": median([r["first_ms"] - r["init_ms"] for r in ok if r["init_ms"]]),
        })
        failed = next((r for r in runs if r["status"] != "response"), None)
        if failed:
            problems.append(f"- {label}: {failed['status']}: {failed['body'][:300]}")

    base = next((row for row in rows if row["label"] == baseline), {})

    def ratio(row, key):
        return row[key] / base[key] if row[key] is not None and base.get(key) else None

    print("| function | ok runs | median ms | min ms | max ms | ratio vs hello-world "
          "| init ms (to first /next) | Quarkus \"started in\" ms | CPU ms | CPU ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['label']} | {row['ok']}/{row['runs']} | {fmt(row['median'])} | {fmt(row['min'])} "
              f"| {fmt(row['max'])} | {fmt(ratio(row, 'median'), 2)} | {fmt(row['init'])} | {fmt(row['quarkus'])} "
              f"| {fmt(row['cpu'])} | {fmt(ratio(row, 'cpu'), 2)} |")
    print("\nAll figures but min/max are medians over the ok runs. init = process start to the runtime's "
          "first /next (JVM, runtime client, Quarkus boot); CPU ms = user + system time of the JVM, all "
          "threads, up to the first response.")

    print("\nWhere the time goes (medians, ms): before Quarkus = JVM start, runtime client and class path up "
          "to Quarkus' own clock (init - \"started in\"); first invocation = first /next to the response "
          "(the DynamoDB client's first request, JSON binding, the function's code).\n")
    print("| function | before Quarkus | Quarkus boot | first invocation |")
    print("|---|---:|---:|---:|")
    for row in rows:
        print(f"| {row['label']} | {fmt(row['before'])} | {fmt(row['quarkus'])} | {fmt(row['invoke'])} |")

    if problems:
        print("\nRuns that did not answer with a response (first of each function; not in the figures):\n")
        print("\n".join(problems))


def origin(source, task_root):
    """Where a class came from, in a few buckets."""
    if source.startswith("shared objects file"):
        return "jdk-cds", None
    if source.startswith("jrt:/"):
        return "jdk", None
    if source.startswith("file:"):
        path = source[len("file:"):]
        if "/lib/" in path and path.startswith(task_root):
            return "lib", path.rsplit("/", 1)[-1]
        if path.rstrip("/") == task_root.rstrip("/"):
            return "task", None
        if "aws-lambda-java" in path or "utils-lite" in path:
            return "ric", path.rsplit("/", 1)[-1]
        return "other-jar", path.rsplit("/", 1)[-1]
    return "generated", None  # lambda forms, proxies, hidden classes


def profile(out, labels):
    print("| function | classes loaded | JDK (CDS archive / jrt) | function lib/ jars | function root "
          "(generated + app) | RIC | lambdas / hidden | loaded during init | during first invocation "
          "| Quarkus \"started in\" ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    tops = []
    for label in labels:
        run_dir = out / label / "run-00"
        log = run_dir / "classload.log"
        if not log.exists():
            print(f"| {label} | (no profile run) |||||||||")
            continue
        run = read_run(run_dir)
        task_root = (run_dir / "task").as_posix()
        buckets, jars, phases, init_packages, invoke_packages = (Counter() for _ in range(5))
        for line in log.read_text(errors="replace").splitlines():
            m = CLASS_LINE.match(line)
            if not m:
                continue
            uptime_ms, name, source = int(m.group(1)), m.group(2), m.group(3)
            kind, jar = origin(source, task_root)
            buckets[kind] += 1
            if kind == "lib":
                jars[jar] += 1
            # JVM uptime starts a few ms after the process, close enough to split the two phases
            if run["init_ms"] is not None and uptime_ms <= run["init_ms"]:
                phases["init"] += 1
                init_packages[".".join(name.split(".")[:3])] += 1
            else:
                phases["invoke"] += 1
                invoke_packages[".".join(name.split(".")[:4])] += 1
        total = sum(buckets.values())
        print(f"| {label} | {total} | {buckets['jdk-cds']} / {buckets['jdk']} | {buckets['lib']} "
              f"| {buckets['task']} | {buckets['ric']} | {buckets['generated']} | {phases['init']} "
              f"| {phases['invoke']} | {fmt(run['quarkus_ms'])} |")
        tops.append((label, jars.most_common(6), init_packages.most_common(6), invoke_packages.most_common(6)))
    print("\nJars that supply the most classes (profile run):\n")
    for label, top, _, _ in tops:
        print(f"- {label}: " + ", ".join(f"{jar} {n}" for jar, n in top))
    print("\nPackages loaded during init (profile run; most classes first):\n")
    for label, _, packages, _ in tops:
        print(f"- {label}: " + ", ".join(f"{package} {n}" for package, n in packages))
    print("\nPackages loaded during the first invocation (profile run; most classes first):\n")
    for label, _, _, packages in tops:
        print(f"- {label}: " + ", ".join(f"{package} {n}" for package, n in packages))


def main(out, baseline, *labels):
    out = Path(out)
    print("### Cold start: process start -> first response\n")
    cold_table(out, labels, baseline)
    print("\n### What the first cold start loads (one extra profile run with -Xlog:class+load)\n")
    profile(out, labels)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
