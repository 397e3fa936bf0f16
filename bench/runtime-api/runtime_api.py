#!/usr/bin/env python3
"""A local stand-in for the AWS Lambda Runtime API, for timing cold and warm starts.

It hands out the given events one by one on GET /2018-06-01/runtime/invocation/next, and records
when the runtime asks for work and when each response or error comes back, as JSON lines:

  {"event": "next",     "index": 0, "t_ns": ..., "t_rel_ms": ...}   runtime asked for event 0
  {"event": "response", "index": 0, "request_id": "...", "t_ns": ..., "t_rel_ms": ..., "body": "..."}
  {"event": "error",    "index": 0, ..., "error_type": "...", "body": "..."}
  {"event": "init_error", ...}

t_ns is wall-clock epoch nanoseconds (same clock as `date +%s%N`). t_rel_ms is measured from the
epoch nanoseconds written in --start-file (read when each line is written, so the caller can write
it just before it starts the runtime process, after this server is already listening).

After the last event, /next blocks until the server is killed, as Lambda does with an idle
sandbox; --done-file is created once the last event has been answered so the caller knows when to
stop. Python 3 standard library only.
"""

import argparse
import json
import os
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"
DEADLINE_MS = 900_000  # Lambda's maximum timeout, so no invocation runs out of time here.
BODY_KEEP = 2000  # enough of a response/error body to see what happened, without huge lines


class State:
    def __init__(self, args):
        self.events = [open(path, "rb").read() for path in args.event]
        self.function_arn = f"arn:aws:lambda:{args.region}:123456789012:function:{args.function_name}"
        self.timings = open(args.timings, "a", buffering=1, encoding="utf-8")
        self.start_file = args.start_file
        self.done_file = args.done_file
        self.lock = threading.Lock()
        self.next_index = 0
        self.answered = 0
        self.by_request = {}  # request id -> event index
        self.stop = threading.Event()

    def start_ns(self):
        if not self.start_file:
            return None
        try:
            with open(self.start_file, encoding="ascii") as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def record(self, kind, **fields):
        t_ns = time.time_ns()
        start = self.start_ns()
        line = {"event": kind, **fields, "t_ns": t_ns,
                "t_rel_ms": round((t_ns - start) / 1e6, 3) if start else None}
        with self.lock:
            self.timings.write(json.dumps(line) + "\n")

    def take_next(self):
        with self.lock:
            if self.next_index >= len(self.events):
                return None
            index = self.next_index
            self.next_index += 1
            request_id = str(uuid.uuid4())
            self.by_request[request_id] = index
            return index, request_id, self.events[index]

    def answered_one(self):
        with self.lock:
            self.answered += 1
            last = self.answered >= len(self.events)
        if last and self.done_file:
            open(self.done_file, "w").close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real endpoint
    # Headers and body go out in two writes: with Nagle's algorithm on, the body waits for the
    # client's delayed ACK (about 40 ms on Linux) on every warm invocation.
    disable_nagle_algorithm = True
    state: State = None

    def log_message(self, fmt, *args):  # quiet: the timings file is the output
        pass

    def _reply(self, status, payload=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        if self.path != PREFIX + "/invocation/next":
            return self._reply(404, b'{"errorMessage":"unknown path"}')
        taken = self.state.take_next()
        if taken is None:
            # No more work: hold the request, as an idle sandbox would be frozen here.
            self.state.stop.wait()
            return
        index, request_id, event = taken
        self.state.record("next", index=index, request_id=request_id)
        now_ms = time.time_ns() // 1_000_000
        self._reply(200, event, {
            "Lambda-Runtime-Aws-Request-Id": request_id,
            "Lambda-Runtime-Deadline-Ms": str(now_ms + DEADLINE_MS),
            "Lambda-Runtime-Invoked-Function-Arn": self.state.function_arn,
            "Lambda-Runtime-Trace-Id":
                f"Root=1-{now_ms // 1000:08x}-{uuid.uuid4().hex[:24]};Parent={uuid.uuid4().hex[:16]};Sampled=0",
        })

    def do_POST(self):
        body = self._body()
        text = body[:BODY_KEEP].decode("utf-8", "replace")
        parts = self.path[len(PREFIX):].strip("/").split("/") if self.path.startswith(PREFIX) else []
        # invocation/{id}/response | invocation/{id}/error | init/error
        if len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
            request_id, kind = parts[1], parts[2]
            index = self.state.by_request.get(request_id)
            fields = {"index": index, "request_id": request_id, "body": text}
            if kind == "error":
                fields["error_type"] = self.headers.get("Lambda-Runtime-Function-Error-Type")
            self.state.record(kind, **fields)
            self._reply(202, b'{"status":"OK"}')
            if index is not None:
                self.state.answered_one()
        elif parts == ["init", "error"]:
            self.state.record("init_error", index=None,
                              error_type=self.headers.get("Lambda-Runtime-Function-Error-Type"), body=text)
            self._reply(202, b'{"status":"OK"}')
            if self.state.done_file:
                open(self.state.done_file, "w").close()  # nothing more will come
        else:
            self._reply(404, b'{"errorMessage":"unknown path"}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--event", action="append", required=True,
                        help="JSON event file; repeat to serve several events in this order")
    parser.add_argument("--repeat", type=int, default=1, help="serve the whole event list this many times")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (see --port-file)")
    parser.add_argument("--port-file", help="written with the bound port once the server listens")
    parser.add_argument("--timings", required=True, help="JSON lines are appended here")
    parser.add_argument("--start-file", help="holds the epoch ns that t_rel_ms is measured from")
    parser.add_argument("--done-file", help="created once the last event is answered (or init failed)")
    parser.add_argument("--function-name", default="bench")
    parser.add_argument("--region", default="eu-west-3")
    args = parser.parse_args()
    args.event = args.event * args.repeat

    Handler.state = State(args)
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True  # a blocked /next must not keep the process alive
    if args.port_file:
        with open(args.port_file + ".tmp", "w", encoding="ascii") as f:
            f.write(str(server.server_address[1]))
        # rename, so a reader never sees a half-written port
        os.replace(args.port_file + ".tmp", args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        Handler.state.stop.set()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
