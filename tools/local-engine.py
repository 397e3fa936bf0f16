"""The local DynamoDB-compatible engine of dev mode and the tests: moto's server application (moto,
Apache-2.0; it serves EventBridge and SQS on the same port) on 127.0.0.1:PORT, one request at a time.
Amazon's DynamoDB Local is not used: its licence is not open source.

Why one request at a time: moto evaluates a condition expression and then applies the write as two
separate steps, with no lock, while its server handles each request on its own thread. Two concurrent
conditional writes to one item can then both pass their conditions (seen with two "full" refunds of one
order, both recorded). DynamoDB applies conditional writes to one item atomically, one after the other,
and the store's conditional writes rely on that. Serving every request alone gives that guarantee.

Started by tools/local-engine, which finds the Python that runs moto_server:
    local-engine.py PORT                 serves in the foreground until stopped (the tests)
    local-engine.py PORT --detach LOG    serves in a session of its own, its output appended to LOG, and
                                         returns once it listens, printing its pid (dev mode: it outlives
                                         the JVM, so cases survive restarts)
"""
import os
import socket
import sys
import threading
import time
import traceback

HOST = "127.0.0.1"
START_TIMEOUT_S = 60
USAGE = "usage: tools/local-engine PORT [--detach LOG]"


def serialized_moto():
    """moto's server application, as moto_server builds it, behind one lock: each request alone."""
    try:
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    except ImportError as e:
        sys.exit("local-engine: moto's server is not installed for %s (%s). Install it with: pip install 'moto[server]'"
                 % (sys.executable, e))
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serialized(environ, start_response):
        with lock:
            return list(app(environ, start_response))

    return serialized


def serve(port, app):
    from werkzeug.serving import run_simple
    run_simple(HOST, port, app, threaded=True)


def listening(port):
    try:
        with socket.create_connection((HOST, port), timeout=0.2):
            return True
    except OSError:
        return False


def detach(port, app, log):
    """Serves from a child in a session of its own, its output in log; returns the child's pid once it listens."""
    if listening(port):
        sys.exit("local-engine: something already listens on %s:%d" % (HOST, port))
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        try:
            serve(port, app)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stderr.flush()
            os._exit(1)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not listening(port):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            sys.exit("local-engine: it stopped (status %d) before listening on %s:%d; see %s" % (status, HOST, port, log))
        if time.monotonic() > deadline:
            os.kill(pid, 15)
            sys.exit("local-engine: it did not listen on %s:%d within %d s; see %s" % (HOST, port, START_TIMEOUT_S, log))
        time.sleep(0.05)
    return pid


def main(args):
    if not args or not args[0].isdigit() or args[1:] and (len(args) != 3 or args[1] != "--detach"):
        sys.exit(USAGE)
    port = int(args[0])
    os.environ.setdefault("MOTO_PORT", str(port))
    app = serialized_moto()
    if len(args) == 3:
        print(detach(port, app, args[2]))
    else:
        serve(port, app)


if __name__ == "__main__":
    main(sys.argv[1:])
