#!/usr/bin/env python3
"""Worklist lag benchmark client (run through infra/bench/worklist-lag, which documents it).

Measures, in one run against a running Anjia service:
  * worklist GET round trip (baseline), idle, before and after the submissions;
  * submission latency (POST /api/foster-applications -> 201);
  * worklist lag: from the 201 of a submission to the first worklist response that lists the
    application's first user task (CheckDocuments), polled every 20 ms;
  * optionally (when psql can reach the service's PostgreSQL) where the lag goes, from the
    timestamps the service, the outbox and the engine store themselves (same host, same clock).

Standard library only. Every loop is bounded; the program ends by itself.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
FIRST_TASK = "CheckDocuments"


# ---------------------------------------------------------------------------------------------
# request bodies

def resident_id(birth: dt.date, male: bool) -> str:
    """A valid GB 11643 number, area 360102 (南昌市东湖区), random sequence with the right sex digit."""
    seq = random.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = "360102" + birth.strftime("%Y%m%d") + "%03d" % seq
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + CHECK_CHARS[total % 11]


def born_years_ago(years: int) -> dt.date:
    """Someone who turned `years` about a month ago."""
    today = dt.date.today()
    birthday = dt.date(today.year - years, today.month, min(today.day, 28))
    return birthday - dt.timedelta(days=35)


def eligible_household() -> dict:
    """Passes every eligibility rule, so the process goes on to the caseworker's document check."""
    members = [
        {"name": "王秀英", "residentId": resident_id(born_years_ago(40), False),
         "role": "PRIMARY_CAREGIVER", "education": "JUNIOR_MIDDLE"},
        {"name": "李建国", "residentId": resident_id(born_years_ago(42), True),
         "role": "SPOUSE", "education": "SENIOR_HIGH"},
        {"name": "李小明", "residentId": resident_id(born_years_ago(10), True),
         "role": "CHILD", "education": "PRIMARY"},
    ]
    return {
        "institutionCode": "nanchang-cwi",
        "motivation": "性能基准测试 benchmark",
        "family": {
            "address": "江西省南昌市东湖区八一大道100号",
            "hukouLocality": "江西省南昌市东湖区",
            "localHukou": True,
            "fixedHome": True,
            "livingSpaceM2": 120,
            "monthlyIncomeYuan": 12000,
            "phone": "13800138000",
            "infectiousOrMentalIllness": False,
            "criminalRecord": False,
            "members": members,
        },
    }


# ---------------------------------------------------------------------------------------------
# HTTP (one keep-alive connection per thread, so every measurement pays the same client costs)

