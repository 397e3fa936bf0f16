#!/usr/bin/env python3
"""Turns bench/roundtrips.sh's runs into markdown: DynamoDB calls and capacity per function and case.

  roundtrips.py OUT_DIR

OUT_DIR holds manifest.tsv (run dir, event index, function, case, table, order id, kind), one
directory per process (timings.jsonl, java.log with one JSON log line per invocation), and the
before.json / after.json snapshots of the tables taken around the measured runs.

Measured: the calls, operations, capacity and time in DynamoDB each invocation logged. Computed (not
measured): the capacity real DynamoDB would bill, from the items' sizes in the snapshots and the
rules of the DynamoDB developer guide (see expected()).
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dynamo_items import item_size, read_units, write_units  # noqa: E402
from function_log import DONE, REFUSED, records  # noqa: E402
BUDGETS = {  # case kind -> most DynamoDB calls allowed (issue #6); "full" takes 2 by design
    "evaluate-new": 2, "evaluate-unchanged": 2,
    "refund-partial": 1, "refund-replay": 1, "refund-full": 2,
    "arrival": 2, "arrival-replay": 2,
}


def invocation_lines(run_dir):
    """The per-invocation lines of the functions' JSON log, in order: (message, mdc)."""
    lines = []
    for rec in records(run_dir):
        if rec.get("loggerName") == "io.claimdesk.functions.ClaimFunctions":
            msg = rec.get("message", "")
            if DONE.match(msg) or REFUSED.match(msg):
                lines.append((msg, rec.get("mdc", {})))
    return lines


def outcomes(run_dir):
    out = {}
    for raw in (run_dir / "timings.jsonl").read_text().splitlines():
        rec = json.loads(raw)
        if rec["event"] in ("response", "error"):
            out[rec["index"]] = rec
    return out


def in_index(item):
    return bool(item) and "dueShard" in item and "dueOn" in item


def index_writes(before, after):
    """GSI writes of one table write (dueIndex, projection ALL: an entry is the whole item)."""
    was, now = in_index(before), in_index(after)
    if not was and not now:
        return 0, "not in the index"
    if not was:
        return write_units(item_size(after)), "index: put"
    if not now:
        return write_units(item_size(before)), "index: delete"
    if (before["dueShard"], before["dueOn"]) != (after["dueShard"], after["dueOn"]):
        return write_units(item_size(before)) + write_units(item_size(after)), "index: key changed, delete + put"
    return write_units(item_size(after)), "index: update"


def write_cost(before, after):
    table = write_units(max(item_size(before), item_size(after)))
    index, how = index_writes(before, after)
    return table, index, how


def expected(kind, before, after, ops):
    """Capacity DynamoDB would bill for one invocation, computed: (read units, write units, note)."""
    b, a = before, after
    if kind == "evaluate-new":
        table, index, how = write_cost(None, a)
        return 1, table + index, (f"GetItem of a missing item: 1 RRU (minimum); PutItem {item_size(a)} B: "
                                  f"{table} WRU + {index} ({how})")
    if kind in ("evaluate-unchanged", "arrival-replay"):
        return read_units(item_size(a)), 0, f"GetItem (strongly consistent) {item_size(a)} B"
    if kind == "refund-partial":
        table, index, how = write_cost(b, a)
        return 0, table + index, f"UpdateItem {item_size(b)} -> {item_size(a)} B: {table} WRU + {index} ({how})"
    if kind == "refund-replay":
        # a refused condition still costs the write, sized on the existing item; nothing reaches the index
        return 0, write_units(item_size(a)), f"UpdateItem refused by its condition: billed on the existing {item_size(a)} B item"
    if kind in ("refund-full", "arrival"):
        table, index, how = write_cost(b, a)
        return read_units(item_size(b)), table + index, (f"GetItem {item_size(b)} B; write {item_size(b)} -> "
                                                         f"{item_size(a)} B: {table} WRU + {index} ({how})")
    raise ValueError(kind)


