#!/usr/bin/env python3
"""argmap on untrusted input, end to end: what a hostile pull request, map,
manifest, folder or environment can make argmap do (docs/reliability.md,
"argmap build on untrusted pull requests"). One test per class of defect
found by probing argmap as an attacker would (issue 14), each with several
shapes of input; the number in each test's name is the issue's item.

Usage: safety_test.py ARGMAP GEN_MAP [--sanitized]
(--sanitized: the ASan build; tests that cap the address space are skipped,
since ASan reserves terabytes of it, and time limits are multiplied.)
"""

import hashlib
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

ARGMAP = os.path.abspath(sys.argv[1])
GEN_MAP = os.path.abspath(sys.argv[2])
SANITIZED = "--sanitized" in sys.argv[3:]
SLOW = 6 if SANITIZED else 1
ROOT = os.geteuid() == 0
EXAMPLE = """[a] A claim.
  + [r] A reason for it.
    ~ An undercut of that reason.
  - [o] An objection.
"""
tests = []
failures = []
checks = 0


def test(fn):
    tests.append(fn)
    return fn


def expect(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(f"{current}: {what}")


def run(args, cwd=None, stdin=subprocess.DEVNULL, timeout=60, env=None, preexec=None, input_bytes=None):
    """Runs argmap ARGS; returns (exit code, stdout, stderr) as bytes (code None on timeout)."""
    try:
        p = subprocess.run([ARGMAP] + args, cwd=cwd, stdin=None if input_bytes is not None else stdin,
                           input=input_bytes, capture_output=True, timeout=timeout * SLOW, env=env,
                           preexec_fn=preexec, check=False)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out"


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def digest(path):
    return hashlib.sha256(read(path)).hexdigest()


def files_under(root):
    out = set()
    for d, dirs, names in os.walk(root):
        for n in names + [x for x in dirs if os.path.islink(os.path.join(d, x))]:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def fsize_limit(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return apply


# ---- data loss and leaks ----------------------------------------------------

@test
def t01_links_out_of_the_tree(w):
    secret = "SECRET-LINE-do-not-leak"
    write(f"{w}/x/t.arg", "[a] A\n")
    write(f"{w}/x/secret.txt", f"[{secret}\n{secret} {{\n")
    write(f"{w}/s/good.arg", EXAMPLE)
    write(f"{w}/s/inside.arg", "[i] Inside.\n")
    os.symlink("../x/t.arg", f"{w}/s/l.arg")                  # relative, out of the tree
    os.symlink(f"{w}/x/secret.txt", f"{w}/s/secret.arg")      # absolute, to a secret
    os.symlink("inside.arg", f"{w}/s/alias.arg")              # inside: built
    os.symlink(f"{w}/x", f"{w}/s/linked-folder")              # a folder link: not followed
    before = files_under(f"{w}/x")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w)
    expect(code == 1, f"exit {code}, want 1")
    expect(files_under(f"{w}/x") == before, "a file was written outside the output folder")
    expect(secret.encode() not in out + err, "the content of a file outside the tree was quoted")
    expect(b"outside the source folder" in out, "no reason given for the link out of the tree")
    expect(os.path.exists(f"{w}/o/alias.svg") and os.path.exists(f"{w}/o/good.svg"), "maps inside were not built")
    expect(not os.path.exists(f"{w}/o/l.svg") and not os.path.exists(f"{w}/o/secret.svg"), "a map outside was built")
    expect(not os.path.exists(f"{w}/o/linked-folder"), "a folder link was followed")
    # An ignore file that is a link to a secret is refused unread.
    os.symlink(f"{w}/x/secret.txt", f"{w}/s/.argmapignore")
    code, out, err = run(["build", "s", "-o", "o2"], cwd=w)
    expect(code == 1 and b"symbolic link" in out + err, f"a linked .argmapignore: exit {code}")
    expect(secret.encode() not in out + err, "the linked ignore file was quoted")


@test
def t02_prune_only_what_argmap_wrote(w):
    write(f"{w}/s/a.arg", EXAMPLE)
    write(f"{w}/s/gone.arg", EXAMPLE)
    write(f"{w}/s/edited.arg", EXAMPLE)
    expect(run(["build", "s", "-o", "o"], cwd=w)[0] == 0, "first build")
    os.remove(f"{w}/s/gone.arg")
    os.remove(f"{w}/s/edited.arg")
    write(f"{w}/o/edited.svg", "<svg>edited by hand</svg>")
    victims = {f"{w}/victim.txt": "outside", f"{w}/o/README.md": "inside, not an output"}
    for path, text in victims.items():
        write(path, text)
    os.symlink(f"{w}/victim.txt", f"{w}/o/link.svg")
    manifest = json.loads(read(f"{w}/o/.argmap-manifest.json"))
    h = manifest["maps"]["a.arg"]["outputs"]["a.svg"]
    poison = {
        "../victim.arg": {"key": "0" * 16, "outputs": {"../victim.txt": h}},
        f"{w}/victim.arg": {"key": "0" * 16, "outputs": {f"{w}/victim.txt": h}},
        "README.arg": {"key": "0" * 16, "outputs": {"README.md": h}},
        "link.arg": {"key": "0" * 16, "outputs": {"link.svg": hashlib.sha256(b"").hexdigest()[:16]}},
    }
    manifest["maps"].update(poison)
    write(f"{w}/o/.argmap-manifest.json", json.dumps(manifest))
    code, out, err = run(["build", "s", "-o", "o", "--prune"], cwd=w)
    expect(code == 0, f"prune build exit {code}: {err[-300:]}")
    for path, text in victims.items():
        expect(os.path.exists(path) and read(path) == text.encode(), f"prune deleted or changed {path}")
    expect(os.path.islink(f"{w}/o/link.svg"), "prune removed a link")
    expect(not os.path.exists(f"{w}/o/gone.svg"), "prune kept the output of a deleted map")
    expect(read(f"{w}/o/edited.svg") == b"<svg>edited by hand</svg>", "prune removed an output edited by hand")
    expect(b"discarded" in err, "poisoned entries were not reported")
    expect(b"changed since argmap wrote it" in err, "the kept edited output was not reported")


@test
def t03_special_outputs_and_inputs(w):
    write(f"{w}/u.arg", EXAMPLE)
    # A FIFO is written in place and stays a FIFO.
    os.mkfifo(f"{w}/out.svg")
    reader = subprocess.Popen(["cat", f"{w}/out.svg"], stdout=subprocess.PIPE)
    code, _, _ = run(["render", "u.arg", "-o", "out.svg"], cwd=w, timeout=30)
    data = reader.communicate(timeout=30)[0]
    expect(code == 0 and data.endswith(b"</svg>\n"), f"FIFO output: exit {code}")
    expect(stat.S_ISFIFO(os.lstat(f"{w}/out.svg").st_mode), "the FIFO was replaced")
    # /dev/stdout is a link to a pipe, a file or a terminal: written through.
    for args in (["render", "u.arg", "-o", "/dev/stdout", "-f", "svg"],
                 ["export", "u.arg", "--to", "json", "-o", "/dev/stdout"]):
        code, out, err = run(args, cwd=w)
        expect(code == 0 and (out.startswith(b"<?xml") or out.startswith(b"{")), f"{args}: exit {code} {err}")
    if ROOT:
        os.mknod(f"{w}/null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        for args in (["render", "u.arg", "-o", "null"], ["export", "u.arg", "--to", "json", "-o", "null"],
                     ["render", "u.arg", "-o", "x.svg", "--depfile", "null"]):
            code, _, err = run(args, cwd=w)
            expect(code == 0, f"{args}: exit {code} {err}")
            expect(stat.S_ISCHR(os.lstat(f"{w}/null").st_mode), f"{args} turned the device into a file")
    else:
        print("  (not root: the device case is skipped)")
    # -o naming an input is refused, the map untouched.
    original = read(f"{w}/u.arg")
    os.symlink("u.arg", f"{w}/alias.arg")
    write(f"{w}/inc.arg", '[m] Main.\ninclude "part.arg"\n')
    write(f"{w}/part.arg", "[p] Part.\n")
    for args in (["render", "u.arg", "-f", "svg", "-o", "u.arg"], ["render", "u.arg", "-f", "svg", "-o", "alias.arg"],
                 ["render", "u.arg", "-f", "svg", "-o", "x.svg", "--depfile", "u.arg"],
                 ["render", "inc.arg", "-f", "svg", "-o", "part.arg"],
                 ["export", "u.arg", "--to", "argdown", "-o", "u.arg"],
                 ["import", "u.arg", "--from", "argdown", "-o", "u.arg"]):
        code, _, err = run(args, cwd=w)
        expect(code == 2 and b"refusing to write over" in err, f"{args}: exit {code}")
    expect(read(f"{w}/u.arg") == original and read(f"{w}/part.arg") == b"[p] Part.\n", "an input was overwritten")


@test
def t04_22_no_temp_folder(w):
    for n in range(4):
        write(f"{w}/s/m{n}.arg", EXAMPLE)
    tmp = f"{w}/tmp"
    os.makedirs(tmp)
    write(f"{w}/a-file", "x")
    os.makedirs(f"{w}/ro", mode=0o500)
    for k, t in enumerate([tmp, f"{w}/missing", f"{w}/a-file", f"{w}/ro"]):
        env = dict(os.environ, TMPDIR=t)
        code, out, err = run(["build", "s", "-o", f"o{k}", "-j", "2"], cwd=w, env=env)
        expect(code == 0 and b"4 rendered" in out, f"TMPDIR={t}: exit {code} {err[-200:]}")
    expect(os.listdir(tmp) == [], f"build left {os.listdir(tmp)} in TMPDIR")


@test
def t05_sweep_only_argmap_temporaries(w):
    os.makedirs(f"{w}/r/.git")
    write(f"{w}/r/docs/u.arg", EXAMPLE)
    write(f"{w}/r/docs/.a.tmp-b.arg", EXAMPLE)
    write(f"{w}/r/.git/.x.tmp-1", "d")
    write(f"{w}/r/.y.tmp-2", "user file")
    write(f"{w}/r/.u.svg.argmap-tmp-AbC123", "a stale temporary argmap left")
    write(f"{w}/r/sub/.v.svg.argmap-tmp-XyZ789", "not in a folder build writes to")
    for _ in range(2):
        code, _, err = run(["build", "docs", "-o", "."], cwd=f"{w}/r")
        expect(code == 0, f"exit {code} {err}")
        expect(read(f"{w}/r/.git/.x.tmp-1") == b"d", "a file under .git was deleted")
        expect(os.path.exists(f"{w}/r/.y.tmp-2"), "a user's .tmp- file was deleted")
        expect(os.path.exists(f"{w}/r/.a.tmp-b.svg"), "the output of a map named .a.tmp-b.arg was deleted")
    expect(not os.path.exists(f"{w}/r/.u.svg.argmap-tmp-AbC123"), "a stale argmap temporary stayed")
    expect(os.path.exists(f"{w}/r/sub/.v.svg.argmap-tmp-XyZ789"), "a folder build does not write to was swept")


@test
def t06_fmt_in_place_keeps_links_and_modes(w):
    messy = "[a]   Unformatted.\n    +   Reason.\n"
    write(f"{w}/real.arg", messy)
    os.chmod(f"{w}/real.arg", 0o600)
    if ROOT:
        os.chown(f"{w}/real.arg", 65534, 65534)
    os.symlink("real.arg", f"{w}/link.arg")
    code, _, err = run(["fmt", "link.arg"], cwd=w)
    expect(code == 0, f"fmt exit {code} {err}")
    expect(os.path.islink(f"{w}/link.arg"), "fmt replaced the link")
    expect(read(f"{w}/real.arg") == b"[a] Unformatted.\n  + Reason.\n", "the link's target was not formatted")
    st = os.stat(f"{w}/real.arg")
    expect(stat.S_IMODE(st.st_mode) == 0o600, f"mode became {oct(st.st_mode)}")
    if ROOT:
        expect(st.st_uid == 65534 and st.st_gid == 65534, "the owner changed")
    write(f"{w}/h1.arg", messy)
    os.link(f"{w}/h1.arg", f"{w}/h2.arg")
    code, _, err = run(["fmt", "h1.arg"], cwd=w)
    expect(code == 0 and b"other hard link" in err, "no note about hard links")
    expect(read(f"{w}/h2.arg") == messy.encode(), "the other hard link changed (docs say it keeps the old text)")


@test
def t07_overlapping_builds(w):
    for d in ("a", "b"):
        for n in range(6):
            write(f"{w}/{d}/{d}{n}.arg", EXAMPLE)
    failed = 0
    for _ in range(8):
        procs = [subprocess.Popen([ARGMAP, "build", d, "-o", "o", "-j", "2"], cwd=w, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for d in ("a", "b")]
        for p in procs:
            p.communicate(timeout=120 * SLOW)
            failed += p.returncode != 0
        os.remove(f"{w}/o/.argmap-manifest.json")  # so that every round renders again
    expect(failed == 0, f"{failed} of 16 overlapping builds failed")
    expect(len([n for n in os.listdir(f"{w}/o") if n.endswith(".svg")]) == 12, "outputs missing")


@test
def t08_outputs_change_together(w):
    write(f"{w}/s/m.arg", EXAMPLE)
    expect(run(["build", "s", "-o", "o", "-f", "dot,svg"], cwd=w)[0] == 0, "first build")
    old = {f: digest(f"{w}/o/m.{f}") for f in ("dot", "svg")}
    write(f"{w}/s/m.arg", EXAMPLE + "[n] Another claim with a longer text than before.\n")
    limit = os.path.getsize(f"{w}/o/m.dot") + 400  # the new DOT fits, the new SVG does not
    for jobs in ("1", "2"):
        code, out, _ = run(["build", "s", "-o", "o", "-f", "dot,svg", "-j", jobs], cwd=w, preexec=fsize_limit(limit))
        expect(code == 1 and b"failed   m.arg" in out, f"-j {jobs}: exit {code}")
        expect({f: digest(f"{w}/o/m.{f}") for f in ("dot", "svg")} == old, f"-j {jobs}: outputs changed apart")
        expect(not [n for n in os.listdir(f"{w}/o") if "argmap-tmp" in n], "a temporary stayed")
    expect(run(["build", "s", "-o", "o", "-f", "dot,svg"], cwd=w)[0] == 0, "rebuild")
    expect(all(digest(f"{w}/o/m.{f}") != old[f] for f in ("dot", "svg")), "outputs did not change together")


# ---- crashes, hangs, exponential cost ----------------------------------------

@test
def t09_10_16_23_importers(w):
    chain = ['{"nodeID":"c","type":"I","text":"C"},{"nodeID":"p0","type":"I","text":"P"},{"nodeID":"i0","type":"RA"}']
    edges = ['{"fromID":"p0","toID":"i0"},{"fromID":"i0","toID":"c"}']
    for k in range(1, 50001):
        chain.append(f'{{"nodeID":"p{k}","type":"I","text":"P"}},{{"nodeID":"i{k}","type":"CA"}}')
        edges.append(f'{{"fromID":"p{k}","toID":"i{k}"}},{{"fromID":"i{k}","toID":"i{k-1}"}}')
    write(f"{w}/chain.json", '{"nodes":[' + ",".join(chain) + '],"edges":[' + ",".join(edges) + "]}")
    code, _, err = run(["import", "chain.json", "--from", "aif"], cwd=w)
    expect(code == 1 and b"chain of undercuts deeper than" in err, f"AIF chain: exit {code} {err[-200:]}")
    deep = "[" * 100000 + "]" * 100000
    for name, text, fmt in (
            ("meta.json", '{"argmap_json":1,"metadata":{"a":' + deep + '},"claims":[],"outline":[]}', "json"),
            ("attr.json", '{"argmap_json":1,"claims":[{"id":"a","text":"A","attributes":{"x":' + deep + '}}],"outline":[]}', "json"),
            ("aif.json", '{"nodes":[{"nodeID":"a","type":"I","text":' + deep + '}]}', "aif")):
        write(f"{w}/{name}", text)
        code, _, err = run(["import", name, "--from", fmt], cwd=w)
        expect(code == 1 and b"nested deeper than 512 levels" in err and f"{name}:1:".encode() in err,
               f"{name}: exit {code} {err[-200:]}")
    for level in ("-1", "1e300", "0.5"):
        write(f"{w}/level.json", '{"argmap_json":1,"claims":[],"outline":[{"heading":"H","level":' + level + "}]}")
        code, _, err = run(["import", "level.json", "--from", "json"], cwd=w, timeout=10)
        expect(code == 1 and b"expected a whole number" in err, f"level {level}: exit {code}")
    for text, what in (('{"argmap_json":1,"claims":[],"outline":[{"heading":5}]}', b"/outline/0/heading"),
                       ('{"nodes":[{"nodeID":"a","type":5}]}', b"/nodes/0/type")):
        write(f"{w}/types.json", text)
        code, _, err = run(["import", "types.json", "--from", "aif" if b"nodes" in what else "json"], cwd=w)
        expect(code == 1 and what in err and b"internal error" not in err, f"{text}: exit {code} {err}")


@test
def t11_memory_runs_out(w):
    if SANITIZED:
        print("  (ASan build: address-space caps are skipped)")
        return
    lines = []
    for i in range(1, 600):
        lines.append("#" * i + f" S{i}")
        for j in range(3):
            lines.append(f"[c{i}_{j}] Claim {i}.\n  + Reason {i}.")
    write(f"{w}/s/deep.arg", "\n".join(lines) + "\n")
    write(f"{w}/s/a.arg", EXAMPLE)
    write(f"{w}/s/b.arg", EXAMPLE)
    cap = lambda: resource.setrlimit(resource.RLIMIT_AS, (150 << 20, resource.RLIM_INFINITY))
    for jobs in ("1", "2"):
        code, out, err = run(["build", "s", "-o", f"o{jobs}", "-j", jobs, "--layout", "dot"], cwd=w, preexec=cap)
        expect(code == 1, f"-j {jobs}: exit {code} {err[-300:]}")
        expect(b"failed   deep.arg" in out and b"rendered a.arg" in out and b"rendered b.arg" in out,
               f"-j {jobs}: other maps were taken down: {out[-400:]}")
        expect(b"signal" in out or b"out of memory" in out, f"-j {jobs}: no reason given")
    code, out, err = run(["render", "s/deep.arg", "--layout", "dot", "-o", "deep.svg"], cwd=w, preexec=cap)
    expect(code == 3 and b"argmap: error:" in err, f"render under a cap: exit {code} {err[-300:]}")
    expect(not os.path.exists(f"{w}/deep.svg") and not [n for n in os.listdir(w) if "argmap-tmp" in n],
           "render under a cap left a file")


@test
def t12_deep_folders_are_linear(w):
    path = f"{w}/s"
    for k in range(300):
        path += f"/d{k}"
    write(f"{path}/m.arg", EXAMPLE)
    write(f"{w}/s/.argmapignore", "never/\n*.bak.arg\n")
    start = time.monotonic()
    code, out, err = run(["build", "s", "-o", "o"], cwd=w, timeout=60)
    expect(code == 0 and b"1 rendered" in out, f"300 nested folders: exit {code} {err[-200:]}")
    print(f"  300 nested folders: {time.monotonic() - start:.2f} s")


@test
def t13_ignore_patterns(w):
    long_name = "a" * 200 + ".arg"
    write(f"{w}/s/{long_name}", EXAMPLE)
    write(f"{w}/s/b.arg", EXAMPLE)
    write(f"{w}/s/q?.arg", EXAMPLE)
    write(f"{w}/s/qq.arg", EXAMPLE)
    write(f"{w}/s/x/y/z/deep.arg", EXAMPLE)
    write(f"{w}/s/.argmapignore", "*a*a*a*a*a*a*a*a*a*a*a*a*b\n" + "**/" * 12 + "deep.arg\n[b].arg\nq\\?.arg\n")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w, timeout=30)
    expect(code == 0, f"exit {code} {err}")
    built = {n for n in os.listdir(f"{w}/o") if n.endswith(".svg")}
    expect(built == {"a" * 200 + ".svg", "qq.svg"}, f"built {sorted(built)}")
    write(f"{w}/s/.argmapignore", "ok.arg\nbad[abc.arg\n")
    code, out, err = run(["build", "s", "-o", "o2"], cwd=w)
    expect(code == 1 and b".argmapignore:2:4: error: '[' is never closed" in out, f"bad pattern: {code} {out}")
    expect(not os.path.exists(f"{w}/o2/b.svg"), "built despite a bad ignore file")


@test
def t14_special_files_in_the_tree(w):
    write(f"{w}/s/a.arg", EXAMPLE)
    os.mkfifo(f"{w}/s/fifo.arg")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w, timeout=20)
    expect(code == 0 and b"fifo.arg: warning: skipped: it is a FIFO" in out, f"FIFO map: {code} {out}")
    os.mkfifo(f"{w}/s/.argmapignore")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w, timeout=20)
    expect(code == 1 and b"not a regular file" in out, f"FIFO ignore file: {code} {out}")
    os.remove(f"{w}/s/.argmapignore")
    os.symlink("/dev/zero", f"{w}/s/.argmapignore")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w, timeout=20)
    expect(code == 1, f"/dev/zero ignore file: {code}")
    os.remove(f"{w}/s/.argmapignore")
    os.remove(f"{w}/o/.argmap-manifest.json")
    os.mkfifo(f"{w}/o/.argmap-manifest.json")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w, timeout=20)
    expect(code == 0 and b"cannot read the manifest" in err, f"FIFO manifest: {code} {err}")
    write(f"{w}/m.arg", '[m] M.\ninclude "fifo.arg"\n')
    os.mkfifo(f"{w}/fifo.arg")
    code, out, err = run(["check", "m.arg"], cwd=w, timeout=20)
    expect(code == 1 and b"not a regular file" in out + err, f"FIFO include: {code}")


