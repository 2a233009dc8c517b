#!/usr/bin/env python3
"""The maps the documentation shows are canonical: every fenced block of
README.md and docs/*.md that is a map (untagged or tagged `arg`) and checks
without errors is exactly what `argmap fmt` writes. Blocks that are not maps
are left out: command synopses (a line starting with `argmap `),
diagnostics (`file:1:2: error:`), and annotated examples (`<-` marks a
line with the message argmap gives for it).

Usage: examples_test.py ARGMAP REPO
"""

import glob
import os
import re
import subprocess
import sys

argmap, repo = sys.argv[1], sys.argv[2]
checked, failures = 0, []
for path in ["README.md"] + sorted(glob.glob(os.path.join(repo, "docs", "*.md"))):
    full = os.path.join(repo, path) if not os.path.isabs(path) else path
    text = open(full, encoding="utf-8").read()
    for m in re.finditer(r"^```([a-z]*)\n(.*?)^```", text, re.S | re.M):
        lang, body = m.group(1), m.group(2)
        if lang not in ("", "arg"):
            continue
        if (re.search(r"^\s*argmap ", body, re.M) or re.search(r"^\S+:\d+:\d+: (error|warning)", body, re.M)
                or "<-" in body):
            continue
        if subprocess.run([argmap, "check", "-"], input=body.encode(), capture_output=True).returncode != 0:
            continue
        checked += 1
        formatted = subprocess.run([argmap, "fmt", "-"], input=body.encode(), capture_output=True).stdout
        if formatted != body.encode():
            line = text[:m.start()].count("\n") + 1
            failures.append(f"{os.path.relpath(full, repo)}:{line}: not as `argmap fmt` writes it:\n"
                            + formatted.decode())
for f in failures:
    print("FAIL:", f)
print(f"docs: {checked} map examples, {len(failures)} not canonical")
sys.exit(1 if failures or checked < 10 else 0)
