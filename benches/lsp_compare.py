#!/usr/bin/env python3
"""Drives a language server over stdio and measures what an editor user feels (benches/compare.sh).

The same client, the same documents and the same edits for every server:

- start-up: from spawning the process to the answer to `initialize`;
- change -> diagnostics: from writing a `textDocument/didChange` (one digit of
  `response_deadline`, toggled, so the findings change every time) to reading the
  `textDocument/publishDiagnostics` for that document that follows it, on the reference example
  and on a generated ~1 MB response;
- memory: the server's resident set (VmRSS; VmHWM for the peak) after opening 100 documents and
  receiving their diagnostics.

Usage: lsp_compare.py --name NAME --schema SCHEMA.json --example FILE --large FILE [--rounds N]
       -- COMMAND [ARGS...]
Prints one JSON object with the figures (milliseconds, KiB).
"""

import argparse
import json
import os
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path


class Server:
    def __init__(self, command, settings, env):
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.buffer = b""
        self.next_id = 0
        self.settings = settings

    # ---- framing -------------------------------------------------------------------------
    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def _read_message(self, deadline):
        fd = self.proc.stdout.fileno()
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                length = 0
                for line in self.buffer[:header_end].split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start : start + length]
                    self.buffer = self.buffer[start + length :]
                    return json.loads(body)
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("no message from the server in time")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    raise EOFError("the server closed its output")
                self.buffer += chunk

    def receive(self, want, timeout=60.0):
        """Reads messages until `want(message)` is true, answering the server's requests."""
        deadline = time.perf_counter() + timeout
        while True:
            message = self._read_message(deadline)
            if "method" in message and "id" in message:
                self._answer(message)
                continue
            if want(message):
                return message

    def _answer(self, message):
        method = message["method"]
        if method == "workspace/configuration":
            items = message["params"].get("items", [])
            result = [self.settings.get(item.get("section"), None) for item in items]
        else:
            result = None
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def memory_kib(self):
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        kib = lambda name: int(fields[name].split()[0])
        return kib("VmRSS"), kib("VmHWM")

    def stop(self):
        try:
            shutdown = self.request("shutdown", None)
            self.receive(lambda m: m.get("id") == shutdown, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def diagnostics_for(uri, version=None):
    """A publishDiagnostics for `uri` (for `version` or later, when the server says which)."""

    def want(m):
        if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
            return False
        published = m["params"].get("version")
        return version is None or published is None or published >= version

    return want


def position_of(text, needle, offset):
    """(line, UTF-16 character) of `offset` characters into the first `needle` (ASCII lines)."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return line, column


def measure_changes(server, uri, text, rounds):
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )
    server.receive(diagnostics_for(uri), timeout=120)
    # The last digit of the deadline's day, toggled: the deadline findings change every time.
    line, column = position_of(text, "response_deadline: ", len("response_deadline: YYYY-MM-D"))
    original = text.splitlines()[line][column]
    digits = ["1" if original != "1" else "2", original]
    samples = []
    for i in range(rounds):
        change = {
            "range": {
                "start": {"line": line, "character": column},
                "end": {"line": line, "character": column + 1},
            },
            "text": digits[i % 2],
        }
        sent = time.perf_counter()
        server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]},
        )
        server.receive(diagnostics_for(uri, i + 2), timeout=120)
        samples.append((time.perf_counter() - sent) * 1000)
    return samples


def summary(samples):
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 3),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 3),
        "min_ms": round(ordered[0], 3),
        "rounds": len(ordered),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--large", required=True)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--large-rounds", type=int, default=10)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    schema_uri = Path(args.schema).resolve().as_uri()
    # yaml-language-server reads these (schema by file pattern, no schema store: no network);
    # section55 ignores them.
    settings = {
        "yaml": {
            "validate": True,
            "hover": True,
            "completion": True,
            "schemaStore": {"enable": False},
            "schemas": {schema_uri: ["*.s55.yaml"]},
        },
        "section55": {},
    }
    env = dict(os.environ, SECTION55_TODAY="2026-01-15")
    example_path = Path(args.example).resolve()
    example = example_path.read_text()
    large_path = Path(args.large).resolve()
    large = large_path.read_text()
    results = {"server": args.name}

    server = Server(command, settings, env)
    init = server.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": example_path.parent.parent.as_uri(),
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}},
                "textDocument": {
                    "synchronization": {"dynamicRegistration": False, "didSave": True},
                    "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                },
            },
        },
    )
    server.receive(lambda m: m.get("id") == init)
    results["startup_ms"] = round((time.perf_counter() - server.started) * 1000, 3)
    server.notify("initialized", {})
    server.notify("workspace/didChangeConfiguration", {"settings": settings})
    time.sleep(0.5)  # let a server that pulls its configuration have it before the first document

    results["example"] = summary(measure_changes(server, example_path.as_uri(), example, args.rounds))
    results["large"] = summary(measure_changes(server, large_path.as_uri(), large, args.large_rounds))
    results["large_bytes"] = len(large.encode())

    # The schema is in force: an unknown key is reported.
    probe = (example_path.parent / "probe-unknown-key.s55.yaml").as_uri()
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": probe, "languageId": "yaml", "version": 1,
                          "text": example + "x_unknown_key: 1\n"}},
    )
    published = server.receive(diagnostics_for(probe), timeout=120)
    messages = [d.get("message", "") for d in published["params"]["diagnostics"]]
    results["schema_probe"] = any("x_unknown_key" in m for m in messages)

    # 100 documents: copies of the example under other names, each open with its diagnostics.
    base = example_path.parent
    for i in range(args.documents):
        uri = (base / f"copy-{i:03}.s55.yaml").as_uri()
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": example}},
        )
        server.receive(diagnostics_for(uri), timeout=120)
    rss, peak = server.memory_kib()
    results["documents"] = args.documents + 3
    results["rss_kib"] = rss
    results["peak_rss_kib"] = peak
    server.stop()
    json.dump(results, sys.stdout)
    print()


if __name__ == "__main__":
    main()
