"""Reads the functions' JSON log (java.log of one process): the one line each invocation writes.

The format is ClaimFunctions#invoke's: "<function> done: N DynamoDB call(s) [Op, ...], R item(s) read,
U us in DynamoDB", or "<function>: N DynamoDB call(s) [Op, ...], R item(s) read, U us in DynamoDB; refused: CODE field".
"""

import json
import re

DONE = re.compile(r"^(\w+) done: (\d+) DynamoDB call\(s\) \[([^\]]*)\], (\d+) item\(s\) read, (\d+) us in DynamoDB$")
REFUSED = re.compile(r"^(\w+): .*; refused: (\S+) (\S+)$")


def records(run_dir):
    """The JSON log records of one process, in order; plain-text lines (the runtime client's) are skipped."""
    for raw in (run_dir / "java.log").read_text(errors="replace").splitlines():
        if not raw.startswith("{"):
            continue
        try:
            yield json.loads(raw)
        except ValueError:
            continue
