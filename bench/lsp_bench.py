#!/usr/bin/env python3
"""`argmap lsp` speed and memory: the time from sending a `didChange` to
receiving its `publishDiagnostics` (an upper bound on the server's time: it
includes the pipe both ways and this client's JSON), over a run of real
edits (a character typed into a claim's text, then deleted), and the
server's resident memory after them.

Usage: lsp_bench.py ARGMAP MAP [EDITS]
"""

import json
import os
import statistics
import subprocess
import sys
import time

argmap, path = sys.argv[1], sys.argv[2]
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 40
proc = subprocess.Popen([argmap, "lsp", "--debounce", "0"], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE)


def send(m):
    body = json.dumps(m).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive():
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("the server ended")
        if line == b"\r\n":
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def rss_kib(field):
    with open("/proc/%d/status" % proc.pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
receive()
text = open(path, encoding="utf-8").read()
uri = "file://" + os.path.abspath(path)
lines = text.split("\n")
# The edits go into the text of the last claim line: a character typed after
# its first word, then deleted.
target = max(i for i, l in enumerate(lines) if l.strip() and not l.lstrip().startswith(("//", "#", "{", "---")))
column = len(lines[target]) - len(lines[target].lstrip()) + 3
t = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "argmap", "version": 1, "text": text}}})
opened = receive()
open_ms = (time.perf_counter() - t) * 1000
times = []
for i in range(edits):
    at = {"line": target, "character": column}
    change = ({"range": {"start": at, "end": at}, "text": "x"} if i % 2 == 0 else
              {"range": {"start": at, "end": {"line": target, "character": column + 1}}, "text": ""})
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
    m = receive()
    times.append((time.perf_counter() - t) * 1000)
    assert m["method"] == "textDocument/publishDiagnostics" and m["params"]["version"] == i + 2
rss, peak = rss_kib("VmRSS"), rss_kib("VmHWM")
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
receive()
send({"jsonrpc": "2.0", "method": "exit"})
proc.wait()
times.sort()
print("%s: %d lines, %d diagnostics; open %.1f ms; didChange -> publishDiagnostics over %d edits: "
      "median %.2f ms, 90th percentile %.2f ms, max %.2f ms; resident memory %.1f MB (peak %.1f MB)"
      % (os.path.basename(path), len(lines), len(opened["params"]["diagnostics"]), open_ms, edits,
         statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1], rss / 1024, peak / 1024))