class Client:
    def __init__(self, base_url: str, timeout: float = 30.0):
        url = urllib.parse.urlsplit(base_url)
        if url.scheme != "http":
            raise SystemExit("only http:// base URLs are supported (loopback benchmark)")
        self.host = url.hostname
        self.port = url.port or 80
        self.prefix = url.path.rstrip("/")
        self.timeout = timeout
        self.conn = None

    def request(self, method: str, path: str, body=None, token=None):
        """Returns (status, parsed JSON or None, seconds from send to the full body read)."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):  # one retry, only for a keep-alive connection the server closed
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                started = time.perf_counter()
                self.conn.request(method, self.prefix + path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                elapsed = time.perf_counter() - started
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        parsed = None
        if raw:
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = None
        return response.status, parsed, elapsed

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


# ---------------------------------------------------------------------------------------------
# statistics (nearest-rank percentiles)

def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-p * len(ordered) // 100))  # ceil(p/100 * n)
    return ordered[int(rank) - 1]


def summary(values):
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": max(values) if values else None,
    }


def ms(seconds):
    return "–" if seconds is None else "%.1f" % (seconds * 1000.0)


def ratio(a, b):
    return "–" if a is None or not b else "%.1f×" % (a / b)


# ---------------------------------------------------------------------------------------------
# the benchmark

class Bench:
    def __init__(self, args):
        self.args = args
        self.worklist_path = "/api/worklist?" + urllib.parse.urlencode({
            "candidateGroup": "caseworker",
            "size": 200,
            # newest first: the worklist grows with every run (data persists), and the default
            # order (dueDate,asc) would push new tasks beyond the 200 rows of one page
            "sort": "dueDate,desc",
        })
        self.poll_period = args.poll_ms / 1000.0
        self.timeout = args.timeout_s
        self.poll_durations = []  # worklist GETs issued while polling (under load)
        self.poll_lock = threading.Lock()

    # -- worklist ---------------------------------------------------------------------------

    def read_worklist(self, client):
        status, page, elapsed = client.request("GET", self.worklist_path,
                                               token=os.environ.get("BENCH_STAFF_TOKEN"))
        if status != 200 or not isinstance(page, dict):
            raise RuntimeError("GET /api/worklist answered %s" % status)
        numbers = set()
        for task in page.get("content") or []:
            application = task.get("application") or {}
            if task.get("elementId") == FIRST_TASK and application.get("number"):
                numbers.add(application["number"])
        total = (page.get("page") or {}).get("totalElements")
        return numbers, elapsed, total

    def baseline(self, client, count):
        """Idle worklist reads at the polling cadence."""
        durations, total = [], None
        for _ in range(count):
            started = time.perf_counter()
            _, elapsed, total = self.read_worklist(client)
            durations.append(elapsed)
            rest = self.poll_period - (time.perf_counter() - started)
            if rest > 0:
                time.sleep(rest)
        return durations, total

    def poll_until_visible(self, client, pending):
        """pending: {number: (monotonic time of its 201)}. Polls every poll period until each is
        listed or its own timeout passed. Returns {number: lag seconds} (timed out ones absent)."""
        found = {}
        waiting = dict(pending)
        next_poll = time.perf_counter()
        while waiting:
            now = time.perf_counter()
            if now < next_poll:
                time.sleep(next_poll - now)
            next_poll += self.poll_period
            numbers, elapsed, _ = self.read_worklist(client)
            seen_at = time.perf_counter()
            with self.poll_lock:
                self.poll_durations.append(elapsed)
            for number in list(waiting):
                if number in numbers:
                    found[number] = seen_at - waiting.pop(number)
            for number, t201 in list(waiting.items()):
                if seen_at - t201 > self.timeout:
                    waiting.pop(number)
            if next_poll < time.perf_counter():  # a read took longer than the period: no catch-up burst
                next_poll = time.perf_counter()
        return found

    # -- submissions ------------------------------------------------------------------------

    def submit(self, client):
        status, body, elapsed = client.request("POST", "/api/foster-applications", eligible_household(),
                                               token=os.environ.get("BENCH_FAMILY_TOKEN"))
        t201 = time.perf_counter()
        t201_wall = time.time()
        if status != 201 or not isinstance(body, dict) or "number" not in body:
            raise RuntimeError("POST /api/foster-applications answered %s: %s" % (status, str(body)[:300]))
        return body["number"], body.get("id"), elapsed, t201, t201_wall

    def sequential(self, count, warmup, before_measured=None):
        client = Client(self.args.base_url)
        records = []
        try:
            for i in range(warmup + count):
                if i == warmup and before_measured is not None:
                    before_measured()
                number, app_id, post_s, t201, t201_wall = self.submit(client)
                lag = self.poll_until_visible(client, {number: t201}).get(number)
                if i >= warmup:
                    records.append({"number": number, "id": app_id, "post": post_s, "lag": lag,
                                    "t201_wall": t201_wall})
                progress("sequential %d/%d%s" % (i + 1, warmup + count, " (warm-up)" if i < warmup else ""))
        finally:
            client.close()
        return records

    def burst(self, size):
        """`size` submissions at once (one thread and connection each, released together); one
        poller reads the worklist every poll period for all of them."""
        results = [None] * size
        errors = []
        gate = threading.Barrier(size + 1)
        clients = [Client(self.args.base_url) for _ in range(size)]
        for c in clients:  # open the connections before the gate, so the burst measures requests only
            c.request("GET", "/actuator/health")

        def one(index):
            try:
                gate.wait(timeout=30)
                results[index] = self.submit(clients[index])
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(repr(e))

        threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(size)]
        for t in threads:
            t.start()
        gate.wait(timeout=30)
        burst_start = time.perf_counter()
        for t in threads:
            t.join(timeout=self.timeout + 30)
        for c in clients:
            c.close()
        if errors:
            raise RuntimeError("burst submissions failed: %s" % "; ".join(errors[:3]))
        pending = {r[0]: r[3] for r in results}
        poller = Client(self.args.base_url)
        try:
            # the 201s are all in; poll from now on (each lag still counts from its own 201)
            lags = self.poll_until_visible(poller, pending)
        finally:
            poller.close()
        last_seen = max((pending[n] + lag for n, lag in lags.items()), default=None)
        records = [{"number": r[0], "id": r[1], "post": r[2], "lag": lags.get(r[0]), "t201_wall": r[4]}
                   for r in results]
        makespan = None if last_seen is None else last_seen - burst_start
        return records, makespan


# ---------------------------------------------------------------------------------------------
# broker metrics (optional): the broker's own histograms, as deltas over a phase

METRICS = {
    # seconds from a record being written to the log until the broker hands it to the exporters
    "export": ('zeebe_exporting_latency', 'valueType="USER_TASK"'),
    # seconds from a command being written until the engine picks it up (all commands)
    "process": ('zeebe_stream_processor_latency', ''),
}


def scrape(url):
    """{(metric, suffix, le): value} for the histograms above, summed over partitions; None if unreachable."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url)
    try:
        conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=10)
        conn.request("GET", parts.path or "/")
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        conn.close()
    except (OSError, http.client.HTTPException):
        return None
    if response.status != 200:
        return None
    values = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        for key, (name, selector) in METRICS.items():
            for suffix in ("_sum", "_count", "_bucket"):
                head = name + suffix + "{"
                if not line.startswith(head) or (selector and selector not in line):
                    continue
                labels, _, value = line[len(head):].rpartition("}")
                le = None
                if suffix == "_bucket":
                    marker = 'le="'
                    at = labels.find(marker)
                    le = labels[at + len(marker):labels.find('"', at + len(marker))]
                try:
                    number = float(value.split()[0])
                except (ValueError, IndexError):
                    continue
                k = (key, suffix, le)
                values[k] = values.get(k, 0.0) + number
    return values


