#!/usr/bin/env python3
"""A stand-in for api.twilio.com for the sweep benchmark (infra/bench/sweep.sh).

Answers Twilio's Messages API (POST /2010-04-01/Accounts/<sid>/Messages.json) with 201 and a message JSON, as
Twilio does, and records when each text arrived: one line per text in the arrivals file,
"<epoch milliseconds> <masked To>" (no bodies: they name children). Point the app at it with TWILIO_API_BASE_URL.

    fake_twilio.py --port 18090 --arrivals /tmp/arrivals.txt [--delay-ms 0]

GET /stats answers {"texts": n, "first_ms": ..., "last_ms": ...}; GET /health answers 200.
GET .../Messages.json?To=...&From=... lists the texts taken, newest first, as Twilio's Messages list does (the outbox
reads it after a cut handover).
"""
import argparse
import json
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from email.utils import format_datetime
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
STATS = {"texts": 0, "first_ms": None, "last_ms": None}
TAKEN = []  # (sid, to, from, body, created) of every text taken


def mask(number):
    return number[:3] + "*" * max(0, len(number) - 6) + number[-3:] if number else "-"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's pooled connections expect
    arrivals = None
    delay = 0.0
    account_sid = "AC00000000000000000000000000000000"

    def setup(self):
        super().setup()
        # headers and body go out in separate writes: with Nagle on, the body would wait for the client's delayed
        # ACK (~40 ms a text on Linux loopback) and the benchmark would time this server
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # quiet: one line per text goes to the arrivals file instead
        pass

    def _answer(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path.endswith("/Messages.json"):
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            size = int(query.get("PageSize", "50"))
            with LOCK:
                found = [t for t in reversed(TAKEN) if query.get("To", t[1]) == t[1] and query.get("From", t[2]) == t[2]]
            messages = [{"sid": sid, "account_sid": self.account_sid, "to": to, "from": sender, "body": body,
                         "status": "queued", "direction": "outbound-api",
                         "date_created": format_datetime(created).replace("-0000", "+0000")}
                        for sid, to, sender, body, created in found[:size]]
            self._answer(200, {"messages": messages, "uri": url.path, "first_page_uri": url.path, "next_page_uri": None,
                               "previous_page_uri": None, "page": 0, "page_size": size, "start": 0,
                               "end": max(0, len(messages) - 1)})
        elif self.path.startswith("/stats"):
            with LOCK:
                self._answer(200, dict(STATS))
        else:
            self._answer(200, {"status": "ok"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        if not self.path.endswith("/Messages.json"):
            self._answer(404, {"code": 20404, "message": "Not found", "status": 404})
            return
        arrived = int(time.time() * 1000)
        to = form.get("To", [""])[0]
        sid = "SM" + uuid.uuid4().hex
        with LOCK:
            TAKEN.append((sid, to, form.get("From", [""])[0], form.get("Body", [""])[0], datetime.now(timezone.utc)))
            STATS["texts"] += 1
            STATS["first_ms"] = STATS["first_ms"] or arrived
            STATS["last_ms"] = arrived
            self.arrivals.write(f"{arrived} {mask(to)}\n")
            self.arrivals.flush()
        if self.delay:
            time.sleep(self.delay)
        self._answer(201, {"sid": sid, "account_sid": self.account_sid, "to": to,
                           "status": "queued"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--arrivals", required=True)
    parser.add_argument("--delay-ms", type=float, default=0.0)
    args = parser.parse_args()
    Handler.arrivals = open(args.arrivals, "a", buffering=1)
    Handler.delay = args.delay_ms / 1000.0
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
