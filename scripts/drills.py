#!/usr/bin/env python3
"""Fault drills of the worker on a real RabbitMQ, each in a vhost of its own, printed as one table.

    broker-stop     5,000 articles; the broker's app stopped for 10 s mid-run (on a private node
                    started for the drill, so that nothing else on the machine's broker is hit)
    forced-close    5,000 articles; the worker's connection force-closed three times mid-run;
                    seconds until /readyz answers 200 again after each close
    sigkill         6,000 articles through three workers; one SIGKILLed mid-run
    soak            20,000 articles through one worker; RSS after the first 2,000 and at the end
    fuzz            2,000 malformed messages of many shapes among 500 good ones: every message
                    settled, dead letters by kind, the same process throughout, no panic; the
                    extraction slots in use (the gauge, polled) against their bound
    sigterm         a worker extracting a slow, legal 9 MB page gets SIGTERM: seconds to exit,
                    exit code, the article back in the input queue
Each row: articles, records, lost (ids never published), duplicates (extra records; only after
faults), dead letters, peak RSS of the worker(s). A drill, not a test: the figures depend on the
machine. Needs `pika` (pip install pika==1.3.2) and rabbitmqctl.
Usage: scripts/drills.py [DRILL ...]   (BIN=path for another build; default target/release)
"""

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pika

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, "target/release/article-enricher"))
SAMPLE = open(os.path.join(ROOT, "crates/extract/src/sample_article.txt"), encoding="utf-8").read()
TAG = f"ae-drill-{os.getpid()}"


def ctl(*args, node=None, check=True):
    cmd = ["rabbitmqctl", "-q"] + (["-n", node] if node else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, check=check).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Broker:
    """The machine's broker, or a private single node started for a drill."""

    def __init__(self, private=False):
        self.node, self.port, self.dir = None, 5672, None
        if private:
            self.dir = tempfile.mkdtemp(prefix="ae-drill-node-")
            # rabbitmq-server started as root drops to the rabbitmq user: it must own the folder.
            if os.geteuid() == 0:
                shutil.chown(self.dir, "rabbitmq", "rabbitmq")
            self.port = free_port()
            self.node = f"{TAG}@localhost"
            env = dict(os.environ, RABBITMQ_NODENAME=self.node, RABBITMQ_NODE_PORT=str(self.port),
                       RABBITMQ_DIST_PORT=str(free_port()), RABBITMQ_BASE=self.dir,
                       RABBITMQ_MNESIA_BASE=f"{self.dir}/mnesia", RABBITMQ_LOG_BASE=f"{self.dir}/log",
                       RABBITMQ_PID_FILE=f"{self.dir}/pid", RABBITMQ_ENABLED_PLUGINS_FILE=f"{self.dir}/plugins",
                       RABBITMQ_CONFIG_FILE=f"{self.dir}/rabbitmq")
            open(f"{self.dir}/plugins", "w").write("[rabbitmq_consistent_hash_exchange].\n")
            subprocess.run(["rabbitmq-server", "-detached"], env=env, check=True, capture_output=True)
            # -detached returns before the node registers: wait for it to answer, then to boot.
            deadline = time.time() + 120
            while ctl("ping", node=self.node, check=False) is None or subprocess.run(
                    ["rabbitmqctl", "-q", "-n", self.node, "await_startup"], capture_output=True).returncode != 0:
                if time.time() > deadline:
                    raise RuntimeError(f"private node {self.node} did not start")
                time.sleep(1)

    def close(self):
        if self.node:
            ctl("stop", node=self.node, check=False)
            shutil.rmtree(self.dir, ignore_errors=True)