def metric_delta(before, after, key):
    """(count, mean seconds, share of records at or under 100 ms) over a phase, or None."""
    if before is None or after is None:
        return None
    count = after.get((key, "_count", None), 0.0) - before.get((key, "_count", None), 0.0)
    if count <= 0:
        return None
    total = after.get((key, "_sum", None), 0.0) - before.get((key, "_sum", None), 0.0)
    under = after.get((key, "_bucket", "0.1"), 0.0) - before.get((key, "_bucket", "0.1"), 0.0)
    return int(count), total / count, under / count


def progress(line):
    print("[bench] " + line, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# breakdown from the stored timestamps (optional; read-only queries after the run)

BREAKDOWN_SQL = """
select a.number,
       extract(epoch from a.submitted_at),
       extract(epoch from ep.completion_date),
       extract(epoch from p.started_at),
       extract(epoch from t.created_at)
from application a
left join event_publication ep
       on ep.event_type like '%%FosterApplicationSubmitted' and ep.serialized_event like '%%' || a.id::text || '%%'
left join engine.process_instance p on p.business_key = a.id::text
left join engine.user_task t on t.process_instance_key = p.process_instance_key and t.element_id = '%s'
where a.number in (%s)
"""


def stored_timestamps(db, numbers):
    """{number: (submitted, outbox delivered, instance started, task created)} in epoch seconds, or
    None when the database cannot be read."""
    if not db or not numbers or shutil.which("psql") is None:
        return None
    quoted = ",".join("'%s'" % n.replace("'", "''") for n in numbers)
    sql = BREAKDOWN_SQL % (FIRST_TASK, quoted)
    env = dict(os.environ, PGCONNECT_TIMEOUT="5")
    try:
        out = subprocess.run(["psql", db, "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             capture_output=True, text=True, timeout=60, env=env)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        progress("no breakdown: psql said " + out.stderr.strip()[:200])
        return None
    rows = {}
    for line in out.stdout.splitlines():
        parts = line.split("|")
        if len(parts) != 5:
            continue
        rows[parts[0]] = tuple(float(x) if x else None for x in parts[1:])
    return rows


def breakdown(records, rows):
    """Offsets from the stored submission time. The client's moments (201 received, listed) are
    taken on the wall clock, the same clock the service and the broker stamp with on this host."""
    stages = {"ok201": [], "delivered": [], "started": [], "created": [], "visible": [],
              "handoff": [], "engine": [], "export": []}
    for r in records:
        row = rows.get(r["number"])
        if row is None or r["lag"] is None:
            continue
        submitted, delivered, started, created = row
        if None in (submitted, delivered, started, created):
            continue
        visible = r["t201_wall"] + r["lag"] - submitted
        stages["ok201"].append(r["t201_wall"] - submitted)
        stages["delivered"].append(delivered - submitted)
        stages["started"].append(started - submitted)
        stages["created"].append(created - submitted)
        stages["visible"].append(visible)
        stages["handoff"].append(started - submitted)
        stages["engine"].append(created - started)
        stages["export"].append(visible - (created - submitted))
    return {k: summary(v) for k, v in stages.items()}


# ---------------------------------------------------------------------------------------------
# report

def machine():
    info = {"nproc": os.cpu_count()}
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    info["mem_gib"] = "%.1f" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    return info


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("n", type=int)
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--baseline", type=int, default=100, help="idle worklist reads before and after")
    parser.add_argument("--poll-ms", type=float, default=20)
    parser.add_argument("--timeout-s", type=float, default=60)
    parser.add_argument("--db", default="", help="libpq URL of the service's PostgreSQL, for the breakdown")
    parser.add_argument("--broker-metrics", default="", help="the broker's Prometheus URL (management port)")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    if args.n < 1 or args.burst < 0 or args.warmup < 0 or args.baseline < 1:
        raise SystemExit("N must be >= 1, burst and warm-up >= 0, baseline >= 1")

    bench = Bench(args)
    started_at = dt.datetime.now().astimezone()
    load_before = load()

    client = Client(args.base_url)
    # warm the connection and the endpoint before timing it
    for _ in range(5):
        bench.read_worklist(client)
    progress("baseline: %d worklist reads" % args.baseline)
    base_before, open_before = bench.baseline(client, args.baseline)
    client.close()

    snapshots = {}

    def snap(name):
        snapshots[name] = scrape(args.broker_metrics)

    seq = bench.sequential(args.n, args.warmup, before_measured=lambda: snap("seq_start"))
    snap("seq_end")
    load_after_seq = load()

    burst_records, makespan = [], None
    if args.burst:
        progress("burst of %d" % args.burst)
        snap("burst_start")
        burst_records, makespan = bench.burst(args.burst)
        snap("burst_end")
    load_after_burst = load()

    client = Client(args.base_url)
    progress("baseline again: %d worklist reads" % args.baseline)
    base_after, open_after = bench.baseline(client, args.baseline)
    client.close()
    load_end = load()

    rows = stored_timestamps(args.db, [r["number"] for r in seq + burst_records])

    # -- numbers --------------------------------------------------------------------------------
    base = summary(base_before + base_after)
    base_b, base_a = summary(base_before), summary(base_after)
    polls = summary(bench.poll_durations)
    seq_lag = summary([r["lag"] for r in seq if r["lag"] is not None])
    seq_post = summary([r["post"] for r in seq])
    seq_timeouts = sum(1 for r in seq if r["lag"] is None)
    b_lag = summary([r["lag"] for r in burst_records if r["lag"] is not None])
    b_post = summary([r["post"] for r in burst_records])
    b_timeouts = sum(1 for r in burst_records if r["lag"] is None)
    p50 = base["p50"]

    m = machine()
    out = []
    w = out.append
    w("# Worklist lag — %s" % started_at.strftime("%Y-%m-%d %H:%M:%S %z"))
    w("")
    if args.label:
        w(args.label)
        w("")
    w("Target %s · sequential N=%d (+%d warm-up, not counted) · burst %d · poll every %g ms · "
      "timeout %g s per application · baseline %d+%d idle reads of `GET %s`"
      % (args.base_url, args.n, args.warmup, args.burst, args.poll_ms, args.timeout_s,
         args.baseline, args.baseline, bench.worklist_path))
    w("")
    w("Machine: %s cores, %s GiB. Load average (1/5/15 min): start %s · after sequential %s · "
      "after burst %s · end %s. Open caseworker tasks: %s before, %s after."
      % (m.get("nproc"), m.get("mem_gib", "?"), load_before, load_after_seq, load_after_burst, load_end,
         open_before, open_after))
    w("")
    w("| measurement | n | p50 ms | p95 ms | max ms | p50 / p50(worklist GET) | p95 / p50(worklist GET) |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")

    def row(name, s):
        w("| %s | %d | %s | %s | %s | %s | %s |" % (name, s["n"], ms(s["p50"]), ms(s["p95"]), ms(s["max"]),
                                                   ratio(s["p50"], p50), ratio(s["p95"], p50)))

    row("worklist GET, idle (baseline, before+after)", base)
    row("  before the submissions", base_b)
    row("  after the submissions", base_a)
    row("worklist GET while polling", polls)
    row("submission POST → 201, sequential", seq_post)
    row("**worklist lag, sequential** (201 → listed)", seq_lag)
    if args.burst:
        row("submission POST → 201, burst of %d" % args.burst, b_post)
        row("**worklist lag, burst of %d**" % args.burst, b_lag)
    w("")
    w("Timed out (not listed within %g s): sequential %d of %d%s."
      % (args.timeout_s, seq_timeouts, len(seq),
         "" if not args.burst else ", burst %d of %d" % (b_timeouts, len(burst_records))))
    if args.burst and makespan is not None:
        w("Burst makespan (requests released → last task listed): %s ms = %s one idle worklist read."
          % (ms(makespan), ratio(makespan, p50)))
    w("")

    if rows is None:
        w("Breakdown: not available (no `--db`, no psql, or the database could not be read).")
    else:
        for title, records in (("sequential", seq), ("burst of %d" % args.burst, burst_records)):
            if not records:
                continue
            b = breakdown(records, rows)
            if not b["visible"]["n"]:
                continue
            w("Breakdown, %s: offsets from `application.submitted_at` (service clock, set inside the "
              "submitting transaction), read afterwards from the service's database; the engine's "
              "timestamps come from its records (same host, same clock)." % title)
            w("")
            w("| stage | n | p50 ms | p95 ms | max ms |")
            w("| --- | ---: | ---: | ---: | ---: |")
            for name, key in (("201 received by the client (client wall clock)", "ok201"),
                              ("outbox listener done (`event_publication.completion_date`)", "delivered"),
                              ("process instance started (engine record)", "started"),
                              ("first user task created (engine record)", "created"),
                              ("listed by the worklist (client wall clock)", "visible")):
                s = b[key]
                w("| %s | %d | %s | %s | %s |" % (name, s["n"], ms(s["p50"]), ms(s["p95"]), ms(s["max"])))
            w("")
            w("| segment | p50 ms | p95 ms | p50 / p50(listed) (medians do not add up exactly) |")
            w("| --- | ---: | ---: | ---: |")
            total = b["visible"]["p50"]
            for name, key in (("commit + outbox hand-off + message publish → instance started", "handoff"),
                              ("engine: message start → DMN → gateway → user task created (one processing batch stamps them alike)", "engine"),
                              ("broker hands the records to the exporter + exporter flush wait + DB commit + poll resolution → listed", "export")):
                s = b[key]
                share = "–" if not total else "%.0f %%" % (100.0 * s["p50"] / total)
                w("| %s | %s | %s | %s |" % (name, ms(s["p50"]), ms(s["p95"]), share))
            w("")
    phases = [("sequential", "seq_start", "seq_end")]
    if args.burst:
        phases.append(("burst of %d" % args.burst, "burst_start", "burst_end"))
    metric_rows = []
    for title, start, end in phases:
        for key, what in (("export", "user-task record written → handed to the exporters (`zeebe_exporting_latency`, USER_TASK)"),
                          ("process", "command written → picked up by the engine (`zeebe_stream_processor_latency`, all commands)")):
            d = metric_delta(snapshots.get(start), snapshots.get(end), key)
            if d is not None:
                metric_rows.append("| %s | %s | %d | %s | %.0f %% |" % (title, what, d[0], ms(d[1]), 100 * d[2]))
    if metric_rows:
        w("Broker metrics over each measured phase (histogram deltas from the broker's Prometheus endpoint; "
          "means only, the buckets are too coarse for percentiles):")
        w("")
        w("| phase | histogram | records | mean ms | ≤ 100 ms |")
        w("| --- | --- | ---: | ---: | ---: |")
        out.extend(metric_rows)
        w("")
    elif args.broker_metrics:
        w("Broker metrics: not available (%s did not answer)." % args.broker_metrics)
        w("")
    w("Percentiles are nearest-rank. Lag resolution: one poll period plus one worklist read. "
      "Compare ratios, not absolute times, across machines.")
    print("\n".join(out))
    return 0 if seq_timeouts == 0 and b_timeouts == 0 else 3


if __name__ == "__main__":
    sys.exit(main())
