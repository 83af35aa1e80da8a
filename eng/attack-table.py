#!/usr/bin/env python3
"""ArtBot's security issue, attacked from outside: starts the published bot as real processes (SQLite, and PostgreSQL
when it is installed), attacks them over loopback HTTP as a visitor would (Direct Line, /api/messages, WebSockets),
and prints one Markdown row per attack with what was observed. Every verdict comes from an observed outcome (status
codes, reply text, /metrics, /readyz, database rows, file sizes, VmRSS); a row that did not hold says NO.

    python3 eng/attack-table.py                # publishes to out/ first if out/ArtBot.Bot.dll is missing; 6-8 minutes
    python3 eng/attack-table.py --build        # publish again first
    python3 eng/attack-table.py --only 1,10    # some rows only (while working on the script)

Python 3 standard library only; calls dotnet, and psql plus eng/throwaway-postgres.sh for the PostgreSQL rows.
Exit status 1 when any row says NO (or the script itself failed), 0 otherwise.
"""
import argparse
import base64
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "out"
DLL = OUT / "ArtBot.Bot.dll"
STAFF_TENANT = "clinic-tenant"
FEEDBACK_EVENT = "webchat:activity-status/feedback"
MAX_BODY = 256 * 1024                 # Hardening/ActivityRequestCheck.cs MaxBodyBytes
DIRECTLINE_TOTAL_BUDGET = 64 * 1024 * 1024   # DirectLineOptions.MaxBytesInTotal (README: 64 MiB)
RSS_MARGIN = 128 * 1024 * 1024        # allowed above the budget for request buffers and GC headroom (stated in the row)
ERROR_REPLY = "Sorry, something went wrong on my side"

ROWS = []
ROWS_LOCK = threading.Lock()
STARTED = []          # every Bot started, stopped at exit
PG = {}               # the throwaway PostgreSQL, stopped at exit
T0 = time.time()


def log(message):
    print(f"[{time.time() - T0:6.1f}s] {message}", file=sys.stderr, flush=True)


def row(number, attack, sent, happened, holds):
    """holds: True / False / a string (covered by tests, not run)."""
    if not isinstance(holds, str):
        holds = bool(holds)
    verdict = "yes" if holds is True else "**NO**" if holds is False else holds
    with ROWS_LOCK:
        ROWS.append((str(number), attack, sent, happened, verdict))


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def row_key(entry):
    match = re.match(r"(\d+)(.*)", entry[0])
    return (int(match.group(1)), match.group(2)) if match else (999, entry[0])


# ---------------------------------------------------------------------------------------------------------------
# HTTP

def call(base, method, path, body=None, headers=None, source=None, timeout=180):
    """One request on its own connection; returns (status, body bytes); status 0 when the connection failed."""
    host, port = base.split("//", 1)[1].rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=(source, 0) if source else None)
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    sent_headers = {"Content-Type": "application/json"} if data is not None else {}
    sent_headers.update(headers or {})
    try:
        connection.request(method, path, body=data if data is not None else (b"" if method == "POST" else None), headers=sent_headers)
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as error:
        return 0, repr(error).encode()
    finally:
        connection.close()


def as_json(data):
    try:
        return json.loads(data)
    except (ValueError, TypeError):
        return None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("0.0.0.0", 0))
        return probe.getsockname()[1]


def artbot(activity):
    return ((activity or {}).get("channelData") or {}).get("artbot") or {}


class Chat:
    """The website chat as Web Chat speaks to the bot's own Direct Line: a token, a conversation, activities by watermark."""

    def __init__(self, bot, base=None, source=None, host_header=None):
        self.bot = bot
        self.base = base or bot.base
        self.source = source
        self.headers = {"Host": host_header} if host_header else {}
        self.token = self.conversation = self.stream_url = None
        self.watermark = ""
        self.retries = 0

    def _call(self, method, path, body=None, retry429=False, extra=None):
        for attempt in range(60):
            headers = dict(self.headers)
            if self.token:
                headers["Authorization"] = "Bearer " + self.token
            headers.update(extra or {})
            status, data = call(self.base, method, path, body, headers, self.source)
            if status == 429 and retry429 and attempt < 59:
                self.retries += 1
                time.sleep(2)
                continue
            return status, data
        return status, data

    def start(self, retry429=True):
        status, data = self._call("POST", "/api/directline/token", retry429=retry429)
        if status != 200:
            return status
        self.token = as_json(data)["token"]
        status, data = self._call("POST", "/v3/directline/conversations", retry429=retry429)
        if status != 201:
            return status
        started = as_json(data)
        self.conversation, self.token, self.stream_url = started["conversationId"], started["token"], started["streamUrl"]
        return status

    def post(self, activity, retry429=True):
        return self._call("POST", f"/v3/directline/conversations/{self.conversation}/activities", activity, retry429)

    def read(self, retry429=True):
        """The bot's activities since the last read (updates of a form come again under the same id)."""
        status, data = self._call("GET", f"/v3/directline/conversations/{self.conversation}/activities?watermark={self.watermark}", retry429=retry429)
        if status != 200:
            return []
        activities = as_json(data)
        self.watermark = activities["watermark"]
        return [activity for activity in activities["activities"] if (activity.get("from") or {}).get("role") == "bot"]

    def say(self, text, retry429=True):
        status, _ = self.post({"type": "message", "text": text, "from": {"id": "visitor", "role": "user"}}, retry429)
        return status, self.read(retry429)

    def send_value(self, value, retry429=True):
        status, _ = self.post({"type": "message", "value": value, "from": {"id": "visitor", "role": "user"}}, retry429)
        return status, self.read(retry429)

    def vote(self, action_id, retry429=True):
        status, _ = self.post({"type": "event", "name": FEEDBACK_EVENT, "from": {"id": "visitor", "role": "user"},
                               "entities": [{"@type": "LikeAction", "@id": action_id, "actionStatus": "CompletedActionStatus"}]}, retry429)
        return status


def staff_say(bot, text):
    """A staff member in the clinic's tenant, in a Teams personal chat, as the bot on loopback with authentication off accepts it."""
    activity = {
        "type": "message", "id": uuid.uuid4().hex, "channelId": "msteams", "serviceUrl": "http://127.0.0.1:9/", "deliveryMode": "expectReplies",
        "from": {"id": "29:sam", "name": "Sam Lee", "aadObjectId": "sam"}, "recipient": {"id": "28:artbot", "name": "ArtBot"},
        "conversation": {"id": "a:personal-sam", "isGroup": False, "conversationType": "personal", "tenantId": STAFF_TENANT},
        "channelData": {"tenant": {"id": STAFF_TENANT}}, "text": text,
    }
    for _ in range(30):
        status, data = call(bot.base, "POST", "/api/messages", activity)
        if status != 429:
            break
        time.sleep(2)
    return status, ((as_json(data) or {}).get("activities") or [])


def messages_say(bot, text, conversation):
    """/api/messages as the README's curl example sends it (loopback, authentication off, replies in the response)."""
    activity = {"type": "message", "id": uuid.uuid4().hex, "text": text, "channelId": "curl", "serviceUrl": "http://localhost:9/",
                "deliveryMode": "expectReplies", "from": {"id": "visitor"}, "recipient": {"id": "artbot"}, "conversation": {"id": conversation}}
    status, data = call(bot.base, "POST", "/api/messages", activity)
    return status, ((as_json(data) or {}).get("activities") or [])