class Vhost:
    def __init__(self, broker, name):
        self.broker, self.name = broker, f"{TAG}-{name}"
        ctl("add_vhost", self.name, node=broker.node)
        ctl("set_permissions", "-p", self.name, "guest", ".*", ".*", ".*", node=broker.node)
        self.url = f"amqp://guest:guest@127.0.0.1:{broker.port}/{self.name}"
        self.workers = []

    def env(self, http_port):
        return dict(os.environ, AMQP_URL=self.url, ENRICHER__HTTP__BIND=f"127.0.0.1:{http_port}", RUST_LOG="warn",
                    ENRICHER__TOPOLOGY__ARCHIVE="false")

    def publish(self, bodies):
        """bodies: list of (file extension, bytes)."""
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for i, (ext, body) in enumerate(bodies):
                p = f"{d}/{i:06d}.{ext}"
                open(p, "wb").write(body)
                paths.append(p)
            for k in range(0, len(paths), 2000):
                subprocess.run([BIN, "publish", *paths[k:k + 2000]], env=self.env(0), check=True,
                               capture_output=True)

    def start_worker(self, extra_env=None):
        port = free_port()
        env = self.env(port)
        env.update(extra_env or {})
        log = tempfile.TemporaryFile()
        proc = subprocess.Popen([BIN, "run"], env=env, stdout=subprocess.DEVNULL, stderr=log)
        proc.http_port, proc.log = port, log
        self.workers.append(proc)
        return proc

    def counts(self):
        conn = pika.BlockingConnection(pika.URLParameters(self.url))
        ch = conn.channel()
        out = {}
        for name in ("input", "output", "dead-letter"):
            queue = queue_name(ch, name)
            out[name] = ch.queue_declare(queue, passive=True).method.message_count if queue else 0
        conn.close()
        return out

    def drain(self, which):
        """Every message of the output or dead-letter queue: (id, headers)."""
        conn = pika.BlockingConnection(pika.URLParameters(self.url))
        ch = conn.channel()
        queue, got = queue_name(ch, which), []
        while True:
            method, props, body = ch.basic_get(queue, auto_ack=True)
            if method is None:
                break
            headers = props.headers or {}
            ident = props.message_id
            if which == "output":
                try:
                    ident = json.loads(body)["id"]
                except (ValueError, KeyError):
                    pass
            got.append((ident, headers))
        conn.close()
        return got

    def close(self):
        for w in self.workers:
            if w.poll() is None:
                w.kill()
                w.wait()
        ctl("delete_vhost", self.name, node=self.broker.node, check=False)


def queue_name(ch, which):
    names = {"input": "articles.incoming", "output": "articles.enriched", "dead-letter": "articles.dead-letter"}
    return names[which]


def rss_kb(proc, field="VmHWM"):
    try:
        return int(re.search(rf"{field}:\s+(\d+)", open(f"/proc/{proc.pid}/status").read()).group(1))
    except (OSError, AttributeError):
        return 0


def ready(proc):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{proc.http_port}/readyz", timeout=1).status == 200
    except OSError:
        return False


def gauge(proc, name):
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{proc.http_port}/metrics", timeout=1).read().decode()
    except OSError:
        return None
    m = re.search(rf"^{name}(?:{{[^}}]*}})? ([0-9.e+-]+)$", text, re.M)
    return float(m.group(1)) if m else None


def texts(n, prefix):
    return [("json", json.dumps({"id": f"{prefix}-{i}", "text": SAMPLE.replace("Tuesday", f"Tuesday ({i})")}).encode())
            for i in range(n)]


def wait_settled(vhost, total, timeout=900, tick=None):
    start = time.time()
    while True:
        c = vhost.counts()
        if c["output"] + c["dead-letter"] >= total:
            return time.time() - start
        if time.time() - start > timeout:
            raise RuntimeError(f"not settled after {timeout} s: {c}")
        if tick:
            tick()
        time.sleep(0.2)


def stop_workers(vhost):
    peak = 0
    for w in vhost.workers:
        if w.poll() is None:
            peak = max(peak, rss_kb(w))
            w.send_signal(signal.SIGTERM)
            w.wait(timeout=60)
    return peak


def tally(vhost, n, prefix):
    records = vhost.drain("output")
    ids = [i for i, _ in records if str(i).startswith(prefix)]
    return {"records": len(records), "lost": n - len(set(ids)), "duplicates": len(ids) - len(set(ids))}


def drill_broker_stop():
    broker = Broker(private=True)
    vhost = Vhost(broker, "stop")
    try:
        n = 5000
        vhost.publish(texts(n, "a"))
        w = vhost.start_worker()
        time.sleep(1.5)
        ctl("stop_app", node=broker.node)
        time.sleep(10)
        ctl("start_app", node=broker.node)
        subprocess.run(["rabbitmqctl", "-q", "-n", broker.node, "await_startup"], check=True, capture_output=True)
        wait_settled(vhost, n)
        peak = rss_kb(w)
        stop_workers(vhost)
        return dict(tally(vhost, n, "a-"), articles=n, fault="broker stop_app 10 s mid-run", rss_mb=peak / 1024)
    finally:
        vhost.close()
        broker.close()


