#!/usr/bin/env python3
"""Record sync, Duban against the CouchDB replication protocol (issue 6, parts 2 and 5).

Run by bench/sync/run.sh (which installs the npm peers first); writes RESULTS/sync.json and
RESULTS/scaling.json in the shape bench/report.py renders. Everything here is a driver: the
measured work is done by duban-client / duban-server and by PouchDB / pouchdb-server, each client
a separate process whose CPU time and peak memory come from GNU time. Settings (environment):

  BENCH_RUNS=5                runs per measure (median, min, max)
  BENCH_PEER_SCALE=0.19       dataset scale of the side-by-side comparison (~20,000 documents)
  BENCH_PUSH_COUNTS=1,100,10000
  BENCH_LATENCY_SAMPLES=20
  BENCH_SCALING_ROWS=1000,10000,100000,1000000   Duban's scaling curve (generated rows)
  BENCH_LARGE_PULL_RUNS=5     initial pulls at 10⁶ rows and more (each takes minutes)
  BENCH_NOOP_LOOP_SYNCS=20    no-op syncs timed inside one running process (after a first)
  BENCH_PEER_NOOP_ROWS=1000000  scaling sizes at which PouchDB's no-op runs side by side
  BENCH_WORK=/tmp/duban-bench-sync              data folders (generated datasets are reused)
"""
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BENCH_BUILD", os.path.join(ROOT, "build", "release"))
NODE_DIR = os.environ.get("BENCH_NODE_DIR", os.path.join(ROOT, "build", "bench-node"))
WORK = os.environ.get("BENCH_WORK", "/tmp/duban-bench-sync")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PEER_SCALE = float(os.environ.get("BENCH_PEER_SCALE", "0.19"))
PUSH_COUNTS = [int(n) for n in os.environ.get("BENCH_PUSH_COUNTS", "1,100,10000").split(",")]
LATENCY_SAMPLES = int(os.environ.get("BENCH_LATENCY_SAMPLES", "20"))
SCALING_ROWS = [int(n) for n in
                os.environ.get("BENCH_SCALING_ROWS", "1000,10000,100000,1000000").split(",") if n]
LARGE_PULL_RUNS = int(os.environ.get("BENCH_LARGE_PULL_RUNS", str(RUNS)))
NOOP_LOOP_SYNCS = int(os.environ.get("BENCH_NOOP_LOOP_SYNCS", "20"))
PEER_NOOP_ROWS = [int(n) for n in
                  os.environ.get("BENCH_PEER_NOOP_ROWS", "1000000").split(",") if n]
ROWS_AT_SCALE_1 = 104_200
SEED = 20221127
PASSWORD = "bench-password-123"

SERVER = os.path.join(BUILD, "server", "duban-server")
CLIENT = os.path.join(BUILD, "sync", "duban-client")
DATASET = os.path.join(BUILD, "bench", "duban-dataset")
SYNC_LOOP = os.path.join(BUILD, "bench", "duban-sync-loop")
HERE = os.path.dirname(os.path.abspath(__file__))
POUCHDB_SERVER = os.path.join(NODE_DIR, "node_modules", "pouchdb-server", "bin", "pouchdb-server")


def log(*args):
    print("[sync-bench]", *args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port} after {timeout} s")