# ---------------------------------------------------------------------------------------------------------------
# The bot as a process

class Bot:
    def __init__(self, name, settings=None, extra_address=None, sqlite=True):
        self.name = name
        self.folder = Path(tempfile.mkdtemp(prefix=f"artbot-attack-{name}-"))
        self.port, self.metrics_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.extra_base = None
        urls = self.base
        if extra_address:
            self.extra_port = free_port()
            self.extra_base = f"http://{extra_address}:{self.extra_port}"
            urls += ";" + self.extra_base
        self.db = self.folder / "artbot.db" if sqlite else None
        self.settings = {"Metrics:Port": str(self.metrics_port), "UnansweredQuestions:FilePath": str(self.folder / "unanswered-questions.jsonl")}
        if sqlite:
            self.settings["Database:SqlitePath"] = str(self.db)
        self.settings.update(settings or {})
        self.urls = urls
        self.process = None

    def args(self):
        return [item for key, value in self.settings.items() for item in (f"--{key}", value)]

    def start(self, timeout=240):
        self.log = open(self.folder / "bot.log", "wb")
        self.process = subprocess.Popen([shutil.which("dotnet"), str(DLL), "--urls", self.urls, *self.args()], cwd=OUT,
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        STARTED.append(self)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"bot {self.name} exited with {self.process.returncode}: {self.tail()}")
            if call(self.base, "GET", "/readyz", timeout=10)[0] == 200:
                log(f"bot {self.name} ready (pid {self.process.pid}, {self.base}, metrics {self.metrics_port}, {self.folder})")
                return self
            time.sleep(1)
        raise RuntimeError(f"bot {self.name} not ready after {timeout} s: {self.tail()}")

    def tail(self):
        try:
            return (self.folder / "bot.log").read_text(errors="replace")[-1500:]
        except OSError:
            return ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if self.process:
            self.log.close()

    def rss_kib(self):
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None

    def readyz(self):
        status, data = call(self.base, "GET", "/readyz", timeout=30)
        return status, as_json(data) or {}

    def metric(self, name, label=None):
        """Sum of a Prometheus metric's samples (with `label` in its labels, when given) at /metrics on the metrics port; 0 when absent."""
        status, data = call(f"http://127.0.0.1:{self.metrics_port}", "GET", "/metrics", timeout=30)
        total = 0.0
        for line in data.decode(errors="replace").splitlines():
            if line.startswith(name + "{") or line.startswith(name + " "):
                if label is None or label in line:
                    total += float(line.rsplit(" ", 1)[1])
        return total

    def sql(self, query, parameters=()):
        """Read-only SQLite."""
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)
        try:
            return connection.execute(query, parameters).fetchall()
        finally:
            connection.close()

    def db_bytes(self):
        return sum(os.path.getsize(path) for path in (self.db, Path(f"{self.db}-wal")) if os.path.exists(path))


