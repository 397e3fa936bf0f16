#!/usr/bin/env python3
"""Turns the cold starts written by bench/coldstart.sh into markdown.

  coldstart_report.py OUT_DIR CLAIM_LABEL HELLO_LABEL CLAIM_ZIP HELLO_ZIP

OUT_DIR/<label>/run-NN/ holds one measured cold start: timings.jsonl (runtime_api.py's stamps),
java.log, cpu_ms, and classload.log (-Xlog:class+load with the timemillis and uptimemillis
decorations). OUT_DIR/order lists "pair label" in the order the cold starts ran.

Classes loaded up to the first answer: the lines of classload.log whose wall-clock stamp (timemillis,
System.currentTimeMillis()) is not later than the Runtime API server's stamp of the response (the same
clock, time.time_ns()). The JVM is killed only after that, so nothing it loads later is counted.
"""

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

GOALS = (("first answer (median wall time)", "first_ms", 1.15),
         ("classes loaded up to the first answer (median)", "classes", 1.10))
ZIP_GOAL = 1.10
# Only publishChanges builds an EventBridge client: no other function should load a class of its module.
EVENTBRIDGE = "software.amazon.awssdk.services.eventbridge."
STARTED = re.compile(r"started in (\d+(?:\.\d+)?)s")
# [1795791755663ms][274ms] java.lang.Object source: shared objects file
CLASS_LINE = re.compile(r"^\[(\d+)ms\]\[(\d+)ms\] (\S+)(?: source: (.*))?$")
HIDDEN_SUFFIX = re.compile(r"/0x[0-9a-f]+$")
LAMBDA_NUMBER = re.compile(r"\$\$Lambda\$\d+")


def classes(run_dir):
    """(epoch ms, class name, source) for each class the run loaded, in order."""
    log = run_dir / "classload.log"
    if not log.exists():
        return []
    found = []
    for line in log.read_text(errors="replace").splitlines():
        m = CLASS_LINE.match(line)
        if m:
            found.append((int(m.group(1)), m.group(3), m.group(4) or ""))
    return found


def read_run(run_dir):
    run = {"dir": run_dir, "status": "no answer", "first_ms": None, "init_ms": None, "cpu_ms": None,
           "quarkus_ms": None, "classes": None, "init_classes": None, "loaded": [], "body": "",
           "answer_epoch_ms": None, "next_epoch_ms": None}
    timings = run_dir / "timings.jsonl"
    if timings.exists():
        for line in timings.read_text().splitlines():
            rec = json.loads(line)
            if rec["event"] == "next" and rec["index"] == 0 and run["init_ms"] is None:
                run["init_ms"], run["next_epoch_ms"] = rec["t_rel_ms"], rec["t_ns"] // 1_000_000
            elif rec["event"] in ("response", "error", "init_error") and run["first_ms"] is None:
                run["status"], run["first_ms"], run["body"] = rec["event"], rec["t_rel_ms"], rec.get("body", "")
                run["answer_epoch_ms"] = rec["t_ns"] // 1_000_000
    cpu = run_dir / "cpu_ms"
    if cpu.exists():
        run["cpu_ms"] = float(cpu.read_text())
    log = run_dir / "java.log"
    if log.exists():
        found = STARTED.search(log.read_text(errors="replace"))
        if found:
            run["quarkus_ms"] = float(found.group(1)) * 1000
    if run["answer_epoch_ms"] is not None:
        run["loaded"] = [c for c in classes(run_dir) if c[0] <= run["answer_epoch_ms"]]
        if run["loaded"]:
            run["classes"] = len(run["loaded"])
            run["init_classes"] = sum(1 for c in run["loaded"] if c[0] <= (run["next_epoch_ms"] or 0))
    return run


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    return "-" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return a / b if a is not None and b else None


def normalized(name):
    """A class name comparable across JVMs: hidden-class addresses and lambda numbers dropped."""
    return LAMBDA_NUMBER.sub("$$Lambda", HIDDEN_SUFFIX.sub("", name))


def package(name, depth=4):
    parts = normalized(name).split(".")[:-1] or ["(default package)"]
    return ".".join(parts[:depth])


