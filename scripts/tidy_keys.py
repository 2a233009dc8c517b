#!/usr/bin/env python3
"""Prints "KEY PATH" for each of argmap's own sources that scripts/tidy.sh checks.

KEY is a SHA-256 of everything clang-tidy's verdict on the file depends on:
the file and every header of the source tree it includes (transitively), its
compile command (with the clone's own paths taken out), .clang-tidy, the
clang-tidy version, and the versions of the Debian packages whose headers
argmap includes. A file whose KEY is in .ci/tidy-clean was found clean by an
earlier run on exactly these inputs, so tidy.sh need not check it again.

Usage: tidy_keys.py BUILD_DIR FILE_REGEX
"""

import hashlib
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BUILD = os.path.abspath(sys.argv[1])
FILTER = re.compile(sys.argv[2])
PACKAGES = ["clang-tidy-14", "libclang-common-14-dev", "libstdc++-12-dev", "libboost1.81-dev",
            "libfmt-dev", "nlohmann-json3-dev", "libcli11-dev", "libgraphviz-dev", "doctest-dev"]
INCLUDE = re.compile(rb'^\s*#\s*include\s+"([^"]+)"', re.M)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def environment():
    h = hashlib.sha256()
    h.update(read(os.path.join(ROOT, ".clang-tidy")))
    h.update(subprocess.run(["clang-tidy-14", "--version"], capture_output=True).stdout)
    versions = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\n"] + PACKAGES,
                              capture_output=True).stdout
    h.update(versions)
    return h.digest()


def closure(path, seen):
    """The file and every source-tree header it includes, transitively."""
    if path in seen:
        return
    seen.add(path)
    for inc in INCLUDE.findall(read(path)):
        name = inc.decode()
        for base in (ROOT, os.path.dirname(path)):
            candidate = os.path.normpath(os.path.join(base, name))
            if candidate.startswith(ROOT + os.sep) and os.path.isfile(candidate):
                closure(candidate, seen)
                break


def main():
    env = environment()
    entries = json.load(open(os.path.join(BUILD, "compile_commands.json")))
    for e in sorted(entries, key=lambda e: e["file"]):
        path = os.path.abspath(e["file"])
        if not FILTER.search(path):
            continue
        h = hashlib.sha256(env)
        command = e["command"].replace(BUILD, "@BUILD@").replace(ROOT, "@ROOT@")
        h.update(command.encode())
        files = set()
        closure(path, files)
        for f in sorted(files):
            h.update(os.path.relpath(f, ROOT).encode() + b"\0" + read(f) + b"\0")
        print(h.hexdigest(), os.path.relpath(path, ROOT))


main()