@test
def t15_standard_input_is_bounded(w):
    zeros = subprocess.Popen(["head", "-c", "800M", "/dev/zero"], stdout=subprocess.PIPE)
    start = time.monotonic()
    code, out, err = run(["check", "-", "--max-file-size", "1000"], stdin=zeros.stdout, timeout=20)
    zeros.kill()
    zeros.wait()
    expect(code == 3 and b"larger than 1000 bytes" in out + err, f"800 MB on stdin: exit {code} {out} {err}")
    expect(time.monotonic() - start < 10 * SLOW, "kept reading past the limit")
    for args in (["check", "-"], ["fmt", "-"], ["import", "-", "--from", "kialo"]):
        code, out, err = run(args, preexec=lambda: os.close(0))
        expect(code == 3 and b"standard input is closed" in out + err, f"{args} with stdin closed: {code} {err}")


@test
def t19_two_maps_one_output(w):
    write(f"{w}/a/i.arg", EXAMPLE)
    write(f"{w}/b/i.arg", "[b] B.\n")
    write(f"{w}/b/sub/j.arg", EXAMPLE)
    write(f"{w}/c/sub/j.arg", EXAMPLE)
    for args in (["build", "a", "b", "-o", "o"], ["build", "b", "c", "-o", "o"]):
        code, out, err = run(args, cwd=w)
        expect(code == 2 and b"would both be written as" in out, f"{args}: exit {code} {out}")
    code, out, _ = run(["build", "a", "a", "-o", "o3"], cwd=w)
    expect(code == 0 and b"1 map:" in out, f"one folder twice: {code} {out}")