def origin(source):
    """Where a class came from: a jar of the function's lib/, the function root, the RIC, the JDK, generated."""
    if source.startswith("shared objects file"):
        return "JDK (CDS archive)"
    if source.startswith("jrt:/"):
        return f"JDK {source[len('jrt:/'):]}"
    if source.startswith("file:"):
        path = source[len("file:"):]
        if "/task/lib/" in path:
            return "lib/" + path.rsplit("/", 1)[-1]
        if path.rstrip("/").endswith("/task"):
            return "function root (generated + application classes)"
        return "RIC " + path.rsplit("/", 1)[-1]
    return "lambdas, hidden and generated classes"


def representative(runs):
    """The ok run whose class count is the (lower) median, for the class lists."""
    ok = sorted((r for r in runs if r["classes"] is not None), key=lambda r: r["classes"])
    return ok[(len(ok) - 1) // 2] if ok else None


def main(out, claim, hello, claim_zip, hello_zip):
    out = Path(out)
    runs = {label: [read_run(d) for d in sorted((out / label).glob("run-*"))] for label in (claim, hello)}
    ok = {label: [r for r in rs if r["status"] == "response"] for label, rs in runs.items()}
    med = {label: {key: median([r[key] for r in rs])
                   for key in ("first_ms", "init_ms", "cpu_ms", "quarkus_ms", "classes", "init_classes")}
           for label, rs in ok.items()}
    sizes = {claim: Path(claim_zip).stat().st_size, hello: Path(hello_zip).stat().st_size}

    print("### Goals\n")
    print(f"| goal | {claim} | {hello} | ratio | aim | met? |")
    print("|---|---:|---:|---:|---:|---|")
    for name, key, aim in GOALS:
        r = ratio(med[claim][key], med[hello][key])
        unit = " ms" if key.endswith("_ms") else ""
        print(f"| {name} | {fmt(med[claim][key])}{unit} | {fmt(med[hello][key])}{unit} | {fmt(r, 2)} | <= {aim:.2f} "
              f"| {'-' if r is None else 'met' if r <= aim else 'not met'} |")
    r = ratio(sizes[claim], sizes[hello])
    print(f"| function.zip size | {sizes[claim]:,} bytes | {sizes[hello]:,} bytes | {r:.2f} | <= {ZIP_GOAL:.2f} "
          f"| {'met' if r <= ZIP_GOAL else 'not met'} |")

    print(f"\n### Medians ({claim} vs {hello})\n")
    print("| function | ok runs | first answer ms (min-max) | init ms (to first /next) | Quarkus \"started in\" ms "
          "| first invocation ms | CPU ms | classes loaded (during init) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in (claim, hello):
        firsts = [r["first_ms"] for r in ok[label]]
        m = med[label]
        invoke = median([r["first_ms"] - r["init_ms"] for r in ok[label] if r["init_ms"] is not None])
        span = f" ({fmt(min(firsts))}-{fmt(max(firsts))})" if firsts else ""
        print(f"| {label} | {len(ok[label])}/{len(runs[label])} | {fmt(m['first_ms'])}{span} | {fmt(m['init_ms'])} "
              f"| {fmt(m['quarkus_ms'])} | {fmt(invoke)} | {fmt(m['cpu_ms'])} | {fmt(m['classes'])} ({fmt(m['init_classes'])}) |")
    print(f"| ratio | | {fmt(ratio(med[claim]['first_ms'], med[hello]['first_ms']), 2)} "
          f"| {fmt(ratio(med[claim]['init_ms'], med[hello]['init_ms']), 2)} "
          f"| {fmt(ratio(med[claim]['quarkus_ms'], med[hello]['quarkus_ms']), 2)} | "
          f"| {fmt(ratio(med[claim]['cpu_ms'], med[hello]['cpu_ms']), 2)} "
          f"| {fmt(ratio(med[claim]['classes'], med[hello]['classes']), 2)} |")
    print("\nFirst answer = process start (the shell's clock just before `exec java`) -> the Runtime API server "
          "receiving the first `POST .../response`. init = process start -> the runtime client's first `/next` "
          "(JVM, runtime client, Quarkus boot). CPU = user + system time of the JVM, all threads, read from "
          "`/proc/<pid>/stat` once the answer is in (up to 50 ms after it). Classes = `-Xlog:class+load` lines "
          "stamped (wall clock) no later than the response; in brackets, those no later than the first `/next`. "
          "The class count does not depend on the machine's load; wall time does, CPU time less so.")

    print(f"\n### Classes of the SDK's EventBridge module (`{EVENTBRIDGE}`) loaded up to the first answer\n")
    print("| function | runs | fewest | most |")
    print("|---|---:|---:|---:|")
    for label in (claim, hello):
        counts = [sum(1 for _, name, _ in r["loaded"] if name.startswith(EVENTBRIDGE)) for r in ok[label]]
        print(f"| {label} | {len(counts)} | {fmt(min(counts) if counts else None)} | {fmt(max(counts) if counts else None)} |")

    print("\n### Each pair, in the order run\n")
    print(f"| pair | first | {claim} ms | {hello} ms | ratio | {claim} CPU ms | {hello} CPU ms | {claim} classes | {hello} classes |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    by_pair = {label: {int(r["dir"].name.split("-")[1]): r for r in rs} for label, rs in runs.items()}
    order = [line.split() for line in (out / "order").read_text().splitlines()] if (out / "order").exists() else []
    firsts = {}
    for p, label in order:
        firsts.setdefault(int(p), label)
    for p in sorted(firsts):
        c, h = by_pair[claim].get(p, {}), by_pair[hello].get(p, {})

        def cell(run, key):
            if not run:
                return "-"
            return fmt(run[key]) if run["status"] == "response" else run["status"]
        pr = ratio(c.get("first_ms"), h.get("first_ms")) if c.get("status") == h.get("status") == "response" else None
        print(f"| {p} | {firsts[p]} | {cell(c, 'first_ms')} | {cell(h, 'first_ms')} | {fmt(pr, 2)} | {cell(c, 'cpu_ms')} "
              f"| {cell(h, 'cpu_ms')} | {cell(c, 'classes')} | {cell(h, 'classes')} |")

    failed = [(label, r) for label, rs in runs.items() for r in rs if r["status"] != "response"]
    if failed:
        print("\nCold starts that did not answer with a response (not in the figures):\n")
        for label, r in failed:
            print(f"- {label} {r['dir'].name}: {r['status']}: {r['body'][:300]}")

    diff_report(claim, hello, representative(ok[claim]), representative(ok[hello]))


def diff_report(claim, hello, c, h, top=25):
    if not c or not h:
        print("\n(no class lists to compare)")
        return
    ours = Counter(normalized(name) for _, name, _ in c["loaded"])
    theirs = Counter(normalized(name) for _, name, _ in h["loaded"])
    extra = ours - theirs
    # each extra class once, with the phase and origin of its first load in claim-desk's run
    seen, rows = Counter(), []
    for t, name, source in c["loaded"]:
        key = normalized(name)
        if seen[key] < extra[key]:
            seen[key] += 1
            rows.append((name, source, "init" if t <= (c["next_epoch_ms"] or 0) else "invocation"))
    print(f"\n### What {claim} loads that {hello} does not\n")
    print(f"Class lists of the runs with the median class count ({claim} {c['dir'].name}: {c['classes']:,} classes; "
          f"{hello} {h['dir'].name}: {h['classes']:,}), up to the first answer. {claim} loads **{sum(extra.values()):,}** "
          f"classes that {hello} does not ({sum(1 for r in rows if r[2] == 'init'):,} during init, "
          f"{sum(1 for r in rows if r[2] == 'invocation'):,} during the first invocation); {hello} loads "
          f"{sum((theirs - ours).values()):,} that {claim} does not. Lambda and hidden classes are compared by name "
          "without their numbers.\n")
    for title, key in (("package (first four parts)", lambda r: package(r[0])), ("where from", lambda r: origin(r[1]))):
        counts, init = Counter(), Counter()
        for r in rows:
            counts[key(r)] += 1
            init[key(r)] += r[2] == "init"
        print(f"| {title} | classes | during init | during first invocation |")
        print("|---|---:|---:|---:|")
        for name, n in counts.most_common(top):
            print(f"| `{name}` | {n} | {init[name]} | {n - init[name]} |")
        rest = sum(counts.values()) - sum(n for _, n in counts.most_common(top))
        if rest:
            print(f"| (the rest, {len(counts) - top}) | {rest} | | |")
        print()


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