def drill_forced_close():
    vhost = Vhost(Broker(), "close")
    try:
        n = 5000
        vhost.publish(texts(n, "a"))
        w = vhost.start_worker()
        back = []
        for _ in range(3):
            time.sleep(1.0)
            ctl("close_all_connections", "-p", vhost.name, "drill: forced close")
            closed = time.time()
            time.sleep(0.05)
            while not ready(w) and time.time() - closed < 60:
                time.sleep(0.05)
            back.append(time.time() - closed)
        wait_settled(vhost, n)
        peak = stop_workers(vhost)
        note = "ready again after " + ", ".join(f"{b:.1f}" for b in back) + " s"
        return dict(tally(vhost, n, "a-"), articles=n, fault="3 forced connection closes", rss_mb=peak / 1024,
                    note=note)
    finally:
        vhost.close()


def drill_sigkill():
    vhost = Vhost(Broker(), "kill")
    try:
        n = 6000
        vhost.publish(texts(n, "a"))
        workers = [vhost.start_worker() for _ in range(3)]
        time.sleep(2.0)
        workers[0].kill()
        workers[0].wait()
        wait_settled(vhost, n)
        peak = stop_workers(vhost)
        return dict(tally(vhost, n, "a-"), articles=n, fault="3 workers, one SIGKILLed mid-run", rss_mb=peak / 1024)
    finally:
        vhost.close()


def drill_soak():
    vhost = Vhost(Broker(), "soak")
    try:
        n = 20000
        vhost.publish(texts(n, "a"))
        w = vhost.start_worker()
        early = None
        while early is None:
            if vhost.counts()["output"] >= 2000:
                early = rss_kb(w, "VmRSS")
            time.sleep(0.2)
        wait_settled(vhost, n)
        late = rss_kb(w, "VmRSS")
        peak = stop_workers(vhost)
        return dict(tally(vhost, n, "a-"), articles=n, fault="none (soak)", rss_mb=peak / 1024,
                    note=f"RSS {early / 1024:.0f} MB after 2,000, {late / 1024:.0f} MB at 20,000")
    finally:
        vhost.close()


def malformed_shapes():
    rnd = random.Random(13)
    words = "river council budget water minister said the of and to in harbour storm Lisbon Monday".split()
    prose = lambda k: " ".join(rnd.choice(words) for _ in range(k))
    return [
        lambda i: ("bin", b""),
        lambda i: ("bin", bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 4000)))),
        lambda i: ("json", b'{"id": "m%d", "text": ' % i),
        lambda i: ("json", b'{"id": {"x": 1}, "text": "t"}'),
        lambda i: ("json", b'{"id": "m", "html": 42}'),
        lambda i: ("json", b'{"url": "u"}'),
        lambda i: ("json", b"[1, 2, 3]"),
        lambda i: ("json", b"null"),
        lambda i: ("json", b'{"id": "m", "text": ""}'),
        lambda i: ("json", b'{"id": "m", "text": "   \\n\\t  "}'),
        lambda i: ("json", b'{"id": "m", "html": "<html></html>"}'),
        lambda i: ("json", ('{"id": "m", "text": "' + "\\ud800" + '"}').encode()),
        lambda i: ("json", b'{"id": "m", "text": "t", "metadata": 7}'),
        lambda i: ("json", b'{"text": "t", "id": "' + b"x" * 5000 + b'"}'),
        lambda i: ("txt", b"\xff\xfe" + b"x" * 100),
        lambda i: ("txt", b"\x00" * 300),
        lambda i: ("txt", b"     \n\n\t   "),
        lambda i: ("txt", "\u200b\u200b\u200b".encode()),
        lambda i: ("html", b"<html><body><nav>Menu</nav></body></html>"),
        lambda i: ("html", b"<html><head><title>t</title></head></html>"),
        lambda i: ("html", b"<div>" * 600 + b"deep"),
        lambda i: ("html", b"<script>" + b"x" * 3000 + b"</script>"),
        lambda i: ("html", b"<" * 5000),
        lambda i: ("html", b"<!--" + b"-" * 3000),
        lambda i: ("html", b"<html><body>" + b"<img src=x>" * 2000 + b"</body></html>"),
        lambda i: ("html", b"<meta charset='utf-7'><p>+ADw-script+AD4-</p>"),
        lambda i: ("txt", "".join(f'"k{k}": {k}, ' for k in range(3000)).encode()),
        lambda i: ("txt", ("\u201c" * 5000 + prose(2000)).encode()),
        lambda i: ("txt", ("\u201c" + prose(3) + "\u201d ") .encode() * 2000),
        lambda i: ("txt", (prose(8).title() + " ").encode() * 3000),
    ]