@test
def t20_bad_manifest_is_discarded(w):
    write(f"{w}/s/u.arg", EXAMPLE)
    for text in ('{"maps":{"u.arg":5}}', "[]", "\x00\xff garbage", '{"argmap_manifest":2,"maps":{"u.arg":{"key":5}}}'):
        os.makedirs(f"{w}/o", exist_ok=True)
        write(f"{w}/o/.argmap-manifest.json", text)
        code, out, err = run(["build", "s", "-o", "o"], cwd=w)
        expect(code == 0 and b"1 rendered" in out and b"discarded" in err, f"{text!r}: exit {code} {err}")
        expect(run(["build", "s", "-o", "o"], cwd=w)[1].find(b"up to date") > 0, "the manifest was not rewritten")


@test
def t21_names_that_are_not_utf8(w):
    s = os.fsencode(w) + b"/s"
    os.makedirs(s)
    write(s + b"/good.arg", EXAMPLE.encode(), "wb")
    write(s + b"/bad\xff.arg", EXAMPLE.encode(), "wb")
    os.makedirs(s + b"/dir\xfe")
    write(s + b"/dir\xfe/x.arg", EXAMPLE.encode(), "wb")
    for jobs in ("1", "2"):
        code, out, err = run(["build", "s", "-o", f"o{jobs}", "-j", jobs], cwd=w)
        expect(code == 0 and b"1 map: 1 rendered" in out, f"-j {jobs}: exit {code} {out} {err}")
        expect(b"bad\\xFF.arg: warning: skipped: the name is not valid UTF-8" in out, "no warning for the name")


