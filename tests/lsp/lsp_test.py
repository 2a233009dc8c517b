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

from lsp_client import ARGMAP, Client, check, end, open_document, run


def test_life_cycle(tmp):
    # --stdio, which vscode-languageclient and others pass, is accepted.
    c = Client(tmp, args=["--stdio"])
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
    end(c)


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


def test_a_changed_include_rechecks_its_includers(tmp):
    part = "file://" + os.path.join(tmp, "_part.arg")
    main = "file://" + os.path.join(tmp, "main.arg")
    c = Client(tmp)
    c.initialize()
    open_document(c, part, "[q] Q.\n")
    check(open_document(c, main, 'include "_part.arg"\n[m] M.\n  + @q\n') == [],
          "the includer starts clean")
    c.notify("textDocument/didChange", {"textDocument": {"uri": part, "version": 2},
                                        "contentChanges": [{"text": "[r] R.\n"}]})
    ds = c.diagnostics(main)
    check(len(ds) == 1 and ds[0]["code"] == "undefined-reference",
          "renaming [q] in the open include breaks @q in its includer: %r" % ds)
    c.notify("textDocument/didClose", {"textDocument": {"uri": part}})
    # Closed, the include is read from the disk again, where there is no file.
    ds = c.diagnostics(main)
    check(len(ds) == 1 and ds[0]["code"] == "include-not-found",
          "closing the include re-checks the includer against the disk: %r" % ds)
    c.notify("exit")
    c.finish()


def test_debounced_never_stale(tmp):
    uri = "file://" + os.path.join(tmp, "typing.arg")
    c = Client(tmp, debounce=200)
    c.initialize()
    open_document(c, uri, "[a] A.\n")
    # A burst of keystrokes, each a new version; the last one leaves an error.
    text = "[a] A.\n"
    for v, ch in enumerate("  + @zz\n", start=2):
        text += ch
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                            "contentChanges": [{"text": text}]})
    last = 1 + len("  + @zz\n")
    published = []
    while True:
        m = c.receive()
        if m.get("method") == "textDocument/publishDiagnostics":
            published.append(m["params"])
            if m["params"]["version"] == last:
                break
    check(len(published) < 4, "a burst is checked a few times, not per keystroke: %d" % len(published))
    final = published[-1]["diagnostics"]
    check(len(final) == 1 and "'@zz'" in final[0]["message"],
          "the published result is the newest text's: %r" % final)
    check(all(p["version"] <= last for p in published), "versions go with the text checked")
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


run([test_life_cycle, test_diagnostics_follow_the_text, test_open_buffers_win_over_disk,
     test_a_changed_include_rechecks_its_includers, test_debounced_never_stale, test_hostile_input])