def drill_fuzz():
    vhost = Vhost(Broker(), "fuzz")
    try:
        good, bad = 500, 2000
        shapes = malformed_shapes()
        bodies = texts(good, "good")
        bodies += [shapes[i % len(shapes)](i) for i in range(bad)]
        random.Random(7).shuffle(bodies)
        vhost.publish(bodies)
        bound = 2
        w = vhost.start_worker({"ENRICHER__WORKER__EXTRACT_CONCURRENCY": str(bound)})
        busiest = [0.0]

        def poll():
            g = gauge(w, "enricher_extractions_running")
            if g is not None:
                busiest[0] = max(busiest[0], g)

        wait_settled(vhost, good + bad, tick=poll)
        alive = w.poll() is None
        peak = stop_workers(vhost)
        w.log.seek(0)
        panics = w.log.read().decode(errors="replace").count("panicked")
        dead = vhost.drain("dead-letter")
        kinds = {}
        for _, headers in dead:
            kind = headers.get("x-error-kind", b"?")
            kind = kind.decode() if isinstance(kind, bytes) else str(kind)
            kinds[kind] = kinds.get(kind, 0) + 1
        t = tally(vhost, good, "good-")
        note = (f"{len(shapes)} shapes; dead letters by kind {kinds}; same process throughout: {alive}; "
                f"panics logged: {panics}; extraction slots busy at most {busiest[0]:.0f} of {bound}")
        return dict(t, articles=good + bad, fault=f"{bad} malformed among {good} good", rss_mb=peak / 1024,
                    dead_letters=len(dead), note=note)
    finally:
        vhost.close()


def drill_sigterm():
    vhost = Vhost(Broker(), "term")
    try:
        rnd = random.Random(3)
        words = "river council budget water minister said the of and to in harbour storm Lisbon Monday".split()
        body = ("<html><head><title>Long Page</title></head><body><article><h1>Long Page</h1>"
                + "".join(f"<p>The {' '.join(rnd.choice(words) for _ in range(22))}.</p>" for _ in range(64000))
                + "</article></body></html>")
        vhost.publish([("html", body.encode())])
        w = vhost.start_worker({"ENRICHER__WORKER__SHUTDOWN_DEADLINE_MS": "250",
                                "ENRICHER__LIMITS__TIME_BUDGET_MS": "60000"})
        while gauge(w, "enricher_extractions_running") != 1.0:
            time.sleep(0.02)
        sent = time.time()
        w.send_signal(signal.SIGTERM)
        code = w.wait(timeout=120)
        took = time.time() - sent
        time.sleep(1.0)
        counts = vhost.counts()
        back = counts["input"]
        return dict(articles=1, records=counts["output"], lost=1 - back - counts["output"], duplicates=0,
                    fault="SIGTERM during a slow extraction (deadline 250 ms)", rss_mb=0,
                    note=f"exit {code} after {took:.2f} s; article back in the input queue: {back == 1}")
    finally:
        vhost.close()


DRILLS = {"broker-stop": drill_broker_stop, "forced-close": drill_forced_close, "sigkill": drill_sigkill,
          "soak": drill_soak, "fuzz": drill_fuzz, "sigterm": drill_sigterm}


def main():
    wanted = sys.argv[1:] or list(DRILLS)
    print("| drill | fault | articles | records | lost | duplicates | dead letters | peak RSS | notes |")
    print("|---|---|---|---|---|---|---|---|---|")
    failed = False
    for name in wanted:
        try:
            r = DRILLS[name]()
        except Exception as e:  # a drill that breaks is a row, not the end of the table
            print(f"| {name} | failed: {e} | | | | | | | |")
            failed = True
            continue
        print(f"| {name} | {r['fault']} | {r['articles']} | {r['records']} | {r['lost']} | {r['duplicates']} | "
              f"{r.get('dead_letters', 0)} | {r['rss_mb']:.0f} MB | {r.get('note', '')} |", flush=True)
        failed |= r["lost"] != 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