def measured(argv, env=None, check=True):
    """Runs a client to completion: wall ms, CPU ms (user + system), peak RSS in MiB, stdout.
    The client runs under GNU time, whose own child starts small: a child forked from this
    Python process would count Python's pages in its peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as usage:
        start = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%U %S %M", "-o", usage.name, *argv],
                             stdout=out, stderr=err, env=env)
        p.wait()
        wall = (time.perf_counter() - start) * 1000
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
        user, system, rss_kib = usage.read().split()[-3:]
    if check and p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({p.returncode}): {stderr}{stdout}")
    return {"wall_ms": wall, "cpu_ms": (float(user) + float(system)) * 1000,
            "rss_mib": int(rss_kib) / 1024, "stdout": stdout}


def last_json(text):
    return json.loads(text.strip().splitlines()[-1])


def process_cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


class Service:
    """A long-running process (server, proxy) with its log in a file; stopped with SIGTERM."""

    def __init__(self, argv, log_file, env=None, port=None):
        self.log_file = log_file
        self.handle = open(log_file, "ab")
        self.proc = subprocess.Popen(argv, stdout=self.handle, stderr=subprocess.STDOUT, env=env)
        if port:
            wait_port(port)

    def cpu_ms(self):
        return process_cpu_ms(self.proc.pid)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.handle.close()


class WireProxy(Service):
    def __init__(self, mode, target_port, log_file, cert=None, key=None):
        self.port = free_port()
        self.control = free_port()
        argv = ["node", os.path.join(HERE, "wire_proxy.js"), mode, str(self.port),
                str(target_port), str(self.control)]
        if mode == "tls":
            argv += [cert, key]
        super().__init__(argv, log_file)
        wait_port(self.port)
        wait_port(self.control)

    def reset(self):
        urllib.request.urlopen(urllib.request.Request(
            f"http://127.0.0.1:{self.control}/reset", method="POST")).read()

    def bytes(self):
        stats = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{self.control}/stats").read())
        return stats["up"] + stats["down"]


def measure_with(server, proxy, argv, env=None):
    """One client run with the server's CPU and the bytes on the wire it caused."""
    proxy.reset()
    cpu_before = server.cpu_ms()
    result = measured(argv, env)
    time.sleep(0.05)  # let the proxy see the last bytes of a closed connection
    result["server_cpu_ms"] = server.cpu_ms() - cpu_before
    result["wire_bytes"] = proxy.bytes()
    return result


# ---------------------------------------------------------------------------------------------
# Duban


def dataset_dir(scale):
    return os.path.join(WORK, f"duban-scale-{scale:g}")


def prepare_duban(scale, export=None):
    """A server data folder holding the dataset of `scale` (made once, then reused)."""
    data = dataset_dir(scale)
    marker = os.path.join(data, "bench-dataset.json")
    if os.path.exists(marker) and (not export or os.path.exists(export)):
        with open(marker) as f:
            return json.load(f)
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    env = dict(os.environ, DUBAN_ADMIN_PASSWORD=PASSWORD)
    port = free_port()
    first = Service([SERVER, "serve", "--data", data, "--listen", f"127.0.0.1:{port}"],
                    os.path.join(data, "first-start.log"), env, port)
    first.stop()
    start = time.perf_counter()
    argv = [DATASET, "server", "--data", data, "--scale", f"{scale:g}", "--seed", str(SEED)]
    if export:
        argv += ["--export", export]
    made = last_json(measured(argv)["stdout"])
    log(f"dataset scale {scale:g}: {made['total']} rows in {time.perf_counter() - start:.1f} s")
    db = sqlite3.connect(os.path.join(data, "duban.db"))
    unit = db.execute("SELECT u.name FROM project p JOIN project_unit pu ON pu.project_id = p.id "
                      "JOIN unit u ON u.id = pu.unit_id WHERE p.code = 'bench_projects#1'"
                      ).fetchone()[0]
    db.close()
    env = dict(os.environ, DUBAN_PASSWORD=PASSWORD)
    for user, role, unit_name in (("bench-supervisor", "supervisor", "市发改局"),
                                  ("bench-field", "field", unit)):
        measured([SERVER, "user", "add", user, "--role", role, "--unit", unit_name, "--data", data],
                 env)
    made["field_unit"] = unit
    with open(marker, "w") as f:
        json.dump(made, f)
    return made


