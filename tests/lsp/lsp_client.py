"""A small LSP client for the tests: starts `argmap lsp`, frames messages,
reads the server's with a timeout, and records failed checks."""

import json
import os
import subprocess
import sys
import threading

ARGMAP = os.path.abspath(sys.argv[1])
TIMEOUT = 20
failures = []


class Client:
    """The client side of one session with a fresh server."""

    def __init__(self, cwd, debounce=0, args=()):
        self.proc = subprocess.Popen([ARGMAP, "lsp", "--debounce", str(debounce), *args], cwd=cwd, stdin=subprocess.PIPE,
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


def open_document(c, uri, text, version=1):
    """Opens `uri` with `text`; its first diagnostics."""
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "argmap", "version": version, "text": text}})
    return c.diagnostics(uri)


def ask(c, method, params):
    """The response to request `method`."""
    return c.response(c.request(method, params))


def end(c):
    """Shuts the server down and checks that it exits with 0."""
    c.response(c.request("shutdown"))
    c.notify("exit")
    check(c.finish() == 0, "clean exit")


def at(uri, line, character, **extra):
    """TextDocumentPositionParams (and more)."""
    return dict({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
                **extra)


def run(tests):
    """Runs each test in a fresh folder; exits 1 when a check failed."""
    import tempfile
    for t in tests:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                t(tmp)
            except AssertionError as e:
                check(False, "%s: %s" % (t.__name__, e))
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)
