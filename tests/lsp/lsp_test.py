#!/usr/bin/env python3
"""`argmap lsp` driven over stdio by a small client, as an editor drives it:
the life cycle, text sync (whole and incremental), diagnostics as `argmap
check` gives them, open buffers winning over the disk for includes, and
hostile input (malformed JSON and framing, unknown methods, requests out of
turn) that must never crash or hang the server.

Usage: lsp_test.py ARGMAP
"""

import json
import os
import subprocess
import sys
import tempfile
import threading

ARGMAP = os.path.abspath(sys.argv[1])
TIMEOUT = 20
failures = []


class Client:
    """The client side of one session with a fresh server."""

    def __init__(self, cwd):
        self.proc = subprocess.Popen([ARGMAP, "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.next_id = 1

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params or {}})
        return i

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def receive(self):
        """The next message from the server (None at the end of its output)."""
        result = {}

        def read():
            length = None
            while True:
                line = self.proc.stdout.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            result["message"] = json.loads(self.proc.stdout.read(length))

        t = threading.Thread(target=read, daemon=True)
        t.start()
        t.join(TIMEOUT)
        if t.is_alive():
            raise AssertionError("no message from the server within %d s" % TIMEOUT)
        return result.get("message")

    def response(self, request_id):
        """Reads messages until the response to `request_id`."""
        while True:
            m = self.receive()
            if m is None or m.get("id") == request_id and "method" not in m:
                return m

    def diagnostics(self, uri):
        while True:
            m = self.receive()
            if m is None:
                return None
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]["diagnostics"]

    def initialize(self):
        r = self.response(self.request("initialize", {"processId": None, "capabilities": {}}))
        self.notify("initialized")
        return r

    def finish(self):
        """Waits for the server to end; its exit code."""
        try:
            return self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the server did not end")


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def test_life_cycle(tmp):
    c = Client(tmp)
    r = c.initialize()
    caps = r["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] == 2, "incremental sync is offered")
    check(r["result"]["serverInfo"]["name"] == "argmap", "the server names itself")
    check(c.response(c.request("shutdown"))["result"] is None, "shutdown answers null")
    after = c.response(c.request("textDocument/hover", {}))
    check(after["error"]["code"] == -32600, "a request after shutdown is refused")
    c.notify("exit")
    check(c.finish() == 0, "exit after shutdown is exit code 0")


def test_diagnostics_follow_the_text(tmp):
    path = os.path.join(tmp, "map.arg")
    uri = "file://" + path
    c = Client(tmp)
    c.initialize()
    text = "[t] Tea is good.\n  + @warmth\n[w] It is warm. ü😀\n"
    c.notify("textDocument/didOpen",
             {"textDocument": {"uri": uri, "languageId": "argmap", "version": 1, "text": text}})
    ds = c.diagnostics(uri)
    check(len(ds) == 1, "one diagnostic for an undefined reference: %r" % ds)
    d = ds[0]
    check(d["code"] == "undefined-reference" and d["severity"] == 1 and d["source"] == "argmap",
          "its code, severity and source: %r" % d)
    check(d["range"] == {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 11}},
          "its range: %r" % d["range"])
    # The same as `argmap check` says for the file on disk.
    with open(path, "w") as f:
        f.write(text)
    out = subprocess.run([ARGMAP, "check", "--format", "json", path], capture_output=True, text=True)
    cli = json.loads(out.stdout)["diagnostics"]
    check([x["code"] for x in cli] == [x["code"] for x in ds], "the same codes as argmap check")
    # Incremental: '@warmth' -> '@w' fixes it.
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 1, "character": 6},
                                      "end": {"line": 1, "character": 11}}, "text": ""}]})
    check(c.diagnostics(uri) == [], "fixed by an incremental change: no diagnostics")
    # After an emoji (two UTF-16 units), columns count UTF-16 units.
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {"start": {"line": 2, "character": 19},
                                      "end": {"line": 2, "character": 19}}, "text": " {mood: x}"}]})
    ds = c.diagnostics(uri)
    check(len(ds) == 1 and ds[0]["code"] == "unknown-attribute", "a warning after the emoji: %r" % ds)
    if ds:
        check(ds[0]["severity"] == 2, "a warning is severity 2")
        # 'mood' is code point 20 (0-based) of its line; after the emoji's
        # surrogate pair it is UTF-16 unit 21.
        check(ds[0]["range"]["start"] == {"line": 2, "character": 21},
              "columns in UTF-16 units: %r" % ds[0]["range"])
    # A whole-text change, then close: diagnostics cleared.
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                        "contentChanges": [{"text": "[a] A.\n[a] Again.\n"}]})
    ds = c.diagnostics(uri)
    check(len(ds) == 1 and ds[0]["code"] == "duplicate-id", "a whole-text change is checked")
    if ds:
        rel = ds[0].get("relatedInformation", [])
        check(len(rel) == 1 and rel[0]["location"]["range"]["start"]["line"] == 0,
              "the first definition is related information: %r" % rel)
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    check(c.diagnostics(uri) == [], "closing clears the diagnostics")
    c.response(c.request("shutdown"))
    c.notify("exit")
    check(c.finish() == 0, "clean exit")


def test_open_buffers_win_over_disk(tmp):
    with open(os.path.join(tmp, "_part.arg"), "w") as f:
        f.write("[p] On disk.\n")
    main = "file://" + os.path.join(tmp, "main.arg")
    part = "file://" + os.path.join(tmp, "_part.arg")
    c = Client(tmp)
    c.initialize()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": part, "languageId": "argmap", "version": 1, "text": "[q] In the editor.\n"}})
    c.diagnostics(part)
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": main, "languageId": "argmap", "version": 1,
        "text": "include \"_part.arg\"\n[m] Main.\n  + @q\n"}})
    check(c.diagnostics(main) == [], "an include reads the open buffer, not the disk")
    c.notify("exit")
    check(c.finish() == 1, "exit without shutdown is exit code 1")