class DubanSide:
    def __init__(self, scale, tag):
        # A copy of the generated dataset: what this run pushes never reaches the next run's data.
        self.data = os.path.join(WORK, f"server-{tag}")
        shutil.rmtree(self.data, ignore_errors=True)
        shutil.copytree(dataset_dir(scale), self.data)
        self.port = free_port()
        self.server = Service([SERVER, "serve", "--data", self.data, "--listen",
                               f"127.0.0.1:{self.port}"],
                              os.path.join(WORK, f"duban-server-{tag}.log"), port=self.port)
        self.proxy = WireProxy("tcp", self.port, os.path.join(WORK, f"proxy-duban-{tag}.log"))
        self.url = f"https://localhost:{self.proxy.port}"
        self.ca = os.path.join(self.data, "tls", "ca.crt")
        self.devices = os.path.join(WORK, f"devices-{tag}")
        shutil.rmtree(self.devices, ignore_errors=True)
        os.makedirs(self.devices)
        self.count = 0

    def new_device(self, username):
        self.count += 1
        profile = os.path.join(self.devices, f"{username}-{self.count}")
        measured([CLIENT, "--profile", profile, "login", "--server", self.url, "--ca", self.ca,
                  "--username", username], dict(os.environ, DUBAN_PASSWORD=PASSWORD))
        return profile

    def initial_pull(self):
        """A new, empty device of the supervisor who sees everything, synced once."""
        profile = self.new_device("bench-supervisor")
        r = self.sync(profile)
        r["count"] = r["report"]["pulled"]
        return profile, r

    def sync(self, profile):
        r = measure_with(self.server, self.proxy, [CLIENT, "--profile", profile, "sync", "--json"])
        r["report"] = last_json(r["stdout"])
        return r

    def sync_loop(self, profile, runs):
        """`runs` syncs inside one process after a first one (duban-sync-loop), each timed by
        the program around the sync alone."""
        r = measure_with(self.server, self.proxy,
                         [SYNC_LOOP, "--profile", profile, "--runs", str(runs)])
        r["report"] = last_json(r["stdout"])
        return r

    def stop(self):
        self.proxy.stop()
        self.server.stop()
        shutil.rmtree(self.data, ignore_errors=True)
        shutil.rmtree(self.devices, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# PouchDB


class PouchSide:
    def __init__(self, docs_file, tls_dir):
        self.dir = os.path.join(WORK, "pouchdb-server")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        with open(os.path.join(self.dir, "config.json"), "w") as f:
            json.dump({"log": {"level": "error", "file": os.path.join(self.dir, "log.txt")}}, f)
        self.port = free_port()
        self.argv = ["node", POUCHDB_SERVER, "--port", str(self.port), "--host", "127.0.0.1",
                     "--dir", self.dir, "--config", os.path.join(self.dir, "config.json"),
                     "--no-color"]
        self.server = Service(self.argv, os.path.join(WORK, "pouchdb-server.log"), port=self.port)
        self.proxy = WireProxy("tls", self.port, os.path.join(WORK, "proxy-pouchdb.log"),
                               os.path.join(tls_dir, "server.crt"),
                               os.path.join(tls_dir, "server.key"))
        self.url = f"https://localhost:{self.proxy.port}/bench"
        self.env = dict(os.environ, NODE_EXTRA_CA_CERTS=os.path.join(tls_dir, "ca.crt"),
                        NODE_PATH=os.path.join(NODE_DIR, "node_modules"))
        self.devices = os.path.join(WORK, "devices-pouchdb")
        shutil.rmtree(self.devices, ignore_errors=True)
        os.makedirs(self.devices)
        seeded = last_json(measured(["node", os.path.join(HERE, "peer.js"), "seed",
                                     f"http://127.0.0.1:{self.port}/bench", docs_file],
                                    self.env)["stdout"])
        log(f"pouchdb-server seeded with {seeded['seeded']} documents in {seeded['ms']:.0f} ms")
        self.docs_file = docs_file

    def device_from_server(self, name):
        """A device holding everything the server holds, without a million-document pull: the
        server's LevelDB folder copied (server stopped, so the copy is whole), then adopted."""
        device = os.path.join(self.devices, name)
        self.server.stop()
        shutil.copytree(os.path.join(self.dir, "bench"), device)
        self.server = Service(self.argv, os.path.join(WORK, "pouchdb-server.log"), port=self.port)
        adopted = self.run("adopt", device)["report"]
        log(f"pouchdb device {name}: {adopted['docs']} documents, checkpoint at "
            f"{adopted['update_seq']}")
        return device, adopted

    def run(self, *args):
        r = measure_with(self.server, self.proxy,
                         ["node", os.path.join(HERE, "peer.js"), args[0], self.url, *args[1:]],
                         self.env)
        r["report"] = last_json(r["stdout"])
        return r

    def stop(self):
        self.proxy.stop()
        self.server.stop()
        shutil.rmtree(self.devices, ignore_errors=True)
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Results


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": len(values)}


def row(case, metric, unit, duban, peer=None, target=None, met=None, lower_is_better=True):
    r = {"case": case, "metric": metric, "unit": unit, "duban": stats(duban),
         "peer": None, "ratio": None, "target": target, "met": met}
    if peer:
        r["peer"] = dict(stats(peer), name="PouchDB 9 → pouchdb-server 4.2")
        if r["peer"]["median"]:
            r["ratio"] = r["duban"]["median"] / r["peer"]["median"]
    return r


def measure_rows(case, duban, peer, count_key=None, per_second_unit=None, target=None,
                 target_value=None):
    """The standard rows of one case: throughput (if counted), wall, CPU, memory, wire bytes."""
    rows = []
    if count_key:
        d = [r["count"] / r["wall_ms"] * 1000 for r in duban]
        p = [r["count"] / r["peer_ms"] * 1000 for r in peer] if peer else None
        met = statistics.median(d) >= target_value if target_value else None
        rows.append(row(case, "throughput", per_second_unit, d, p, target, met))
    rows.append(row(case, "wall time", "ms", [r["wall_ms"] for r in duban],
                    [r["peer_ms"] for r in peer] if peer else None,
                    None if count_key else target,
                    None if count_key or target_value is None else
                    statistics.median([r["wall_ms"] for r in duban]) < target_value))
    rows.append(row(case, "client CPU", "ms", [r["cpu_ms"] for r in duban],
                    [r["cpu_ms"] for r in peer] if peer else None))
    rows.append(row(case, "server CPU", "ms", [r["server_cpu_ms"] for r in duban],
                    [r["server_cpu_ms"] for r in peer] if peer else None))
    rows.append(row(case, "client peak memory", "MiB", [r["rss_mib"] for r in duban],
                    [r["rss_mib"] for r in peer] if peer else None))
    rows.append(row(case, "bytes on the wire", "KiB", [r["wire_bytes"] / 1024 for r in duban],
                    [r["wire_bytes"] / 1024 for r in peer] if peer else None))
    return rows


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gib = int(f.readline().split()[1]) / 1024 / 1024
    os_name = "Linux"
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_gib, 1), "os": os_name,
            "load_before": os.getloadavg()[0]}


