#!/usr/bin/env python3
"""Hostile sizes and shapes, end to end through the CLI.

Each case runs argmap on a generated input and asserts the exit code, the
diagnostic a user sees, that the command ended within its time limit (no hang)
and that its peak memory stayed within a bound that does not grow with the
hostile dimension (no unbounded memory). Peak memory is the child's own
ru_maxrss, read with os.wait4.

Usage: sizes_test.py ARGMAP [--sanitized]   (--sanitized: ASan's shadow memory
and quarantine make every process larger; the memory bounds are multiplied.
The cases that only measure a time or search bound run at a fifth of their
size, or not at all, under the sanitizers: the code they run is the same at
any size, and the normal build measures the bound.)
"""

import os
import subprocess
import sys
import tempfile
import time

ARGMAP = sys.argv[1]
SANITIZED = "--sanitized" in sys.argv[2:]
MEMORY_FACTOR = 4 if SANITIZED else 1
TIME_FACTOR = 6 if SANITIZED else 1
# The deep reference chain walked end to end (no recursion may follow it).
CHAIN = 200000 if SANITIZED else 1000000
failures = []


# Runs a command and prints its exit status and peak RSS (KB). It runs in a
# fresh, small interpreter: a child forked from this script would inherit its
# memory high-water mark (the generated inputs), not start from zero.
SPAWNER = """
import os, sys
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, file=sys.stderr)
"""