@test
def t24_what_checks_can_be_written(w):
    for name, text, code_name in (("fffe.arg", "[a] A \uFFFE\n", b"noncharacter"),
                                  ("ffff.arg", "[a] A \uFFFF\n", b"noncharacter"),
                                  ("fdd0.arg", "[a] A \uFDD0\n", b"noncharacter"),
                                  ("c1.arg", "[a] A \u0085 B\n", b"control-character"),
                                  ("esc.arg", "[a] A \x1b[2J B\n", b"control-character"),
                                  ("cr.arg", "[a] A \r B\n", b"control-character")):
        write(f"{w}/{name}", text.encode("utf-8", "surrogatepass"), "wb")
        code, out, _ = run(["check", "--format", "json", name], cwd=w)
        expect(code == 1 and code_name in out, f"{name}: check exit {code}")
        outputs = [["render", name, "-o", "-", "-f", f] for f in ("svg", "png", "pdf", "dot")]
        outputs += [["export", name, "--to", f] for f in ("json", "aif", "argdown", "markdown", "graphml", "tgf")]
        for args in outputs:
            code, out, _ = run(args, cwd=w)
            expect(code == 1 and out == b"", f"{name}: {' '.join(args)} exit {code}")
    # Everything else a map may hold comes out well-formed in every format.
    exotic = "[a] Tab\there, U+FFFD \uFFFD, emoji \U0001F600, RTL \u05D0\u05D1, U+10FFFD \U0010FFFD.\n  + [b] <&>\"'\n"
    write(f"{w}/ok.arg", exotic)
    expect(run(["check", "ok.arg"], cwd=w)[0] == 0, "the exotic map does not check")
    import xml.dom.minidom
    for args in (["render", "ok.arg", "-o", "-"], ["export", "ok.arg", "--to", "graphml"]):
        code, out, _ = run(args, cwd=w)
        try:
            xml.dom.minidom.parseString(out)
            ok = True
        except Exception:
            ok = False
        expect(code == 0 and ok, f"{args[0]}: exit {code}, well-formed XML: {ok}")
    for fmt in ("json", "aif", "argdown", "markdown", "tgf", "apx", "i23"):
        code, out, _ = run(["export", "ok.arg", "--to", fmt], cwd=w)
        expect(code == 0 and out, f"export {fmt}: exit {code}")


