#!/usr/bin/env python3
"""argmap's GitHub Action, run locally (issue 19): each `run:` step of
action.yml, as GitHub would run it, in a temporary repository with a base
and a head commit, the GITHUB_* variables set and a stand-in for GitHub's
API on 127.0.0.1 receiving the pull-request comment.

    action_test.py ARGMAP SOURCE_DIR
"""
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

ARGMAP, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def check(condition, message):
    print(("ok " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def write(root, name, text):
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# The `run:` lines of the composite action's steps, with their env.
action = open(os.path.join(SOURCE, "action.yml"), encoding="utf-8").read()
steps = {}
for block in re.split(r"\n    - name: ", action)[1:]:
    name = block.split("\n", 1)[0]
    run = re.search(r"\n      run: (.*)", block)
    env = dict(re.findall(r"\n        ([A-Z_]+): (.*)", block.split("      run:")[0]))
    if run:
        steps[name] = (run.group(1), env)
check(len(steps) == 4, f"action.yml has its four run steps ({list(steps)})")

received = []


class Api(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        received.append((self.path, self.headers.get("Authorization"), json.loads(body)))
        self.send_response(201)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


tmp = tempfile.mkdtemp(prefix="argmap-action-")
server = http.server.HTTPServer(("127.0.0.1", 0), Api)
threading.Thread(target=server.serve_forever, daemon=True).start()
try:
    repo = os.path.join(tmp, "repo")
    beijing = open(os.path.join(SOURCE, "examples", "beijing-hostage-diplomacy.arg"), encoding="utf-8").read()
    write(repo, "maps/beijing.arg", beijing)
    write(repo, "maps/bridge.arg", "[t] Build the bridge.\n  + [cheap] It is cheap.\n")
    write(repo, "maps/gone.arg", "[g] A map the pull request deletes.\n")
    git = lambda *a: subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *a], cwd=repo,
                                    capture_output=True, text=True, check=True).stdout.strip()
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    base = git("rev-parse", "HEAD")
    # The pull request: an objection removed and a rebuttal added, a new map, a deleted map.
    edited = beijing.replace("  - [caved] The Biden administration broke under Beijing's pressure and handed "
                             "China a victory that rewards intimidation.\n    - @blinked\n", "")
    edited = edited.replace("    - [ah_q]", "    - [no_credit] Official media have little credibility "
                                           "outside China.\n    - [ah_q]", 1)
    write(repo, "maps/beijing.arg", edited)
    write(repo, "maps/new.arg", "[n] A new map.\n  + [m] Its reason.\n")
    os.remove(os.path.join(repo, "maps/gone.arg"))
    git("add", "-A")
    git("commit", "-qm", "head")
    head = git("rev-parse", "HEAD")

    work = os.path.join(tmp, "github")
    os.makedirs(work)
    event = os.path.join(work, "event.json")
    json.dump({"pull_request": {"number": 42, "base": {"sha": base}}}, open(event, "w"))
    summary, path_file = os.path.join(work, "summary.md"), os.path.join(work, "path")
    env = dict(os.environ, CI="true", GITHUB_ACTIONS="true", GITHUB_EVENT_NAME="pull_request",
               GITHUB_EVENT_PATH=event, GITHUB_REPOSITORY="owner/maps", GITHUB_SHA=head,
               GITHUB_SERVER_URL="https://github.com", GITHUB_API_URL=f"http://127.0.0.1:{server.server_port}",
               GITHUB_STEP_SUMMARY=summary, GITHUB_PATH=path_file, GITHUB_ACTION_PATH=SOURCE,
               GITHUB_TOKEN="test-token", ARGMAP_BIN=ARGMAP)
    inputs = {"inputs.folders": "maps", "inputs.output": "diagrams", "inputs.formats": "svg,html",
              "inputs.eval": "grounded", "inputs.comment": "true", "inputs.github-token": "test-token",
              "github.event.pull_request.base.sha": base}

    def step(name):
        run, step_env = steps[name]
        e = dict(env)
        for k, v in step_env.items():
            e[k] = re.sub(r"\$\{\{ (.*?) \}\}", lambda m: inputs[m.group(1)], v)
        return subprocess.run(["bash", "-c", run], cwd=repo, env=e, capture_output=True, text=True)

    output = os.path.join(work, "output")
    env["GITHUB_OUTPUT"] = output
    p = step("Name argmap's package by its sources")
    key = open(output).read().strip() if os.path.exists(output) else ""
    check(p.returncode == 0 and re.fullmatch(r"key=[0-9a-f]{24}", key) is not None, f"key: the package's cache key ({key})")
    again = step("Name argmap's package by its sources")
    check(open(output).read().strip().split("\n") == [key, key], "key: the same sources give the same key")
    p = step("Install argmap")
    check(p.returncode == 0 and "argmap" in p.stdout, f"install: argmap runs ({p.stderr.strip()[-200:]})")
    check(open(path_file).read().strip() == os.path.dirname(ARGMAP), "install: argmap's folder on GITHUB_PATH")
    p = step("Check and draw the maps")
    check(p.returncode == 0, f"build: exit 0 ({p.stdout.strip()[-300:]} {p.stderr.strip()[-300:]})")
    check(os.path.exists(os.path.join(repo, "diagrams/beijing.svg")) and
          os.path.exists(os.path.join(repo, "diagrams/index.html")), "build: drawings and the index page written")
    p = step("Summarise what the pull request changes in each argument")
    check(p.returncode == 0, f"diff: exit 0 ({p.stderr.strip()[-300:]})")
    text = open(summary, encoding="utf-8").read() if os.path.exists(summary) else ""
    print(text)
    check("3 changed" in text, "summary: three maps changed")
    check("1 claim added, 1 claim removed" in text and "\\[caved\\]" in text and "no\\_credit" in text,
          "summary: the Beijing edit, the removed objection and the added rebuttal")
    check(f"https://github.com/owner/maps/blob/{head}/maps/beijing.arg#L" in text, "summary: line links to the head")
    check("new.arg (new map)" in text and "gone.arg**: removed" in text, "summary: the new and the deleted map")
    check("bridge.arg" not in text, "summary: the unchanged map is not listed")
    check(len(received) == 1 and received[0][0] == "/repos/owner/maps/issues/42/comments" and
          received[0][1] == "Bearer test-token" and received[0][2]["body"] == text,
          f"comment: posted once to the pull request with the token, the summary as its body ({[r[0] for r in received]})")
    # No change: the summary says so and no comment is posted.
    received.clear()
    json.dump({"pull_request": {"number": 42, "base": {"sha": head}}}, open(event, "w"))
    inputs["github.event.pull_request.base.sha"] = head
    os.remove(summary)
    p = step("Summarise what the pull request changes in each argument")
    text = open(summary, encoding="utf-8").read()
    check(p.returncode == 0 and "No argument changed" in text and not received,
          "a pull request that changes no argument: said so, no comment")
finally:
    server.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)

print("action:", "FAILED" if failures else "passed", f"({len(failures)} failures)")
sys.exit(1 if failures else 0)