def sweep_expected(before_items, after_items, ops):
    """The sweep: one eventually consistent Query per shard page (items returned, 4 KB per RRU, half
    rate, at least 0.5 each), plus the writes of every case it changed."""
    by_shard = {}
    for item in before_items.values():
        if in_index(item):
            by_shard.setdefault(item["dueShard"]["S"], []).append(item_size(item))
    queries = ops.count("Query")
    read = 0.0
    for shard in (f"due-{i}" for i in range(8)):
        read += read_units(sum(by_shard.get(shard, [])), consistent=False)
    read += 0.5 * max(0, queries - 8)  # extra pages, if any
    writes, changed, hows = 0, 0, {}
    for order, b in before_items.items():
        a = after_items.get(order)
        if a is not None and a != b:
            changed += 1
            table, index, how = write_cost(b, a)
            writes += table + index
            hows[how] = hows.get(how, 0) + 1
    sizes = sorted(item_size(i) for i in before_items.values())
    after_sizes = [item_size(i) for i in after_items.values()]
    note = (f"{queries} Query on the index ({len(before_items)} items of {sizes[0]}..{sizes[-1]} B over "
            f"{len(by_shard)} shards, 0.5 RRU per 4 KB per page); {changed} PutItem of "
            f"{min(after_sizes)}..{max(after_sizes)} B, 1 WRU each + "
            + ", ".join(f"{n} x {how}" for how, n in hows.items()))
    return read, writes, note


def describe(ops):
    """The operations in order, or counted when there are many (the sweep)."""
    if len(ops) <= 4:
        return ", ".join(ops)
    counts = {}
    for op in ops:
        counts[op] = counts.get(op, 0) + 1
    return ", ".join(f"{n} x {op}" for op, n in counts.items())


def fmt_units(value):
    return f"{value:g}"


def main(out):
    out = Path(out)
    before = json.loads((out / "before.json").read_text())
    after = json.loads((out / "after.json").read_text())
    rows, problems, all_zero = [], [], True
    logs, results = {}, {}
    for raw in (out / "manifest.tsv").read_text().splitlines():
        run, index, function, case, table, order, kind = raw.split("\t")
        index = int(index)
        if run not in logs:
            logs[run], results[run] = invocation_lines(out / run), outcomes(out / run)
        outcome = results[run].get(index)
        if outcome is None or outcome["event"] != "response":
            problems.append(f"- {function} / {case}: {outcome['body'][:300] if outcome else 'no answer'}")
            continue
        if index >= len(logs[run]):
            problems.append(f"- {function} / {case}: no log line for invocation {index}")
            continue
        msg, mdc = logs[run][index]
        m = DONE.match(msg)
        if not m:
            problems.append(f"- {function} / {case}: {msg}")
            continue
        calls, ops, capacity, micros = int(m.group(2)), [o.strip() for o in m.group(3).split(",") if o.strip()], \
            float(m.group(4)), int(m.group(5))
        all_zero = all_zero and capacity == 0
        if kind == "sweep":
            read, write, note = sweep_expected(before[table], after[table], ops)
            budget, verdict = "-", "8 Query (one per shard) + 1 PutItem per changed case"
        else:
            read, write, note = expected(kind, before[table].get(order), after[table].get(order), ops)
            budget = BUDGETS[kind]
            verdict = "met" if calls <= budget else "NOT met"
        rows.append((function, case, calls, describe(ops), capacity, read, write, note, budget, verdict))

    print("| function | case | DynamoDB calls | operations | capacity reported (moto) | computed RRU | computed WRU "
          "| budget (calls) | |")
    print("|---|---|---:|---|---:|---:|---:|---:|---|")
    for function, case, calls, ops, capacity, read, write, note, budget, verdict in rows:
        print(f"| {function} | {case} | {calls} | {ops} | {capacity:g} | {fmt_units(read)} | {fmt_units(write)} "
              f"| {budget} | {verdict} |")
    print()
    if all_zero:
        print("moto reports no consumed capacity.")
    else:
        print("\"capacity reported\" is what the functions logged from the responses' ConsumedCapacity, and moto "
              "fills that with fixed placeholders, whatever the item size: GetItem 0.5, PutItem 1, UpdateItem 0.5, "
              "Query 1, and nothing for a write refused by its condition. They are not DynamoDB's figures.")
    print()
    print("Computed RRU / WRU (read / write request units, on-demand; the same numbers as capacity units in "
          "provisioned mode) are **computed, not measured**: the items' sizes come from the table after the runs "
          "(boto3 Scan of moto_server, sized with DynamoDB's documented rules for names and values), and the "
          "units from the DynamoDB developer guide: a strongly consistent GetItem is 1 RRU per 4 KB (at least 1, "
          "also for a missing item), a Query on the index is eventually consistent, 0.5 RRU per 4 KB of the items "
          "it returns; a write is 1 WRU per KB of the larger of the item before and after, a write refused by its "
          "condition still costs the write, and the due index (projection ALL) costs one more write when the "
          "item is or enters the index (two when its key changes).\n")
    for function, case, calls, ops, capacity, read, write, note, budget, verdict in rows:
        print(f"- {function} / {case}: {note}.")
    if problems:
        print("\nInvocations that did not answer as expected:\n")
        print("\n".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
