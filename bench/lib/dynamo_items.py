#!/usr/bin/env python3
"""Helpers for the benchmarks' own look at the local engine, and DynamoDB's documented sizing rules.

  dynamo_items.py snapshot ENDPOINT OUT_JSON TABLE...   every item of the tables, as DynamoDB JSON

The snapshot Scan is the benchmark reading moto_server between runs, never something a function does.

item_size() follows "Item sizes and formats" in the DynamoDB developer guide: attribute names and
string values count their UTF-8 bytes; a number about 1 byte per two significant digits plus 1; a
boolean or null 1 byte; a list or map 3 bytes plus 1 byte per element, plus its elements (and, in a
map, their names). It is an estimate of what DynamoDB would bill, computed here, not measured.
"""

import json
import math
import sys

import boto3

KB = 1024


def client(endpoint):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name="eu-west-3",
                        aws_access_key_id="bench", aws_secret_access_key="bench")


def _number_size(text):
    digits = text.lstrip("+-").replace(".", "").split("e")[0].split("E")[0].strip("0")
    return (len(digits) + 1) // 2 + 1


def value_size(value):
    (kind, v), = value.items()
    if kind == "S":
        return len(v.encode("utf-8"))
    if kind == "N":
        return _number_size(v)
    if kind == "B":
        return len(v) if isinstance(v, (bytes, bytearray)) else len(v.encode("utf-8"))
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "SS":
        return sum(len(s.encode("utf-8")) for s in v)
    if kind == "NS":
        return sum(_number_size(n) for n in v)
    if kind == "L":
        return 3 + sum(1 + value_size(e) for e in v)
    if kind == "M":
        return 3 + sum(1 + len(k.encode("utf-8")) + value_size(e) for k, e in v.items())
    raise ValueError(f"unknown attribute type {kind}")


def item_size(item):
    """Bytes DynamoDB counts for an item (attribute names + values), per the documented rules."""
    if not item:
        return 0
    return sum(len(name.encode("utf-8")) + value_size(value) for name, value in item.items())


def write_units(size):
    """Write request units for one item of SIZE bytes: 1 per KB, rounded up, at least 1."""
    return max(1, math.ceil(size / KB))


def read_units(size, consistent=True):
    """Read request units for SIZE bytes: 1 per 4 KB rounded up (half when eventually consistent), at least one unit."""
    units = max(1, math.ceil(size / (4 * KB)))
    return units if consistent else units / 2


def snapshot(endpoint, out, *tables):
    ddb = client(endpoint)
    result = {}
    for table in tables:
        items, start = [], None
        while True:
            page = ddb.scan(TableName=table, **({"ExclusiveStartKey": start} if start else {}))
            items += page["Items"]
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        result[table] = {item["orderId"]["S"]: item for item in items}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    if len(sys.argv) < 5 or sys.argv[1] != "snapshot":
        sys.exit(__doc__)
    snapshot(*sys.argv[2:])