@test
def t25_31_bitmaps(w):
    write(f"{w}/wide.arg", "[t] Thesis.\n" + "".join(f"  + Reason number {i}.\n" for i in range(10000)))
    big = subprocess.run([GEN_MAP, "--claims", "10000"], capture_output=True, check=True).stdout
    write(f"{w}/big.arg", big, "wb")
    # Under the sanitizers (six times slower) the wide map alone: its refusal
    # is the same code path, and the normal build's run draws both.
    for name in ("wide",) if SANITIZED else ("wide", "big"):
        start = time.monotonic()
        code, out, err = run(["render", f"{name}.arg", "-o", f"{name}.png"], cwd=w)
        seconds = time.monotonic() - start
        expect(code == 1 and b"argmap: error: this drawing would be a PNG of" in err and b"Render SVG or PDF" in err,
               f"{name}.png: exit {code} {err[-300:]}")
        expect(b"(null)" not in err and all(l.startswith(b"argmap: ") for l in err.splitlines()),
               f"{name}.png: raw Graphviz output: {err[-300:]}")
        expect(not os.path.exists(f"{w}/{name}.png"), f"{name}.png was written")
        expect(seconds < 20 * SLOW, f"{name}.png took {seconds:.1f} s")
        if SANITIZED:
            continue  # 10,000 claims as SVG under ASan: the render tests' 10,000-claim case has it
        code, out, err = run(["render", f"{name}.arg", "-o", f"{name}.svg"], cwd=w)
        expect(code == 0 and err == b"", f"{name}.svg: exit {code} {err[-200:]}")