def run(args, timeout):
    """Runs argmap ARGS; returns (exit code, output text, seconds, peak RSS in MB)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as report:
        try:
            subprocess.run([sys.executable, "-c", SPAWNER, ARGMAP] + args, stdin=subprocess.DEVNULL,
                           stdout=out, stderr=report, timeout=timeout * TIME_FACTOR, check=False)
        except subprocess.TimeoutExpired:
            return None, f"timed out after {timeout * TIME_FACTOR} s", timeout, 0
        seconds = time.monotonic() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        report.seek(0)
        lines = report.read().decode().split("\n")
    # argmap's own stderr came first; the spawner's report is the last line.
    code, rss = lines[-2].split()
    text += "\n".join(lines[:-2])
    return int(code), text, seconds, int(rss) / 1024


def case(name, args, code, message, timeout, memory_mb):
    """Runs one case and records a failure when any expectation is not met."""
    got, text, seconds, rss = run(args, timeout)
    problems = []
    if got != code:
        problems.append(f"exit {got}, expected {code}")
    if message not in text:
        problems.append(f"no {message!r} in the output")
    if got is not None and got < 0:
        problems.append(f"killed by signal {-got}")
    if rss > memory_mb * MEMORY_FACTOR:
        problems.append(f"peak memory {rss:.0f} MB > {memory_mb * MEMORY_FACTOR} MB")
    print(f"{name}: exit {got}, {seconds:.2f} s, {rss:.0f} MB")
    if problems:
        failures.append(f"{name}: {'; '.join(problems)}\n--- output (first 1,500 characters):\n{text[:1500]}")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def main():
    work = tempfile.mkdtemp(prefix="argmap-sizes-")
    os.mkdir(os.path.join(work, ".git"))  # the include root
    p = lambda name: os.path.join(work, name)

    # Nesting. Indentation costs one space per level, so 1,000,000 levels
    # written as an outline would be a 500 GB file; the deepest outline a test
    # can write is 10,000 levels (50 MB). Every line below level 256 is an
    # error, the report stops after 100 errors, and no recursion follows depth.
    lines = ["Top."] + [" " * k + "+ Level %d." % k for k in range(1, 10001)]
    write(p("deep.arg"), ("\n".join(lines) + "\n").encode())
    case("10,000-level outline", ["check", p("deep.arg")], 1,
         "nesting too deep: argmap accepts at most 256 levels", 60, 400)
    # CHAIN levels (1,000,000; 200,000 under the sanitizers, still far past
    # any stack a recursion could use) as a chain of references (claim k rests on claim k-1):
    # its CHAIN + 1 claims are over the default --max-nodes, refused early...
    chain = ["[c0] Base."] + ["[c%d] Claim %d.\n  + @c%d" % (k, k, k - 1) for k in range(1, CHAIN + 1)]
    write(p("chain.arg"), ("\n".join(chain) + "\n").encode())
    case("%d-deep chain" % CHAIN, ["check", p("chain.arg")], 1,
         "too many claims: argmap reads at most 100000 claims", 30, 300)
    # ...and with the limit raised, every pass walks it without recursion.
    for args in (["check"], ["eval"], ["export", "--to", "argdown"]):
        case("%d-deep chain, %s" % (CHAIN, " ".join(args)),
             args + [p("chain.arg"), "--max-nodes", str(2 * CHAIN + 1)],
             0, "", 120, 4000)
    # A JSON document nested 1,000,000 deep given to the importer.
    write(p("deep.json"), b"[" * 1000000 + b"]" * 1000000)
    case("1,000,000-deep JSON import", ["import", p("deep.json"), "--from", "json"], 1,
         "deep.json:1:513: error: nested deeper than 512 levels", 30, 600)
    write(p("deep-aif.json"), b'{"a":' * 300000 + b"1" + b"}" * 300000)
    case("300,000-deep AIF import", ["import", p("deep-aif.json"), "--from", "aif"], 1,
         "deep-aif.json:1:2561: error: nested deeper than 512 levels", 30, 600)

    # A 100 MB single line: refused as too long, read once.
    write(p("line.arg"), b"[t] " + b"a" * 100_000_000 + b"\n")
    case("100 MB line", ["check", p("line.arg")], 1,
         "line too long: 100000004 bytes; argmap reads lines of at most 65536 bytes", 60, 700)
    # A 100 MB claim made of continuation lines: its text is capped as well.
    write(p("text.arg"), b"[t] Start.\n" + (b"    " + b"word " * 10000 + b"\n") * 2000)
    case("100 MB of continuation lines", ["check", p("text.arg")], 1,
         "claim text too long: a claim's text may have at most 65536 bytes", 60, 700)

    # 1,000,000 siblings: over the default --max-nodes; with it raised, checked.
    siblings = ["[r] Root."] + ["  + Sibling %d." % k for k in range(1000000)]
    write(p("siblings.arg"), ("\n".join(siblings) + "\n").encode())
    case("1,000,000 siblings", ["check", p("siblings.arg")], 1,
         "siblings.arg:100001:3: error: too many claims", 30, 300)
    case("1,000,000 siblings, fmt --check", ["fmt", "--check", p("siblings.arg")], 1,
         "siblings.arg:100001:3: error: too many claims", 30, 300)
    case("1,000,000 siblings, limit raised", ["check", p("siblings.arg"), "--max-nodes", "1000001"], 0,
         "no errors", 120, 3000)

    # Ids of 10,000 characters, as a label and as a reference.
    long_id = "a" * 10000
    write(p("id.arg"), ("[%s] A claim.\n  + @%s\n" % (long_id, long_id)).encode())
    case("10,000-character id", ["check", p("id.arg")], 1,
         "id.arg:1:1: error: id too long: 10000 characters; an id has at most 256", 10, 200)
    case("10,000-character reference", ["check", p("id.arg")], 1,
         "id.arg:2:5: error: id too long: 10000 characters", 10, 200)

    # Bytes that are not UTF-8 text.
    write(p("nul.arg"), b"\0" * 1_000_000)
    case("1 MB of NUL bytes", ["check", p("nul.arg")], 1, "NUL byte at byte offset 0", 10, 200)
    write(p("bad.arg"), b"[a] Caf\xe9 au lait.\n")
    case("invalid UTF-8", ["check", p("bad.arg")], 1, "invalid UTF-8: byte 0xE9", 10, 200)
    write(p("overlong.arg"), b"[a] Slash \xc0\xaf here.\n")
    case("overlong UTF-8", ["check", p("overlong.arg")], 1, "invalid UTF-8: byte 0xC0", 10, 200)
    write(p("utf16.arg"), "[a] A claim.\n  + A reason.\n".encode("utf-16"))
    case("UTF-16", ["check", p("utf16.arg")], 1, "file looks like UTF-16; argmap reads UTF-8", 10, 200)

    # 10,000 distinct includes side by side: read once each, in linear time.
    os.mkdir(p("parts"))
    for k in range(10000):
        write(p("parts/_p%d.arg" % k), ("[p%d] Part %d.\n  + Reason %d.\n" % (k, k, k)).encode())
    write(p("many.arg"), "".join('include "parts/_p%d.arg"\n' % k for k in range(10000)).encode())
    case("10,000 includes", ["check", p("many.arg")], 0, "no errors", 30, 400)
    # 10,000 files each including the next: refused past 64 files deep.
    os.mkdir(p("chain"))
    for k in range(10000):
        write(p("chain/_c%d.arg" % k), ('[n%d] Link %d.\ninclude "_c%d.arg"\n' % (k, k, k + 1)).encode())
    write(p("chain/_c10000.arg"), b"[end] The end.\n")
    case("10,000 nested includes", ["check", p("chain/_c0.arg")], 1,
         "_c63.arg:2:1: error: cannot include '_c64.arg': includes nest at most 64 files deep", 30, 200)

    # Preferred and stable semantics on frameworks too large for exact search:
    # 40 independent mutual attacks leave 80 arguments undecided (limit 64);
    # 30 of them (60 undecided) have 2^30 extensions (limit 100,000 labellings);
    # with an odd cycle beside them there is no stable extension, and proving
    # it would take 2^30 branches (limit 20,000,000 search steps).
    pairs = lambda n: "".join("[a%d] A%d.\n  ! [b%d] B%d.\n" % (k, k, k, k) for k in range(n))
    odd = "[x] X.\n  - [y] Y.\n    - [z] Z.\n      - @x\n"
    frameworks = [("80 undecided", pairs(40)), ("2^30 extensions", pairs(30)), ("odd cycle", pairs(30) + odd)]
    # The search budgets bound time; the sanitizers add nothing to their search.
    for name, text in frameworks[:1] if SANITIZED else frameworks:
        write(p("af.arg"), text.encode())
        for semantics in ("preferred", "stable"):
            case("%s, %s" % (semantics, name), ["eval", "--semantics", semantics, p("af.arg")], 1,
                 "too large for exact %s semantics" % semantics, 30, 300)

    if failures:
        print("\n\n".join(failures))
        sys.exit(1)
    print("sizes: all cases passed")


main()