def psql(connection_string, query):
    settings = dict(part.split("=", 1) for part in connection_string.split(";") if "=" in part)
    result = subprocess.run(["psql", "-w", "-h", settings["Host"], "-p", settings["Port"], "-U", settings["Username"], "-d", settings["Database"],
                             "-v", "ON_ERROR_STOP=1", "-qAtX", "-F", "\t", "-c", query], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError("psql: " + result.stderr.strip())
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def wait_until(condition, timeout, step=2.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


def guarded(number, attack):
    """Runs a check; a crash of the script itself is a row too (never a silent pass)."""
    def wrap(function):
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - recorded, not hidden
                log(f"row {number} failed in the script: {error}\n{traceback.format_exc()}")
                row(number, attack, "-", f"the script failed: {cell(error)[:300]}", False)
        return run
    return wrap


# ---------------------------------------------------------------------------------------------------------------
# 1. Votes with an 8,000-character id and a NUL: the day's counts still flush, nothing is counted twice.

def counts_reader_sqlite(bot):
    def read():
        return {(metric, key): count for metric, key, count in bot.sql("SELECT metric, key, SUM(count) FROM daily_counts GROUP BY metric, key")}
    return read


def counts_reader_postgres(connection_string):
    def read():
        return {(metric, key): int(count) for metric, key, count in psql(connection_string, 'SELECT metric, key, SUM(count) FROM daily_counts GROUP BY metric, key')}
    return read


def attack_1(bot, read_counts, number, provider):
    attack = f"Web Chat votes with an 8,000-character id and a NUL id ({provider})"
    chat = Chat(bot)
    chat.start()
    _, first = chat.say("does ART hurt?")
    answered = [artbot(reply).get("id") for reply in first]
    base = wait_until(lambda: read_counts().get(("answers", "is-it-painful")), 100)
    if not base:
        row(number, attack, "an ordinary question, then waited for the counts to flush",
            f"the first answer's count never reached the database in 100 s (reply ids {answered})", False)
        return
    statuses = [chat.vote("artbot:feedback:" + "x" * 8000 + ":like"), chat.vote("artbot:feedback:is-it\u0000painful:like"),
                chat.vote("artbot:feedback:is-it-painful:like")]
    _, second = chat.say("does ART hurt?")
    after = wait_until(lambda: read_counts().get(("answers", "is-it-painful"), 0) > base and read_counts().get(("answers", "is-it-painful")), 100)
    time.sleep(35)   # one more flush (every 30 s): nothing added twice
    counts = read_counts()
    final = counts.get(("answers", "is-it-painful"), 0)
    feedback = {key: count for (metric, key), count in counts.items() if metric == "feedback"}
    failures = bot.metric("artbot_counts_save_failures_total")
    ready_status, ready = bot.readyz()
    counts_check = ((ready.get("checks") or {}).get("counts") or {}).get("status")
    long_keys = [len(key) for (metric, key) in counts if len(key) > 100 or "\x00" in key]
    holds = (statuses == [200, 200, 200] and final == base + 1 and feedback == {"is-it-painful:like": 1}
             and failures == 0 and ready_status == 200 and counts_check == "Healthy" and not long_keys and after)
    row(number, attack,
        "Direct Line: `does ART hurt?`; event `webchat:activity-status/feedback` with `@id` = `artbot:feedback:`+8,000×`x`+`:like`, one with "
        "`artbot:feedback:is-it\\u0000painful:like`, one genuine like; the same question again; waited for 2 flushes",
        f"votes HTTP {statuses}; answers/is-it-painful {base} -> {final} after the second answer and a further 35 s; feedback rows {feedback}; "
        f"rows with a key over 100 chars or a NUL: {len(long_keys)}; artbot_counts_save_failures_total={failures:g}; /readyz {ready_status}, counts check {counts_check}",
        holds)


# ---------------------------------------------------------------------------------------------------------------
# 2. A flood of votes with unique 200 KB ids, and votes with words meant for staff.

def attack_2(bot, seconds=60):
    bytes_before, rows_before = bot.db_bytes(), bot.sql("SELECT COUNT(*) FROM daily_counts")[0][0]
    # 2b first, inside the address's burst: 60 votes whose id carries a message for the staff.
    call_ids = []
    for index in range(60):
        call_ids.append(["artbot:feedback:CALL 416-555-0100 NOW re patient ART-7C39:like",
                         f"artbot:feedback:CALL 416-555-0100 NOW {index}:dislike",
                         "artbot:feedback:is-it-painful:CALL 416-555-0100 NOW"][index % 3])
    call_statuses = {}
    for chunk in range(0, 60, 10):
        chat = Chat(bot)
        chat.start()
        for action_id in call_ids[chunk:chunk + 10]:
            status = chat.vote(action_id)
            call_statuses[status] = call_statuses.get(status, 0) + 1

    # 2a: unique 200 KB ids for `seconds`, rotating conversations (10 votes each: the per-conversation burst).
    stop = time.time() + seconds
    tally = {"votes_200": 0, "votes_other": {}, "r429": 0, "bytes": 0, "conversations": 0}
    lock = threading.Lock()
    ready_codes = []

    def flood(worker):
        serial = 0
        while time.time() < stop:
            chat = Chat(bot)
            status = chat.start(retry429=False)
            if status != 201:
                with lock:
                    tally["r429"] += status == 429
                time.sleep(0.3)
                continue
            with lock:
                tally["conversations"] += 1
            for _ in range(10):
                if time.time() >= stop:
                    break
                serial += 1
                action_id = f"artbot:feedback:{worker}-{serial}-{uuid.uuid4().hex}" + "y" * 200_000 + ":like"
                status = chat.vote(action_id, retry429=False)
                with lock:
                    if status == 200:
                        tally["votes_200"] += 1
                        tally["bytes"] += len(action_id)
                    elif status == 429:
                        tally["r429"] += 1
                    else:
                        tally["votes_other"][status] = tally["votes_other"].get(status, 0) + 1
                if status == 429:
                    time.sleep(0.3)

    def probe():
        while time.time() < stop:
            ready_codes.append(bot.readyz()[0])
            time.sleep(2)

    threads = [threading.Thread(target=flood, args=(worker,)) for worker in range(2)] + [threading.Thread(target=probe)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # A question after the flood, whose count reaching the database shows a flush happened after every vote.
    chat = Chat(bot)
    chat.start()
    chat.say("what are adhesions?")
    flushed = wait_until(lambda: bot.sql("SELECT SUM(count) FROM daily_counts WHERE metric='answers' AND key='adhesions'")[0][0], 100)
    bytes_after, rows_after = bot.db_bytes(), bot.sql("SELECT COUNT(*) FROM daily_counts")[0][0]
    long_rows = bot.sql("SELECT COUNT(*) FROM daily_counts WHERE length(key) > 100")[0][0]
    ready_after = bot.readyz()[0]
    booking = book_in_chat(bot)
    stored = bot.sql("SELECT COUNT(*) FROM consult_requests")[0][0]
    growth = bytes_after - bytes_before
    holds = (flushed and tally["votes_200"] > 0 and growth <= 1024 * 1024 and rows_after - rows_before <= 10 and long_rows == 0
             and all(code == 200 for code in ready_codes) and ready_after == 200 and booking["step"] == "booked" and stored == 1)
    row("2a", "Many votes with unique 200 KB ids from one address for 60 s",
        f"Direct Line events `webchat:activity-status/feedback`, `@id` = `artbot:feedback:<unique>`+200,000 chars+`:like`, 2 workers for {seconds} s, "
        "a new conversation every 10 votes; then a question, a wait for the flush, a whole chat booking",
        f"{tally['votes_200']} votes accepted (200, {tally['bytes'] / 1e6:.1f} MB of ids), {tally['r429']} answered 429, other {tally['votes_other']}, "
        f"{tally['conversations']} conversations; database+WAL {bytes_before:,} -> {bytes_after:,} bytes ({growth:+,}); daily_counts rows {rows_before} -> {rows_after}, "
        f"{long_rows} with a key over 100 chars; /readyz during the flood {sorted(set(ready_codes))} ({len(ready_codes)} probes), after {ready_after}; "
        f"booking afterwards: step `{booking['step']}` ({booking['retries']} retries after 429), consult_requests rows {stored}",
        holds)

    # 2b: did the staff's words reach anything staff read?
    in_counts = bot.sql("SELECT COUNT(*) FROM daily_counts WHERE key LIKE '%416-555-0100%' OR key LIKE '%CALL%' OR metric LIKE '%CALL%'")[0][0]
    stats_status, stats = staff_say(bot, "stats")
    stats_text = json.dumps(stats)
    in_stats = "416-555-0100" in stats_text or "CALL 416" in stats_text
    raw = b""
    for path in (bot.db, Path(f"{bot.db}-wal")):
        if path.exists():
            raw += path.read_bytes()
    in_file = raw.count(b"416-555-0100")
    holds = call_statuses == {200: 60} and in_counts == 0 and stats_status == 200 and bool(stats) and not in_stats
    row("2b", "60 votes whose id carries `CALL 416-555-0100 NOW`",
        "60 Direct Line vote events with `@id` such as `artbot:feedback:CALL 416-555-0100 NOW re patient ART-7C39:like` (three shapes), "
        "then after the flush: daily_counts read with sqlite3 (read-only) and staff `stats` asked as a Teams user of Staff:TenantId",
        f"votes HTTP {call_statuses}; daily_counts rows with the text: {in_counts}; `stats` reply (HTTP {stats_status}, {len(stats)} activities) "
        f"contains it: {in_stats}; (also: occurrences of `416-555-0100` anywhere in the database file and WAL bytes: {in_file})",
        holds)


def book_in_chat(bot, name="Priya Raman", phone="647 555 0142"):
    chat = Chat(bot)
    chat.start()
    last = []
    for text in ["Book a free consult", "Answer a few questions", name, phone, "Online (video)", "Evening", "Left knee swells after running", "Yes, I agree", "Confirm"]:
        _, last = chat.say(text)
    steps = [artbot(reply).get("step") for reply in last]
    return {"step": steps[-1] if steps else None, "retries": chat.retries, "replies": last}


# ---------------------------------------------------------------------------------------------------------------
# 4. Memory: new conversations each sending five of the largest messages accepted, at about 5 requests a second.

def attack_4(bot, seconds=120, rate=5.0):
    empty = len(json.dumps({"type": "message", "text": ""}).encode())
    largest = MAX_BODY - empty
    probe = Chat(bot)
    probe.start()
    over_status, _ = probe.post({"type": "message", "text": "z" * (largest + 1)})
    at_status, _ = probe.post({"type": "message", "text": "z" * largest})
    notice = probe.read()
    time.sleep(5)
    baseline = bot.rss_kib()
    samples = [baseline]
    stop = time.time() + seconds
    permit_lock = threading.Lock()
    next_slot = [time.time()]
    tally = {"ok": 0, "r429": 0, "other": {}, "big_posts": 0, "bytes": 0}
    lock = threading.Lock()

    def permit():
        with permit_lock:
            slot = max(next_slot[0], time.time())
            next_slot[0] = slot + 1 / rate
        delay = slot - time.time()
        if delay > 0:
            time.sleep(delay)
        return time.time() < stop

    def count(status, big=False, size=0):
        with lock:
            if status in (200, 201):
                tally["ok"] += 1
                if big:
                    tally["big_posts"] += 1
                    tally["bytes"] += size
            elif status == 429:
                tally["r429"] += 1
            else:
                tally["other"][status] = tally["other"].get(status, 0) + 1

    def worker(index):
        serial = 0
        while permit():
            chat = Chat(bot)
            status, data = chat._call("POST", "/api/directline/token")
            count(status)
            if status != 200:
                continue
            chat.token = as_json(data)["token"]
            if not permit():
                return
            status, data = chat._call("POST", "/v3/directline/conversations")
            count(status)
            if status != 201:
                continue
            chat.conversation, chat.token = as_json(data)["conversationId"], as_json(data)["token"]
            for _ in range(5):
                if not permit():
                    return
                serial += 1
                text = f"{index}-{serial} " + "m" * (largest - len(f"{index}-{serial} "))
                status, _ = chat.post({"type": "message", "text": text}, retry429=False)
                count(status, big=True, size=len(text))

    def sampler():
        while time.time() < stop + 1:
            rss = bot.rss_kib()
            if rss:
                samples.append(rss)
            time.sleep(0.5)

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(6)] + [threading.Thread(target=sampler)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(15)
    after = bot.rss_kib()
    peak = max(samples)
    evictions = bot.metric("artbot_directline_evictions_total")
    ready = bot.readyz()[0]
    limit_kib = (DIRECTLINE_TOTAL_BUDGET + RSS_MARGIN) // 1024
    holds = (over_status == 413 and at_status == 200 and tally["big_posts"] > 0 and peak - baseline <= limit_kib
             and after - baseline <= limit_kib and ready == 200)
    mib = lambda kib: f"{kib / 1024:.0f} MiB"
    row(4, "Memory: new conversations sending five of the largest messages accepted",
        f"{seconds} s at {rate:g} requests/s from one address (6 workers): per conversation a token, a conversation and 5 Direct Line messages of "
        f"{largest:,} characters (body exactly {MAX_BODY:,} bytes, the largest accepted: one byte more got HTTP {over_status}; "
        f"Answering:MaxMessageLength 1000 only refuses politely: `{cell((notice[-1] if notice else {}).get('text', ''))[:60]}...`)",
        f"VmRSS before {mib(baseline)}, peak {mib(peak)} (+{mib(peak - baseline)}), 15 s after {mib(after)} (+{mib(after - baseline)}); "
        f"{tally['big_posts']} big messages accepted ({tally['bytes'] / 1e6:.0f} MB of text), {tally['ok']} requests 2xx, {tally['r429']} answered 429, "
        f"other {tally['other']}; artbot_directline_evictions_total={evictions:g}; /readyz {ready}. Criterion: growth within "
        f"DirectLine:MaxBytesInTotal (64 MiB) + {RSS_MARGIN // 1048576} MiB margin = {limit_kib // 1024} MiB",
        holds)


# ---------------------------------------------------------------------------------------------------------------
# 5. Ticket flooding: the booking form sent again and again, each time with a new client-chosen formId.

def find_form_id(activities):
    for activity in reversed(activities):
        for attachment in activity.get("attachments") or []:
            content = attachment.get("content") or {}
            for action in content.get("actions") or []:
                form_id = (action.get("data") or {}).get("formId")
                if form_id:
                    return form_id
    return None


def form_value(form_id, name="Dana Smith", contact="416 555 0199", concern="sore wrist from typing"):
    return {"artbot": "consult-form", "formId": form_id, "name": name, "contact": contact, "mode": "phone", "time": "any", "concern": concern, "consent": "true"}


def attack_5(bot, seconds=60):
    before = bot.sql("SELECT COUNT(*) FROM consult_requests")[0][0]
    stop = time.time() + seconds
    outcomes, invented_replies, refusal_text, retries = [], [], "", 0
    attempt = 0
    while time.time() < stop:
        attempt += 1
        started = time.time()
        chat = Chat(bot)
        chat.start()
        chat.say("Book a free consult")
        _, shown = chat.say("Fill in a short form")
        _, after_invented = chat.send_value(form_value(uuid.uuid4().hex, contact=f"647 555 01{attempt % 100:02d}"))
        invented_replies.append(" ".join((reply.get("text") or "")[:40] for reply in after_invented if reply.get("text")))
        form_id = find_form_id(after_invented) or find_form_id(shown)
        _, replies = chat.send_value(form_value(form_id, contact=f"647 555 01{attempt % 100:02d}"))
        steps = [artbot(reply).get("step") for reply in replies]
        outcome = "booked" if "booked" in steps else "over-quota" if "over-quota" in steps else ",".join(str(step) for step in steps) or "no reply"
        if outcome == "over-quota" and not refusal_text:
            refusal_text = next(reply.get("text") for reply in replies if artbot(reply).get("step") == "over-quota")
        outcomes.append(outcome)
        retries += chat.retries
        time.sleep(max(0.0, 2.5 - (time.time() - started)))
    stored = bot.sql("SELECT COUNT(*) FROM consult_requests")[0][0] - before
    booked = outcomes.count("booked")
    unknown = sum("couldn't match that form" in text for text in invented_replies)
    holds = stored <= 5 and stored == booked and "over-quota" in outcomes and "not** been sent" in refusal_text and unknown == len(outcomes)
    row(5, "Ticket flooding through the booking form",
        f"{len(outcomes)} bookings in {seconds} s from one address, each in a new Direct Line conversation: `Book a free consult`, `Fill in a short form`, "
        "the form sent with a new random `formId`, then with the id of the form the bot showed back",
        f"invented formIds answered `I couldn't match that form…` {unknown}/{len(outcomes)} times; outcomes {summarise(outcomes)}; consult_requests rows added: {stored} "
        f"(RateLimits:ConsultRequestsPerHour 5); refusal: `{cell(refusal_text)[:170]}`; {retries} retries after 429",
        holds)


def summarise(values):
    counted = {}
    for value in values:
        counted[value] = counted.get(value, 0) + 1
    return ", ".join(f"{key}×{count}" for key, count in counted.items())


# ---------------------------------------------------------------------------------------------------------------
# 6. Rate limits and X-Forwarded-For.

def token_flood(base, count, source=None, host=None, xff=None):
    codes = {}
    for index in range(count):
        headers = {"Host": host} if host else {}
        if xff == "rotate":
            headers["X-Forwarded-For"] = f"203.0.113.{index % 250 + 1}"
        elif xff:
            headers["X-Forwarded-For"] = xff
        status, _ = call(base, "POST", "/api/directline/token", headers=headers, source=source)
        codes[status] = codes.get(status, 0) + 1
    return codes


def first_429(base, limit, source=None, host=None, xff=None):
    for index in range(1, limit + 1):
        headers = {"Host": host} if host else {}
        if xff:
            headers["X-Forwarded-For"] = f"198.51.100.{index % 250 + 1}"
        if call(base, "POST", "/api/directline/token", headers=headers, source=source)[0] == 429:
            return index
    return None


def attack_6(bot, address):
    if address:
        # From a non-loopback peer (this machine's own address on eth): X-Forwarded-For 127.0.0.1 to reach /api/messages.
        activity = {"type": "message", "id": "x", "text": "does ART hurt?", "channelId": "curl", "serviceUrl": "http://127.0.0.1:9/", "deliveryMode": "expectReplies",
                    "from": {"id": "v"}, "recipient": {"id": "artbot"}, "conversation": {"id": "xff-1"}}
        spoof_status, spoof_body = call(bot.extra_base, "POST", "/api/messages", activity, {"Host": "127.0.0.1", "X-Forwarded-For": "127.0.0.1"})
        row("6a", "X-Forwarded-For: 127.0.0.1 from a non-loopback peer to reach the local-only /api/messages",
            f"POST /api/messages from {address} (not loopback) with `X-Forwarded-For: 127.0.0.1`",
            f"HTTP {spoof_status}: `{cell(spoof_body.decode(errors='replace'))[:110]}`", spoof_status == 403)
        rotated = token_flood(bot.extra_base, 100, host="127.0.0.1", xff="rotate")
        still, _ = call(bot.extra_base, "POST", "/api/directline/token", headers={"Host": "127.0.0.1", "X-Forwarded-For": "203.0.113.251"})
        # Meanwhile another peer (loopback, its own allowance) holds a whole conversation.
        other = Chat(bot)
        start_status = other.start(retry429=False)
        say_status, replies = other.say("does ART hurt?", retry429=False) if start_status == 201 else (None, [])
        other_ok = start_status == 201 and say_status == 200 and any(artbot(reply).get("kind") == "answer" for reply in replies)
        row("6b", "A flood from one untrusted address, a new X-Forwarded-For on every request",
            f"100 × POST /api/directline/token from {address}, `X-Forwarded-For: 203.0.113.<n>` each different (Proxies:TrustedNetworks empty); "
            "then a conversation from another peer (127.0.0.1)",
            f"flooding peer: {rotated}, next request after the flood {still}; the other peer: conversation {start_status}, message {say_status}, "
            f"reply kinds {[artbot(reply).get('kind') for reply in replies]}",
            rotated.get(429, 0) > 0 and still == 429 and other_ok)
    else:
        row("6a", "X-Forwarded-For from a non-loopback peer", "-", "not run: this machine has no non-loopback IPv4 address to connect from", "not run")
    # From loopback: what the bot does with a rotating X-Forwarded-For when Proxies:TrustedNetworks is empty.
    rotated = token_flood(bot.base, 100, xff="rotate")
    row("6c", "A flood from a loopback peer with a new X-Forwarded-For on every request",
        "100 × POST /api/directline/token from 127.0.0.1, `X-Forwarded-For: 203.0.113.<n>` each different, Proxies:TrustedNetworks empty "
        "(README: the header is believed only from those networks)",
        f"{rotated}: the header was "
        + ("ignored (429 after the burst)" if rotated.get(429) else
           "believed: every request got a new allowance, no 429 (ASP.NET Core's ForwardedHeadersOptions trusts 127.0.0.0/8 and ::1 unless "
           "Hardening/ForwardedClients.cs clears that default; the ConsultRequestQuota reads the same address)"),
        rotated.get(429, 0) > 0)
    exhausted_at = first_429(bot.base, 400)
    other_status = call(bot.base, "POST", "/api/directline/token", source="127.0.0.2")[0]
    row("6d", "127.0.0.2 after 127.0.0.1 exhausted its allowance",
        "POST /api/directline/token from 127.0.0.1 until 429, then one from 127.0.0.2",
        f"127.0.0.1 got 429 at request {exhausted_at}; 127.0.0.2 then got HTTP {other_status}. The code gives the whole loopback range one allowance "
        "(Hardening/ForwardedClients.cs AllowanceOf: `IPAddress.IsLoopback` -> \"loopback\"; README settings table: \"one allowance for all of loopback\"), "
        "so 127.0.0.2 is not a separate client by design",
        "yes (as documented)" if exhausted_at and other_status == 429 else False)


# ---------------------------------------------------------------------------------------------------------------
# 9. The unanswered ranking.

SPAM = "cheap crypto signals join our telegram"
ASKED = "do you sell gift cards"


def attack_9(bot):
    spam = Chat(bot)
    spam.start()
    accepted, slowed, kinds = 0, 0, set()
    while accepted < 40 and slowed < 200:
        _, replies = spam.say(SPAM)
        reply_kinds = [artbot(reply).get("kind") for reply in replies]
        if "notice" in reply_kinds:
            slowed += 1
            time.sleep(2.2)
            continue
        accepted += 1
        kinds.update(reply_kinds)
        if accepted >= 10:
            time.sleep(2.0)   # RateLimits:ConversationPerMinute 30: one message every 2 s after the burst of 10
    asked_kinds = set()
    for _ in range(3):
        chat = Chat(bot)
        chat.start()
        _, replies = chat.say(ASKED)
        asked_kinds.update(artbot(reply).get("kind") for reply in replies)
    status, replies = staff_say(bot, "unanswered")
    groups = []
    for reply in replies:
        for attachment in reply.get("attachments") or []:
            for element in (attachment.get("content") or {}).get("body") or []:
                match = re.match(r"\*\*(\d+)×\*\* (.*)", element.get("text") or "")
                if element.get("type") == "TextBlock" and match:
                    groups.append((int(match.group(1)), match.group(2)))
    spam_group = next((index for index, (_, text) in enumerate(groups) if "crypto" in text), None)
    asked_group = next((index for index, (_, text) in enumerate(groups) if "gift card" in text), None)
    holds = (accepted == 40 and kinds == {"fallback"} and asked_kinds == {"fallback"} and spam_group is not None and asked_group is not None
             and groups[asked_group][0] == 3 and groups[spam_group][0] == 1 and asked_group < spam_group)
    return {"holds": holds, "accepted": accepted, "slowed": slowed, "kinds": kinds, "asked_kinds": asked_kinds, "status": status, "groups": groups}


def attack_9_report(result, command_rows):
    spam_rows = [item for item in command_rows if item.get("question") == SPAM]
    asked_rows = [item for item in command_rows if item.get("question") == ASKED]
    spam_keys = {item.get("conversationKey") for item in spam_rows}
    asked_keys = {item.get("conversationKey") for item in asked_rows}
    holds = result["holds"] and len(spam_rows) == 40 and len(spam_keys) == 1 and len(asked_rows) == 3 and len(asked_keys) == 3
    row(9, "`unanswered` ranking: one conversation repeating a text 40 times",
        f"Direct Line: one conversation sent `{SPAM}` until 40 were answered (paced under the per-conversation limit); 3 other conversations sent `{ASKED}` once each; "
        "then staff's `unanswered` (Teams user of Staff:TenantId, /api/messages) and `dotnet ArtBot.Bot.dll unanswered` with the same settings",
        f"40 answered as {sorted(map(str, result['kinds']))} ({result['slowed']} `slow down` notices resent), the question as {sorted(map(str, result['asked_kinds']))}; "
        f"staff card (HTTP {result['status']}) ranks {[f'{count}× {text[:30]}' for count, text in result['groups']]}; the `unanswered` command printed "
        f"{len(spam_rows)} rows of the repeated text from {len(spam_keys)} conversation key(s) and {len(asked_rows)} of the question from {len(asked_keys)}",
        holds)


def unanswered_command(bot):
    result = subprocess.run([shutil.which("dotnet"), str(DLL), "unanswered", *bot.args()], cwd=OUT, capture_output=True, text=True, timeout=300)
    return [as_json(line) for line in result.stdout.splitlines() if line.startswith("{")]


# ---------------------------------------------------------------------------------------------------------------
# 10. The safety screen and invisible characters.

def screen(bot, texts):
    found = []
    for text in texts:
        chat = Chat(bot)
        chat.start()
        _, replies = chat.say(text)
        data = artbot(replies[0]) if replies else {}
        found.append((text, data.get("kind"), data.get("tier")))
    return found


def attack_10(bot):
    found = screen(bot, ["i want to kill myself", "i want to k\u200bill myself", "i want to ki\u00adll myself",
                         "i want to \uff4b\uff49\uff4c\uff4c \uff4d\uff59\uff53\uff45\uff4c\uff46"])
    shown = [f"`{json.dumps(text)[1:-1]}` -> {kind}/{tier}" for text, kind, tier in found]
    row(10, "Safety screen bypass with invisible characters",
        "Direct Line messages (each in a new conversation): plain control, `k\\u200Bill`, `ki\\u00ADll`, full-width `ｋｉｌｌ ｍｙｓｅｌｆ`",
        "; ".join(shown) + " (channelData.artbot kind/tier)", all(kind == "safety" and tier == "self-harm" for _, kind, tier in found))
    extra = screen(bot, ["i want to k1ll myself", "i want to k!ll myself", "i want to kil myself"])
    row("10x", "(extra, not in the issue) visible look-alikes of the same words",
        "Direct Line: `i want to k1ll myself`, `i want to k!ll myself`, `i want to kil myself` (a typo)",
        "; ".join(f"`{text}` -> {kind}/{tier}" for text, kind, tier in extra),
        all(kind == "safety" and tier == "self-harm" for _, kind, tier in extra))


# ---------------------------------------------------------------------------------------------------------------
# 12. Edges.

def attack_12_nul(bot, connection_string):
    chat = Chat(bot)
    chat.start()
    _, answered = chat.say("does ART\u0000 work?")   # not is-it-painful, whose count row 1b watches on the same bot
    _, unanswered = chat.say("do you sell gift\u0000 cards")
    api_status, api_replies = messages_say(bot, "what are\u0000 adhesions?", "nul-api-1")
    form_chat = Chat(bot)
    form_chat.start()
    form_chat.say("Book a free consult")
    _, shown = form_chat.say("Fill in a short form")
    _, booked = form_chat.send_value(form_value(find_form_id(shown), name="Dana\u0000 Lee", concern="sore\u0000 wrist"))
    names = psql(connection_string, "SELECT name, coalesce(concern, '') FROM consult_requests")
    every = answered + unanswered + api_replies + booked
    errors = [reply for reply in every if ERROR_REPLY in (reply.get("text") or "")]
    holds = (artbot(answered[0] if answered else {}).get("kind") == "answer" and artbot(unanswered[0] if unanswered else {}).get("kind") == "fallback"
             and api_status == 200 and any(artbot(reply).get("kind") == "answer" for reply in api_replies)
             and "booked" in [artbot(reply).get("step") for reply in booked] and not errors and names == [["Dana Lee", "sore wrist"]])
    row("12a", "A NUL in a question, on PostgreSQL",
        "Direct Line `does ART\\u0000 work?` and `do you sell gift\\u0000 cards` (unanswered, so stored); /api/messages `what are\\u0000 adhesions?`; "
        "booking form with name `Dana\\u0000 Lee` and concern `sore\\u0000 wrist`",
        f"replies: {[artbot(reply).get('kind') for reply in answered]}, {[artbot(reply).get('kind') for reply in unanswered]}, /api/messages HTTP {api_status} "
        f"{[artbot(reply).get('kind') for reply in api_replies]}, form {[artbot(reply).get('step') for reply in booked]}; `something went wrong` replies: {len(errors)}; "
        f"stored consult_requests (name, concern): {names}",
        holds)


def attack_12_filler(bot):
    before = bot.sql("SELECT COUNT(*) FROM consult_requests")[0][0]
    chat = Chat(bot)
    chat.start()
    chat.say("Book a free consult")
    chat.say("Answer a few questions")
    _, replies = chat.say("\u3164\u3164\u3164")
    chat_reply = " ".join(reply.get("text") or "" for reply in replies)
    chat_steps = [artbot(reply).get("step") for reply in replies]
    form = Chat(bot)
    form.start()
    form.say("Book a free consult")
    _, shown = form.say("Fill in a short form")
    _, checked = form.send_value(form_value(find_form_id(shown), name="\u3164\u3164"))
    errors = []
    for activity in checked:
        for attachment in activity.get("attachments") or []:
            for element in (attachment.get("content") or {}).get("body") or []:
                if str(element.get("id", "")).endswith("-error"):
                    errors.append(f"{element['id']}: {element.get('text')}")
    form_text = " ".join(reply.get("text") or "" for reply in checked if reply.get("text"))
    stored = bot.sql("SELECT COUNT(*) FROM consult_requests")[0][0] - before
    holds = ("name" in chat_reply.lower() and chat_steps and chat_steps[-1] == "name" and any(error.startswith("name-error") for error in errors)
             and stored == 0 and "booked" not in chat_steps)
    row("12b", "A booking name made only of U+3164 (Hangul filler)",
        "chat booking: `Answer a few questions`, then the name `\\u3164\\u3164\\u3164`; form booking: name `\\u3164\\u3164`",
        f"chat: `{cell(chat_reply)[:80]}` (step {chat_steps}); form: `{cell(form_text)[:70]}`, field errors {errors}; consult_requests rows added: {stored}",
        holds)


def open_stream(bot, path):
    connection = socket.create_connection(("127.0.0.1", bot.port), timeout=60)
    key = base64.b64encode(os.urandom(16)).decode()
    connection.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{bot.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = connection.recv(4096)
        if not chunk:
            break
        head += chunk
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    if status != 101:
        connection.close()
        return status, None
    return status, connection


def attack_12_streams(bot, attempts=12):
    chat = Chat(bot)
    chat.start()
    path = "/" + chat.stream_url.split("/", 3)[3]
    opened = [open_stream(bot, path) for _ in range(attempts)]
    codes = [status for status, _ in opened]
    for _, connection in opened:
        if connection:
            connection.close()
    time.sleep(2)
    again, connection = open_stream(bot, path)
    if connection:
        connection.close()
    upgraded = codes.count(101)
    row("12c", "One Direct Line token opening many WebSocket streams",
        f"{attempts} WebSocket upgrades of the conversation's streamUrl (same token), held open together; then all closed and one more",
        f"{upgraded} upgraded (101), the rest {summarise([code for code in codes if code != 101])}; after closing them, a new one got {again} "
        "(DirectLine:MaxStreamsPerConversation 3)",
        0 < upgraded <= 3 and all(code in (101, 429) for code in codes) and again == 101)


# ---------------------------------------------------------------------------------------------------------------
# 13. Deployment defaults, read from the repository.

def lines_of(path):
    return (REPO / path).read_text().splitlines()


def find(path, pattern):
    return [(number, line.strip()) for number, line in enumerate(lines_of(path), 1) if re.search(pattern, line)]


def attack_13(bot):
    compose = "deploy/compose.yaml"
    app_id = find(compose, r"MicrosoftAppId:")
    app_type = find(compose, r"MicrosoftAppType:")
    default_empty = bool(app_id) and ":-}" in app_id[0][1]
    start_refusal = find("bot/ArtBot.Bot/Hardening/AuthenticationWarning.cs", r"LogLocalOnly\(logger\)")
    readme_claim = find("deploy/README.md", r"single-tenant authentication by default")
    row("13a", "compose: authentication by default?",
        f"read {compose}, deploy/README.md, Hardening/AuthenticationWarning.cs and Hardening/ActivityRequestCheck.cs",
        f"{compose}:{app_id[0][0] if app_id else '?'} `{app_id[0][1] if app_id else 'no MicrosoftAppId'}` (line {app_type[0][0] if app_type else '?'}: "
        f"`{app_type[0][1] if app_type else ''}`): "
        + (f"the app id defaults to empty, so the bot starts with authentication off (AuthenticationWarning.cs:"
           f"{start_refusal[0][0] if start_refusal else '?'} only logs a warning; nothing refuses the start). What protects it is per request: "
           "/api/messages answers loopback only (ActivityRequestCheck.cs, row 6a: 403 from another address). deploy/README.md:"
           f"{readme_claim[0][0] if readme_claim else '?'} says \"single-tenant authentication by default\", which is true of MicrosoftAppType only"
           if default_empty else
           "the app id has no default: compose refuses to start (`:?`) until the app registration is set, so the bot never runs there with authentication off"),
        False if default_empty else True)
    block, inside = [], False
    for number, line in enumerate(lines_of(compose), 1):
        if re.match(r"^  artbot:", line):
            inside = True
        elif re.match(r"^  \S", line):
            inside = False
        if inside:
            block.append((number, line))
    ports = [number for number, line in block if re.match(r"^\s+ports:", line)]
    expose = [number for number, line in block if re.match(r"^\s+expose:", line)]
    published = [(number, line.strip()) for number, line in enumerate(lines_of(compose), 1) if re.match(r'^\s+- "\d+:\d+', line)]
    metrics_404 = find("deploy/Caddyfile", r"respond /metrics 404")
    live_metrics = call(bot.base, "GET", "/metrics")[0]
    row("13b", "compose: the bot's own port (Direct Line) and /metrics",
        f"read the `artbot` service of {compose} and deploy/Caddyfile; GET /metrics on a running bot's public port (Metrics:Port set, as compose sets it)",
        f"`artbot` service ({compose}:{block[0][0]}-{block[-1][0]}): `ports:` lines {ports or 'none'}, `expose:` at line {expose}; published ports in the file: "
        f"{[f'{number}: {line}' for number, line in published]} (Caddy's); Caddyfile:{metrics_404[0][0] if metrics_404 else '?'} `respond /metrics 404`; "
        f"live: /metrics on the public port -> HTTP {live_metrics}. (Caddy proxies everything else, including /v3/directline, which the website chat needs when "
        "DIRECT_LINE_SECRET is empty)",
        not ports and bool(expose) and bool(metrics_404) and live_metrics == 404 and all(":" in line and line.split('"')[1].split(":")[0] in ("80", "443") for _, line in published))
    bicep = "deploy/azure/main.bicep"
    bot_connection = find(bicep, r"Username=\$\{databaseBotRole\}")
    admin_connection = find(bicep, r"Username=\$\{databaseAdministrator\}")
    admin_uses = find(bicep, r"secretRef: 'database-connection-string'")
    init_start = find(bicep, r"initContainers: \[")
    containers_start = [number for number, _ in find(bicep, r"^\s+containers: \[")]
    admin_only_in_init = bool(admin_uses) and bool(init_start) and bool(containers_start) and all(
        init_start[0][0] < number < containers_start[0] for number, _ in admin_uses)
    bot_env = find(bicep, r"secretRef: 'database-bot-connection-string'")
    firewall = find(bicep, r"firewallRules|AllowAllAzure|AllowAzureServices|startIpAddress")
    public_access = find(bicep, r"publicNetworkAccess: 'Disabled'")
    row("13c", "Bicep: a dedicated database role, no AllowAzureServices rule",
        f"read {bicep}",
        f"bot's connection string uses databaseBotRole ({bicep}:{[number for number, _ in bot_connection]}), the container's ConnectionStrings__ArtBot is "
        f"`database-bot-connection-string` (line {[number for number, _ in bot_env]}); the administrator's string (line {[number for number, _ in admin_connection]}) "
        f"is used at line(s) {[number for number, _ in admin_uses]}, {'all inside' if admin_only_in_init else 'NOT only inside'} the `migrate` init container "
        f"(initContainers at {init_start[0][0] if init_start else '?'}, containers at {containers_start[:1]}); firewall rules / AllowAzureServices: {firewall or 'none'}; `publicNetworkAccess: 'Disabled'` at "
        f"{[number for number, _ in public_access]}",
        bool(bot_connection) and bool(bot_env) and admin_only_in_init and not firewall and bool(public_access))
    ingress = find(bicep, r"external: (true|false)|targetPort|additionalPortMappings|Metrics__Port|metricsPort = ")
    trusted = find(bicep, r"Proxies__TrustedNetworks")
    internal_metrics = any("additionalPortMappings" in line and "external: false" in line for _, line in ingress)
    row("13d", "Bicep: /metrics not on the public ingress",
        f"read {bicep}",
        "; ".join(f"{number}: `{line}`" for number, line in ingress) + f". (Also: {', '.join(f'{number}: `{line}`' for number, line in trusted)}: every peer's "
        "X-Forwarded-For is believed there, relying on the ingress appending the client's address and ForwardLimit 1)",
        internal_metrics and any("Metrics__Port" in line for _, line in ingress))


# ---------------------------------------------------------------------------------------------------------------
# 3, 7, 8, 11: Teams; covered by tests (read, not run here).

def covered_by_tests():
    tests = "tests/ArtBot.Bot.Tests/"
    covered = [
        (3, "Forget me reaching what staff hold in Teams (ticket copies in personal chats, taught questions)",
         ["Staff/StaffTicketTests.cs: Forget_me_takes_the_patients_details_off_the_card, Forget_me_also_takes_the_details_off_the_copies_staff_opened_in_their_personal_chats",
          "Staff/UnansweredReviewTests.cs: A_taught_question_is_deleted_when_the_patient_who_asked_it_says_forget_me"]),
        (7, "Keys and the database at rest (Data Protection keys encrypted, keyed hashes, file modes, WAL emptied, bot's own DB role)",
         ["Privacy/KeyProtectionTests.cs: Data_Protection_keys_are_stored_encrypted_and_only_the_same_certificate_opens_what_they_sealed, "
          "Without_a_certificate_in_the_settings_the_bot_makes_one_for_its_user_alone_and_hosts_starting_together_share_it, "
          "A_phone_number_kept_as_a_personal_term_cannot_be_found_by_hashing_every_number",
          "Storage/SchemaTests.cs: The_SQLite_file_and_the_folder_the_bot_makes_for_it_are_for_the_bots_user_alone",
          "Security/ForgetMeLeavesNothingTests.cs: A_cancelled_booking_leaves_no_trace_of_the_name_in_the_database_file_or_its_write_ahead_log",
          "Storage/BotRoleTests.cs: The_bot_connected_as_its_role_stores_requests_and_keys_but_cannot_drop_or_create_a_table"]),
        (8, "Who is staff: Staff:TeamId, group chats",
         ["Staff/StaffChannelTests.cs: Without_a_staff_team_set_nobody_can_move_where_the_tickets_go, A_requests_details_are_shown_in_a_personal_chat_but_never_in_a_group_chat",
          "Staff/StaffIdentityTests.cs: A_member_of_the_staff_team_may_use_staff_commands_in_a_personal_chat_and_someone_else_in_the_tenant_may_not"]),
        (11, "With authentication off, tickets never posted to a Teams service on another machine",
         ["Staff/StaffChannelTests.cs: Without_authentication_tickets_are_never_posted_to_a_Teams_service_on_another_machine"]),
    ]
    for number, attack, names in covered:
        missing = []
        for entry in names:
            file, methods = entry.split(": ", 1)
            text = (REPO / tests / file).read_text()
            for method in methods.split(", "):
                if not re.search(rf"\[(Fact|Theory)[^\]]*\]\s*(\[[^\]]*\]\s*)*public (async Task|void) {re.escape(method)}\(", text):
                    missing.append(method)
        happened = "; ".join(names) + (f". NOT FOUND as [Fact] methods: {missing}" if missing else "")
        row(number, attack, "not attacked here (the brief lists it with the Teams items); the tests named were read to confirm they assert it", happened, False if missing else "covered by tests: " + ", ".join(
            sorted({Path(entry.split(':')[0]).stem for entry in names})))


# ---------------------------------------------------------------------------------------------------------------

def non_loopback_address():
    try:
        output = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=10).stdout.split()
    except OSError:
        output = []
    for address in output:
        if re.match(r"^\d+\.\d+\.\d+\.\d+$", address) and not address.startswith("127."):
            try:
                with socket.socket() as probe:
                    probe.bind((address, 0))
                return address
            except OSError:
                continue
    return None


def start_postgres():
    script = REPO / "eng" / "throwaway-postgres.sh"
    if not shutil.which("psql"):
        return None, "psql is not installed"
    folder = tempfile.mkdtemp(prefix="artbot-attack-pg-")
    result = subprocess.run(["bash", str(script), "start", folder], capture_output=True, text=True, timeout=180)
    if result.returncode != 0:
        return None, result.stderr.strip()[-300:]
    PG["folder"] = folder
    admin = result.stdout.strip().splitlines()[-1]
    psql(admin, "CREATE DATABASE artbot_attack")
    return admin.replace("Database=postgres", "Database=artbot_attack"), None


def stop_everything():
    for bot in STARTED:
        try:
            bot.stop()
        except Exception:  # noqa: BLE001
            pass
    if PG.get("folder"):
        folder = PG.pop("folder")
        subprocess.run(["bash", str(REPO / "eng" / "throwaway-postgres.sh"), "stop", folder], capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def publish(force):
    if DLL.exists() and not force:
        return
    log("publishing the bot to out/ (dotnet publish -c Release)")
    subprocess.run([shutil.which("dotnet"), "publish", "bot/ArtBot.Bot", "-c", "Release", "-o", str(OUT)], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL, timeout=1200)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", action="store_true", help="publish the bot again first")
    parser.add_argument("--only", default="", help="comma-separated row numbers, e.g. 1,10")
    options = parser.parse_args()
    only = {item.strip() for item in options.only.split(",") if item.strip()}
    wanted = lambda *numbers: not only or any(str(number) in only for number in numbers)
    if not shutil.which("dotnet"):
        sys.exit("dotnet is not installed")
    publish(options.build)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        if wanted(3, 7, 8, 11):
            covered_by_tests()

        # --- Bot A (SQLite) beside bot P (PostgreSQL): both spend most of their time waiting for the counts to flush.
        def on_postgres():
            connection_string, problem = start_postgres()
            if not connection_string:
                row("1b", "Web Chat votes with an 8,000-character id and a NUL id (PostgreSQL)", "-", f"not run: {problem}", "not run")
                row("12a", "A NUL in a question, on PostgreSQL", "-", f"not run: {problem}", "not run")
                return
            bot = Bot("postgres", {"Database:Provider": "PostgreSQL", "ConnectionStrings:ArtBot": connection_string}, sqlite=False).start()
            threads = []
            if wanted(1):
                threads.append(threading.Thread(target=guarded("1b", "votes on PostgreSQL")(attack_1),
                                                args=(bot, counts_reader_postgres(connection_string), "1b", "PostgreSQL")))
            if wanted(12):
                threads.append(threading.Thread(target=guarded("12a", "NUL on PostgreSQL")(attack_12_nul), args=(bot, connection_string)))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            bot.stop()

        postgres = threading.Thread(target=guarded("1/12a", "PostgreSQL")(on_postgres)) if wanted(1, 12) else None
        if postgres:
            postgres.start()
        if wanted(1, 5, 9, 10, 12, 13):
            bot = Bot("sqlite-a", {"Staff:TenantId": STAFF_TENANT}).start()
            if wanted(13):
                guarded("13", "deployment defaults")(attack_13)(bot)
            if wanted(10):
                guarded(10, "safety screen")(attack_10)(bot)
            if wanted(12):
                guarded("12b", "U+3164 name")(attack_12_filler)(bot)
                guarded("12c", "WebSocket streams")(attack_12_streams)(bot)
            threads, nine = [], {}
            if wanted(1):
                threads.append(threading.Thread(target=guarded("1a", "votes on SQLite")(attack_1), args=(bot, counts_reader_sqlite(bot), "1a", "SQLite")))
            if wanted(9):
                threads.append(threading.Thread(target=guarded(9, "unanswered ranking")(lambda: nine.update(attack_9(bot)))))
            if wanted(5):
                threads.append(threading.Thread(target=guarded(5, "ticket flood")(attack_5), args=(bot,)))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            bot.stop()
            if nine:
                guarded(9, "unanswered ranking")(lambda: attack_9_report(nine, unanswered_command(bot)))()
        if postgres:
            postgres.join()

        # --- Bot B (votes flood) beside bot D (rate limits).
        threads = []
        if wanted(2):
            def on_b():
                bot = Bot("sqlite-b", {"Staff:TenantId": STAFF_TENANT}).start()
                guarded("2", "vote flood")(attack_2)(bot)
                bot.stop()
            threads.append(threading.Thread(target=on_b))
        if wanted(6):
            def on_d():
                address = non_loopback_address()
                bot = Bot("sqlite-d", extra_address=address).start()
                guarded("6", "rate limits")(attack_6)(bot, address)
                bot.stop()
            threads.append(threading.Thread(target=on_d))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        # --- Bot C alone: memory.
        if wanted(4):
            bot = Bot("sqlite-c").start()
            guarded(4, "memory")(attack_4)(bot)
            bot.stop()
    finally:
        stop_everything()

    print("| # | attack | what was sent | what happened | holds? |")
    print("|---|---|---|---|---|")
    for number, attack, sent, happened, holds in sorted(ROWS, key=row_key):
        print(f"| {cell(number)} | {cell(attack)} | {cell(sent)} | {cell(happened)} | {cell(holds)} |")
    failed = any("NO" in entry[4] or "the script failed" in entry[3] for entry in ROWS)
    if failed:
        print(f"\n_{len(ROWS)} rows in {time.time() - T0:.0f} s; the bots' folders (bot.log, database) are kept: {', '.join(str(bot.folder) for bot in STARTED)}._")
    else:
        print(f"\n_{len(ROWS)} rows in {time.time() - T0:.0f} s._")
        for bot in STARTED:
            shutil.rmtree(bot.folder, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