@test
def t26_standard_output_errors(w):
    write(f"{w}/u.arg", EXAMPLE)
    with open("/dev/full", "wb") as full:
        for args in (["eval", "u.arg"], ["check", "u.arg"], ["stats", "u.arg"], ["fmt", "-"],
                     ["render", "u.arg", "-o", "-"], ["export", "u.arg", "--to", "json"], ["--help"]):
            p = subprocess.run([ARGMAP] + args, cwd=w, stdout=full, stderr=subprocess.PIPE,
                               input=EXAMPLE.encode() if args == ["fmt", "-"] else b"", check=False)
            expect(p.returncode == 3 and b"cannot write to standard output: No space left on device" in p.stderr,
                   f"{args} > /dev/full: exit {p.returncode} {p.stderr}")


@test
def t27_workers_die_with_the_build(w):
    big = subprocess.run([GEN_MAP, "--claims", "1500"], capture_output=True, check=True).stdout
    for n in range(40):
        write(f"{w}/s/m{n:02}.arg", big, "wb")
    p = subprocess.Popen([ARGMAP, "build", "s", "-o", "o", "-j", "2", "--layout", "dot"], cwd=w,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5 * SLOW)
    p.kill()
    p.wait()
    time.sleep(0.5)
    count = lambda: len([n for n in os.listdir(f"{w}/o") if n.endswith(".svg")]) if os.path.isdir(f"{w}/o") else 0
    after_kill = count()
    time.sleep(2)
    expect(count() == after_kill, f"workers kept rendering: {after_kill} then {count()} outputs")
    alive = subprocess.run(["pgrep", "-f", f"{ARGMAP} build s -o o"], capture_output=True).stdout
    expect(alive == b"", f"workers still alive: {alive}")