def test_navigation(tmp):
    with open(os.path.join(tmp, "_defs.arg"), "w") as f:
        f.write("[q] Defined in an include.\n")
    uri = "file://" + os.path.join(tmp, "nav.arg")
    text = ('include "_defs.arg"\n[t] Tea. ü\n  + [w] Warm.\n[x] X.\n  - @w\n  + @q\n'
            "[y] Y.\n  ! @w\n")
    c = Client(tmp)
    r = c.initialize()
    caps = r["result"]["capabilities"]
    check(caps.get("definitionProvider") and caps.get("referencesProvider")
          and caps.get("documentHighlightProvider"), "navigation is announced")
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "argmap", "version": 1, "text": text}})
    c.diagnostics(uri)
    at = lambda line, ch: {"textDocument": {"uri": uri}, "position": {"line": line, "character": ch}}
    w_def = {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 7}}
    d = c.response(c.request("textDocument/definition", at(4, 5)))["result"]
    check(d == {"uri": uri, "range": w_def}, "@w goes to [w]: %r" % d)
    d = c.response(c.request("textDocument/definition", at(5, 6)))["result"]
    check(d is not None and d["uri"].endswith("/_defs.arg") and d["range"]["start"]["line"] == 0,
          "@q goes to the included file: %r" % d)
    refs = c.response(c.request("textDocument/references",
                                dict(at(2, 5), context={"includeDeclaration": True})))["result"]
    check([x["range"]["start"]["line"] for x in refs] == [2, 4, 7],
          "[w]'s references, the declaration first: %r" % refs)
    refs = c.response(c.request("textDocument/references",
                                dict(at(2, 5), context={"includeDeclaration": False})))["result"]
    check(len(refs) == 2, "without the declaration: %r" % refs)
    hl = c.response(c.request("textDocument/documentHighlight", at(7, 4)))["result"]
    check([(h["range"]["start"]["line"], h["kind"]) for h in hl] == [(2, 3), (4, 2), (7, 2)],
          "highlights: the definition as a write, references as reads: %r" % hl)
    none = c.response(c.request("textDocument/definition", at(1, 8)))["result"]
    check(none is None, "no id under the cursor: null")
    c.response(c.request("shutdown"))
    c.notify("exit")
    check(c.finish() == 0, "clean exit")


def test_folding(tmp):
    uri = "file://" + os.path.join(tmp, "fold.arg")
    text = ("---\ntitle: T\n---\n"            # 0-2 front matter
            "# One\n"                          # 3
            "[a] A.\n  + B.\n    - C.\n"      # 4-6 a claim with lines under it
            "/* a\n   block */\n"              # 7-8 a block comment
            "\n"                               # 9
            "## One.one\n[d] D.\n\n"          # 10-12
            "# Two\n[e] E.\n")                # 13-14
    c = Client(tmp)
    caps = c.initialize()["result"]["capabilities"]
    check(caps.get("foldingRangeProvider"), "folding is announced")
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "argmap", "version": 1, "text": text}})
    c.diagnostics(uri)
    folds = c.response(c.request("textDocument/foldingRange", {"textDocument": {"uri": uri}}))
    got = [(f["startLine"], f["endLine"], f["kind"]) for f in folds["result"]]
    want = [(0, 2, "region"), (3, 11, "region"), (4, 6, "region"), (5, 6, "region"),
            (7, 8, "comment"), (10, 11, "region"), (13, 14, "region")]
    check(got == want, "folding ranges: %r" % got)
    c.notify("exit")
    c.finish()


def test_hostile_input(tmp):
    c = Client(tmp)
    early = c.request("textDocument/hover", {})
    check(c.response(early)["error"]["code"] == -32002, "a request before initialize is refused")
    c.initialize()
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    m = c.receive()
    check(m["error"]["code"] == -32700 and m["id"] is None, "malformed JSON: a parse error")
    check(c.response(c.request("no/such/method"))["error"]["code"] == -32601, "unknown method")
    c.send({"jsonrpc": "2.0", "id": 99, "method": "textDocument/didOpen", "params": {"x": 1}})
    check(c.response(99)["error"]["code"] == -32602, "malformed params are refused, not a crash")
    c.send({"jsonrpc": "2.0", "id": 100})
    check(c.response(100)["error"]["code"] == -32600, "a request without a method")
    c.send_raw(b"Content-Length: nine\r\n\r\n{}")
    check(c.finish() == 1, "malformed framing ends the session with exit code 1")
    check(b"Content-Length must be a number" in c.proc.stderr.read(), "and says why")
    c = Client(tmp)
    c.send_raw(b"Content-Length: 999999999999\r\n\r\n")
    check(c.finish() == 1, "a message over the size limit ends the session")
    c = Client(tmp)
    c.send_raw(b"Content-Length: 10\r\n\r\n{}")
    c.proc.stdin.close()
    check(c.finish() == 1, "input ending inside a message: exit code 1, no hang")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for t in (test_life_cycle, test_diagnostics_follow_the_text, test_open_buffers_win_over_disk,
                  test_navigation, test_folding, test_hostile_input):
            try:
                t(tmp)
            except AssertionError as e:
                check(False, "%s: %s" % (t.__name__, e))
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)


main()