def versions():
    def out(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return "unknown"

    def npm_version(name):
        try:
            with open(os.path.join(NODE_DIR, "node_modules", name, "package.json")) as f:
                return json.load(f)["version"]
        except OSError:
            return "not installed"

    return {"duban": out(["git", "describe", "--always", "--dirty"]),
            "sqlite": sqlite3.sqlite_version, "node": out(["node", "--version"]),
            "pouchdb-node": npm_version("pouchdb-node"),
            "pouchdb-server": npm_version("pouchdb-server"),
            "pouchdb-core (in pouchdb-server)": npm_version("pouchdb-core"),
            "openssl": out(["openssl", "version"])}


# ---------------------------------------------------------------------------------------------
# The cases


def sqlite_alone(docs_file):
    """SQLite's own limit for these documents: one transaction, WAL, synchronous=FULL."""
    with open(docs_file) as f:
        docs = [line for line in f if line.strip()]
    samples = []
    for run in range(RUNS):
        path = os.path.join(WORK, f"sqlite-alone-{run}.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE doc (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
        start = time.perf_counter()
        db.execute("BEGIN")
        db.executemany("INSERT INTO doc VALUES (?, ?)",
                       ((json.loads(d)["_id"], d) for d in docs))
        db.execute("COMMIT")
        samples.append(len(docs) / (time.perf_counter() - start))
        db.close()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    return samples


def side_by_side():
    os.makedirs(WORK, exist_ok=True)
    docs_file = peer_docs_file(PEER_SCALE)
    made = prepare_duban(PEER_SCALE, docs_file)
    duban = DubanSide(PEER_SCALE, "peer-scale")
    pouch = PouchSide(docs_file, os.path.join(duban.data, "tls"))
    rows, notes, raw = [], [], {}
    try:
        # Initial pull into an empty device.
        d_pull, p_pull = [], []
        for run in range(RUNS):
            profile, r = duban.initial_pull()
            d_pull.append(r)
            p = pouch.run("pull", os.path.join(pouch.devices, f"pull-{run}"))
            p["count"], p["peer_ms"] = p["report"]["docs"], p["report"]["ms"]
            p_pull.append(p)
            log(f"initial pull {run + 1}/{RUNS}: duban {r['count']} rows {r['wall_ms']:.0f} ms, "
                f"pouchdb {p['count']} docs {p['peer_ms']:.0f} ms")
        puller = profile
        rows += measure_rows("initial pull into an empty device", d_pull, p_pull, "count",
                             "rows/s", ">= 50000 rows/s", 50_000)
        raw["initial_pull"] = {"duban_rows": d_pull[0]["count"], "peer_docs": p_pull[0]["count"]}

        # A sync with nothing new.
        d_noop, p_noop = [], []
        for run in range(RUNS):
            d_noop.append(duban.sync(puller))
            p = pouch.run("noop", os.path.join(pouch.devices, f"pull-{RUNS - 1}"))
            p["peer_ms"] = p["report"]["ms"]
            p_noop.append(p)
        rows += measure_rows(f"no-op sync, {d_pull[0]['count']:,} rows present", d_noop, p_noop)
        # The same inside one process each, store and connection kept open (as the app keeps
        # them; PouchDB's replicate() likewise): NOOP_LOOP_SYNCS timed syncs after a first.
        d_loop = duban.sync_loop(puller, NOOP_LOOP_SYNCS)["report"]
        p_loop = pouch.run("noop-loop", os.path.join(pouch.devices, f"pull-{RUNS - 1}"),
                           str(NOOP_LOOP_SYNCS))["report"]
        rows.append(row(f"no-op sync in a running app (store and connection open), "
                        f"{d_pull[0]['count']:,} rows present", "wall time", "ms",
                        d_loop["runs_ms"], p_loop["runs_ms"], "< 20 ms",
                        statistics.median(d_loop["runs_ms"]) < 20))

        # Offline changes pushed.
        pusher = duban.new_device("bench-field")
        duban.sync(pusher)
        pouch_pusher = os.path.join(pouch.devices, "pusher")
        pouch.run("pull", pouch_pusher)
        for count in PUSH_COUNTS:
            d_push, p_push = [], []
            for run in range(RUNS):
                measured([DATASET, "offline", "--profile", pusher, "--count", str(count),
                          "--seed", str(run + 1)])
                r = duban.sync(pusher)
                if r["report"]["applied"] != count:
                    raise RuntimeError(f"pushed {count}, applied {r['report']['applied']}")
                r["count"] = count
                d_push.append(r)
                p = pouch.run("push", pouch_pusher, str(count),
                              pouch.docs_file)
                p["count"], p["peer_ms"] = count, p["report"]["ms"]
                p_push.append(p)
            log(f"push {count}: duban {statistics.median(r['wall_ms'] for r in d_push):.0f} ms, "
                f"pouchdb {statistics.median(p['peer_ms'] for p in p_push):.0f} ms")
            big = count >= 10_000
            rows += measure_rows(f"push of {count:,} offline changes", d_push, p_push, "count",
                                 "changes/s", ">= 10000 changes/s" if big else None,
                                 10_000 if big else None)

        # Save on device A to arrival on device B (B first catches up with the pushes above, as
        # PouchDB's B does before its samples). Live: B keeps a long-polling pull open in a
        # running process and syncs when it answers; A is a running process too, as PouchDB's
        # two databases are. Polling: A saves and syncs, then B syncs — three fresh processes.
        duban.sync(puller)
        live = measure_with(duban.server, duban.proxy,
                            [SYNC_LOOP, "--profile", puller, "--author", pusher,
                             "--latency", str(LATENCY_SAMPLES), "--project", "bench_projects#1"])
        d_live = last_json(live["stdout"])["samples"]
        d_lat = []
        for i in range(LATENCY_SAMPLES):
            start = time.perf_counter()
            measured([CLIENT, "--profile", pusher, "visit", "add", "--project",
                      "bench_projects#1", "--notes", f"现场查看：主体结构施工中，第 {i + 1} 次。",
                      "--submit"])
            measured([CLIENT, "--profile", pusher, "sync"])
            r = duban.sync(puller)
            if r["report"]["pulled"] < 1:
                raise RuntimeError("device B pulled nothing after A's save")
            d_lat.append((time.perf_counter() - start) * 1000)
        p_lat = pouch.run("latency", pouch_pusher,
                          os.path.join(pouch.devices, f"pull-{RUNS - 1}"),
                          str(LATENCY_SAMPLES))["report"]["samples"]
        rows.append(row("save on device A → arrival on device B, B live (long-poll)", "latency",
                        "ms", d_live, p_lat, target="median < 40 ms",
                        met=statistics.median(d_live) < 40))
        rows.append(row("save on device A → arrival on device B, B polling (syncs right after)",
                        "latency", "ms", d_lat, p_lat))

        rows.append(row(f"SQLite alone, {len(open(docs_file).readlines()):,} of the same "
                        "documents (one transaction, WAL, synchronous=FULL)",
                        "insert rate (reference)", "rows/s", sqlite_alone(docs_file)))
    finally:
        pouch.stop()
        duban.stop()

    notes += [
        f"Dataset: duban-dataset at scale {PEER_SCALE:g} (seed {SEED}): {made['total']:,} generated "
        f"rows plus the real seed's units, projects and milestones; the peer holds the same "
        f"records as documents ({raw['initial_pull']['peer_docs']:,}), each the JSON the Duban pull "
        f"sends for it (exported by `duban-dataset server --export`).",
        "Transport: HTTPS on loopback for both, through one Node.js proxy that counts bytes on the "
        "client's TCP socket (TLS records included). Duban: the proxy passes TLS through to "
        "duban-server. PouchDB: the proxy terminates TLS (Node's tls, the same development "
        "certificate chain duban-server made: an EC CA and server certificate) and forwards plain "
        "HTTP to pouchdb-server, which speaks no TLS itself.",
        "Durability: duban-server commits each push batch with SQLite WAL + synchronous=FULL before "
        "it answers, and the device stores every pulled page the same way. pouchdb-server and "
        "PouchDB write LevelDB without fsync (LevelDOWN's default sync: false), so the peer's "
        "figures are an upper bound for a durable peer.",
        "Duban times are the whole `duban-client sync` process (start, open the store, push, pull; "
        "the push cases also pull their own changes back); PouchDB times are measured inside "
        "node around replicate() alone, so Node's start and require() are not in them. CPU and "
        "peak memory are the client process's (GNU time), server CPU the server process's.",
        f"No-op in a running app: {NOOP_LOOP_SYNCS} syncs in one process after a first that "
        "opens the connection — `duban-sync-loop` (the engine, store and libcurl handle kept, "
        "the last-sync time stored after each, as the app does) and PouchDB's replicate() "
        "repeated in one node process; each sync timed alone.",
        "Offline changes: Duban saves draft reports through the device store's rules "
        "(`duban-dataset offline`); PouchDB gets the same report documents with bulkDocs; both "
        "untimed, then the push is timed. Push batches are each side's default (Duban 500 "
        "mutations or 768 KiB, PouchDB 100 documents); pull pages likewise (Duban 2,000 "
        "changes, PouchDB 100).",
        "Latency: PouchDB with live (continuous) replication A → server → B, so B hears of the "
        "change at once. Duban live: `duban-sync-loop --latency` runs A and B as two running "
        "devices in one process (two stores, engines and connections); B holds a long-polling "
        "pull (`wait=25`) on a third connection and syncs when it answers; A saves and submits "
        "a site visit through the store's rules and syncs; timed from A's save to B's store "
        "holding it. Duban polling: A saves (`duban-client visit add --submit`), syncs, then B "
        "syncs at once — three fresh processes (the best case of a device that polls; a poll "
        "interval adds up to its length).",
        "Ratio = Duban ÷ peer (for rates higher is better, for times and sizes lower is better).",
    ]
    return rows, notes


def scaling():
    rows, notes = [], []
    for target_rows in SCALING_ROWS:
        scale = round(target_rows / ROWS_AT_SCALE_1, 6)
        with_peer = target_rows in PEER_NOOP_ROWS
        made = prepare_duban(scale, peer_docs_file(scale) if with_peer else None)
        duban = DubanSide(scale, f"rows-{target_rows}")
        try:
            pulls, noops = [], []
            for run in range(LARGE_PULL_RUNS if target_rows >= 1_000_000 else RUNS):
                profile, r = duban.initial_pull()
                pulls.append(r)
                log(f"scaling {target_rows}: pull {run + 1} {r['count']} rows "
                    f"{r['wall_ms']:.0f} ms")
            for run in range(RUNS):
                noops.append(duban.sync(profile))
            loop = duban.sync_loop(profile, NOOP_LOOP_SYNCS)["report"]
            peer = peer_noop(scale, duban) if with_peer else None
        finally:
            duban.stop()
        label = f"{pulls[0]['count']:,} rows"
        rows.append(row(f"initial sync, {label}", "throughput", "rows/s",
                        [r["count"] / r["wall_ms"] * 1000 for r in pulls], target=">= 50000 rows/s",
                        met=statistics.median(r["count"] / r["wall_ms"] * 1000 for r in pulls)
                        >= 50_000))
        rows.append(row(f"initial sync, {label}", "wall time", "ms", [r["wall_ms"] for r in pulls]))
        rows.append(row(f"initial sync, {label}", "client peak memory", "MiB",
                        [r["rss_mib"] for r in pulls]))
        rows.append(row(f"initial sync, {label}", "bytes on the wire", "KiB",
                        [r["wire_bytes"] / 1024 for r in pulls]))
        noop_ms = [r["wall_ms"] for r in noops]
        rows.append(row(f"no-op sync, {label} present", "wall time", "ms", noop_ms,
                        peer["process_ms"] if peer else None))
        rows.append(row(f"no-op sync in a running app, {label} present", "wall time", "ms",
                        loop["runs_ms"], peer["loop_ms"] if peer else None, target="< 20 ms",
                        met=statistics.median(loop["runs_ms"]) < 20))
        if peer:
            notes.append(f"{label}: PouchDB side by side for the no-op — pouchdb-server seeded "
                         f"with the same {peer['docs']:,} documents in {peer['seed_s']:.0f} s; "
                         "its device is a copy of the server's LevelDB folder (the same "
                         "documents and revisions) checkpointed at the server's update_seq by "
                         "one replication, so it holds what a full pull would have left.")
        rows.append(row(f"no-op sync, {label} present", "client peak memory", "MiB",
                        [r["rss_mib"] for r in noops]))
        rows.append(row(f"no-op sync, {label} present", "bytes on the wire", "KiB",
                        [r["wire_bytes"] / 1024 for r in noops]))
        notes.append(f"{label}: duban-dataset scale {scale:g} ({made['total']:,} generated rows "
                     f"plus the seed), generated in {made.get('write_s', 0):.1f} s.")
    notes.append("Initial sync is Duban alone at these sizes: PouchDB pulls ≈ 1,400 "
                 "documents/s (sync.json), ≈ 12 minutes a run at 10⁶.")
    return rows, notes


def peer_docs_file(scale):
    return os.path.join(WORK, f"docs-scale-{scale:g}.ndjson")


def peer_noop(scale, duban):
    """PouchDB's no-op with the same documents present (the issue's 1 M rows), each a fresh
    node process and inside one process, as Duban's are measured."""
    start = time.perf_counter()
    pouch = PouchSide(peer_docs_file(scale), os.path.join(duban.data, "tls"))
    try:
        seed_s = time.perf_counter() - start
        device, adopted = pouch.device_from_server("noop")
        process_ms = [pouch.run("noop", device)["report"]["ms"] for _ in range(RUNS)]
        loop_ms = pouch.run("noop-loop", device, str(NOOP_LOOP_SYNCS))["report"]["runs_ms"]
    finally:
        pouch.stop()
    log(f"pouchdb no-op with {adopted['docs']} documents: {statistics.median(process_ms):.0f} ms "
        f"(process), {statistics.median(loop_ms):.1f} ms (in one process)")
    return {"docs": adopted["docs"], "seed_s": seed_s, "process_ms": process_ms,
            "loop_ms": loop_ms}


def write(results_dir, part, title, rows, notes, command):
    doc = {"part": part, "title": title, "command": command, "machine": MACHINE,
           "versions": VERSIONS, "rows": rows, "notes": notes}
    with open(os.path.join(results_dir, f"{part}.json"), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
    log(f"wrote {os.path.join(results_dir, part + '.json')}")


def main():
    global MACHINE, VERSIONS
    results_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bench/results")
    os.makedirs(results_dir, exist_ok=True)
    MACHINE, VERSIONS = machine(), versions()
    command = "bench/sync/run.sh RESULTS_DIR (or scripts/bench.sh)"
    only = os.environ.get("BENCH_ONLY", "sync,scaling").split(",")
    if "sync" in only:
        rows, notes = side_by_side()
        write(results_dir, "sync", "Record sync: Duban vs the CouchDB replication protocol",
              rows, notes, command)
    if "scaling" in only:
        rows, notes = scaling()
        write(results_dir, "scaling", "Scaling: initial and no-op sync from 10³ to 10⁶ rows",
              rows, notes, command)


if __name__ == "__main__":
    main()