@test
def t28_fmt_diff_applies(w):
    lines = [f"[c{k}] Claim {k}." for k in range(6513)]
    cases = {
        "no-final-newline.arg": "[a]   Unformatted.\n  + Reason.",
        "one-line.arg": "\n".join(lines[:4000] + ["[x]    Spaced   out."] + lines[4001:]) + "\n",
        "crlf.arg": "[a] A.\r\n  + B.\r\n",
        "many.arg": "".join(f"[c{k}]   Claim.\n" if k % 3 == 0 else f"[c{k}] Claim.\n" for k in range(3000)),
    }
    for name, text in cases.items():
        write(f"{w}/{name}", text.encode(), "wb")
        code, diff, err = run(["fmt", "--diff", name], cwd=w)
        expect(code == 0 and diff, f"{name}: fmt --diff exit {code} {err}")
        shutil.copy(f"{w}/{name}", f"{w}/patched-{name}")
        p = subprocess.run(["patch", "-s", f"patched-{name}"], cwd=w, input=diff, capture_output=True)
        expect(p.returncode == 0, f"{name}: patch failed: {p.stdout} {p.stderr}")
        code, formatted, _ = run(["fmt", "-"], cwd=w, input_bytes=text.encode())
        expect(read(f"{w}/patched-{name}") == formatted, f"{name}: the patched file is not what fmt writes")
    _, diff, _ = run(["fmt", "--diff", "one-line.arg"], cwd=w)
    n = diff.count(b"\n")
    expect(n <= 12, f"a one-line change gave {n} diff lines")


@test
def t29_link_loops(w):
    write(f"{w}/s/good.arg", EXAMPLE)
    os.symlink("b.arg", f"{w}/s/a.arg")
    os.symlink("a.arg", f"{w}/s/b.arg")
    os.symlink("missing.arg", f"{w}/s/dangling.arg")
    code, out, err = run(["build", "s", "-o", "o"], cwd=w)
    expect(code == 1 and b"failed   a.arg" in out and b"failed   b.arg" in out and b"failed   dangling.arg" in out,
           f"loops: exit {code} {out}")
    expect(b"4 maps: 1 rendered, 0 up to date, 3 failed" in out, f"wrong count: {out}")
    expect(b"loop of symbolic links" in out, "no reason given")


@test
def t30_no_control_bytes_reach_the_terminal(w):
    name = "e\x1b[2J\x07.arg"
    write(f"{w}/{name}", "[a] A\n  - @missing\n")
    write(f"{w}/esc-in-text.arg", "[\x1b[2Jid] t\n")
    write(f"{w}/aif.json", '{"nodes":[{"nodeID":"\\u001b[2J","type":"I","text":"x"}],"edges":[{"fromID":"\\u001b[2J","toID":"9"}]}')
    for args in (["check", name], ["check", "--format", "github", name], ["check", "esc-in-text.arg"],
                 ["check", "--format", "github", "esc-in-text.arg"], ["render", name],
                 ["import", "aif.json", "--from", "aif"], ["check", "no-such-\x1b[2J.arg"],
                 ["build", ".", "-o", "out"]):
        code, out, err = run(args, cwd=w)
        expect(code != 0, f"{args}: exit {code}")
        expect(b"\x1b" not in out + err and b"\x07" not in out + err, f"{args}: a raw control byte was printed")
        expect(b"\\x1B" in out + err or b"U+001B" in out + err, f"{args}: the escape is not shown")


def main():
    global current
    base = tempfile.mkdtemp(prefix="argmap-safety-")
    try:
        for fn in tests:
            current = fn.__name__
            w = os.path.join(base, current)
            os.makedirs(w)
            start = time.monotonic()
            before = len(failures)
            try:
                fn(w)
            except Exception as e:  # a test that crashes is a failure, not a stop
                failures.append(f"{current}: {type(e).__name__}: {e}")
            status = "ok" if len(failures) == before else "FAILED"
            print(f"{current}: {status} ({time.monotonic() - start:.1f} s)", flush=True)
    finally:
        subprocess.run(["chmod", "-R", "u+rwx", base])
        shutil.rmtree(base, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print(f"safety: {checks} checks, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
