#!/usr/bin/env python3
"""`argmap diff` end to end (issue 19): the four output forms, exit codes,
two files, two folders, a git revision with includes, and generated maps
with planted changes that the diff must find exactly.

    diff_test.py ARGMAP EXAMPLES_DIR
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ARGMAP, EXAMPLES = os.path.abspath(sys.argv[1]), sys.argv[2]
BEIJING = open(os.path.join(EXAMPLES, "beijing-hostage-diplomacy.arg"), encoding="utf-8").read()
failures = []


def check(condition, message):
    print(("ok " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def run(*args, cwd=None):
    p = subprocess.run([ARGMAP, "diff", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def write(folder, name, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


try:
    import jsonschema
    SCHEMA = json.load(open(os.path.join(EXAMPLES, "..", "docs", "diff.schema.json"), encoding="utf-8"))
except ImportError:  # scripts/install-deps.sh installs python3-jsonschema; say so rather than skip
    jsonschema = None


def valid(out, what):
    """Checks a --format json output against docs/diff.schema.json."""
    if jsonschema is None:
        check(False, f"{what}: python3-jsonschema is needed to validate")
        return
    try:
        jsonschema.validate(json.loads(out), SCHEMA)
        check(True, f"{what}: valid against docs/diff.schema.json")
    except jsonschema.ValidationError as e:
        check(False, f"{what}: {e.message}")


def kinds(out):
    """(kind, old id, new id) of every change of a --format json output."""
    found = []
    for m in json.loads(out)["maps"]:
        for c in m["changes"]:
            before = (c.get("before") or {}).get("id") if c["kind"].find("section") < 0 else None
            after = (c.get("after") or {}).get("id") if c["kind"].find("section") < 0 else None
            found.append((c["kind"], before, after))
    return found


tmp = tempfile.mkdtemp(prefix="argmap-diff-")
try:
    # 1. The Beijing map: an objection removed and a rebuttal added.
    old = write(tmp, "old/beijing.arg", BEIJING)
    edited = BEIJING.replace(
        "  - [caved] The Biden administration broke under Beijing's pressure and handed China a "
        "victory that rewards intimidation.\n    - @blinked\n", "")
    edited = edited.replace(
        "    - [ah_q]", "    - [no_credit] Official media have little credibility outside China.\n    - [ah_q]", 1)
    check(edited.count("[caved]") == 0 and "[no_credit]" in edited, "the Beijing edit applies")
    new = write(tmp, "new/beijing.arg", edited)
    code, out, err = run(old, new, "--format", "json")
    check(code == 1, f"a changed argument exits 1 ({code}, {err.strip()})")
    valid(out, "Beijing json")
    check(sorted(kinds(out)) == [("claim-added", None, "no_credit"), ("claim-removed", "caved", None)],
          f"Beijing: the removed objection and the added rebuttal, nothing else ({kinds(out)})")
    code, md, _ = run(old, new, "--format", "markdown", "--link", "https://example.org/blob/abc")
    check("1 claim added, 1 claim removed" in md and "| removed |" in md and "| added |" in md,
          "markdown: counts and a row per change")
    check(re.search(r"\[[^]]*beijing\.arg:\d+\]\(https://example\.org/blob/abc/[^)]*#L\d+\)", md) is not None,
          "markdown: a line link for the added claim")
    print(md)
    code, gh, _ = run(old, new, "--format", "github")
    line = edited.split("\n").index("    - [no_credit] Official media have little credibility outside China.") + 1
    check(f"::notice file={new},line={line}," in gh, f"github: the added claim annotated on its line {line}")
    check("(was " in gh, "github: the removed claim says where it was")
    drawing = os.path.join(tmp, "changes.svg")
    code, _, err = run(old, new, "--render", drawing)
    svg = open(drawing, encoding="utf-8").read() if os.path.exists(drawing) else ""
    check(code == 1 and "Official media have" in svg, f"--render: the new claim is drawn ({err.strip()})")
    check("<s>" not in svg and "The Biden administration broke" in svg and ">removed<" in svg and ">new<" in svg,
          "--render: the removed objection is there as a ghost, marked; the new claim marked")
    check("stroke-dasharray=\"1,5\"" in svg, "--render: the ghost's reason is dotted")
    page = os.path.join(tmp, "changes.html")
    code, _, err = run(old, new, "--render", page)
    check(code == 1 and os.path.exists(page) and "Official media" in open(page, encoding="utf-8").read(),
          f"--render to an interactive page ({err.strip()})")
    code, human, _ = run(old, new)
    check(human.startswith("--- ") and "+ [no_credit]" in human and "- [caved]" in human, "human form")

    # 2. Same file, and a reformatted file: exit 0, no change.
    code, out, _ = run(old, old)
    check(code == 0 and out.strip() == "no change", f"the same map: exit 0, 'no change' ({code})")
    reformatted = write(tmp, "fmt/beijing.arg", BEIJING.replace("]  ", "] ").replace("\n\n#", "\n\n\n// note\n#"))
    code, out, _ = run(old, reformatted)
    check(code == 0, f"comments and blank lines only: exit 0 ({code}: {out.strip()[:200]})")

    # 3. --eval: the claims whose evaluation changed, theses first.
    no_rebuttal = write(tmp, "eval/beijing.arg",
                        "\n".join(l for l in BEIJING.split("\n") if "[democracies]" not in l))
    code, out, _ = run(old, no_rebuttal, "--eval", "grounded", "--format", "json")
    valid(out, "--eval json")
    ev = json.loads(out)["maps"][0]["evaluation"]["changes"]
    check(("narrative", "out", "in") in [(e["id"], e["before"], e["after"]) for e in ev],
          f"--eval grounded: the objection stands once its rebuttal is gone ({ev})")

    # 4. Folders: a changed map, a new map and a removed one.
    a, b = os.path.join(tmp, "A"), os.path.join(tmp, "B")
    write(a, "same.arg", "[x] A claim.\n  + [y] Its reason.\n")
    write(b, "same.arg", "[x] A claim.\n  + [y] Its reason.\n")
    write(a, "part/changed.arg", "[p] P.\n  + [q] Q.\n")
    write(b, "part/changed.arg", "[p] P.\n  - [q] Q.\n")
    write(a, "gone.arg", "[g] Gone.\n")
    write(b, "new.arg", "[n] New.\n")
    write(a, "titled.arg", "# One\n\n[x] X.\n  + [z] Z.\n")
    write(b, "titled.arg", "# Uno\n\n[x] X.\n  + [z] Z.\n")
    code, out, _ = run(a, b, "--format", "json")
    valid(out, "folders json")
    maps = {(m["before"] and os.path.relpath(m["before"], a), m["after"] and os.path.relpath(m["after"], b)): m
            for m in json.loads(out)["maps"]}
    check(code == 1 and len(maps) == 5, f"folders: five maps paired ({list(maps)})")
    check(kinds(json.dumps({"maps": [maps.get(("titled.arg", "titled.arg"), {"changes": []})]})) ==
          [("section-renamed", None, None)], "folders: a renamed heading")
    check(maps.get(("same.arg", "same.arg"), {}).get("same") is True, "folders: the unchanged map is the same")
    code, _, err = run(a, b, "--render", os.path.join(tmp, "many.svg"))
    check(code == 2 and "one map" in err, "--render with folders of several maps: a usage error")
    check(kinds(json.dumps({"maps": [maps.get(("part/changed.arg", "part/changed.arg"), {"changes": []})]})) ==
          [("relation-kind-changed", "p", "p")], "folders: support became attack in part/changed.arg")
    check(maps.get(("gone.arg", None), {}).get("counts") == {"claim-removed": 1}, "folders: a removed map")
    check(maps.get((None, "new.arg"), {}).get("counts") == {"claim-added": 1}, "folders: a new map")

    # 5. --git REV FILE, its include read at that revision too.
    repo = os.path.join(tmp, "repo")
    write(repo, "map.arg", '[t] Thesis.\n  + [r] Reason.\ninclude "sub/part.arg"\n')
    write(repo, "sub/part.arg", "[u] Other.\n  + [s] Its reason.\n")
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True, check=True)
    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "add", "-A")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "one")
    write(repo, "sub/part.arg", "[u] Other.\n  + [s] Its reason, reworded.\n  + [n] New.\n")
    code, out, err = run("--git", "HEAD", "map.arg", "--format", "json", cwd=repo)
    check(code == 1 and sorted(kinds(out)) == [("claim-added", None, "n"), ("text-changed", "s", "s")],
          f"--git HEAD: the include's changes are found ({kinds(out) if out else err})")
    code, _, err = run("--git", "no-such-rev", "map.arg", cwd=repo)
    check(code == 3 and "names no commit" in err, f"--git with a bad revision: exit 3 ({code}, {err.strip()})")
    code, _, err = run("--git", "--output=x", "map.arg", cwd=repo)
    check(code in (2, 3) and not os.path.exists(os.path.join(repo, "x")), "--git: a revision is never an option")

    # 6. Usage and input errors.
    check(run(old)[0] == 2, "one map alone: exit 2")
    check(run(old, a)[0] == 2, "a map against a folder: exit 2")
    check(run(old, os.path.join(tmp, "missing.arg"))[0] == 3, "a missing map: exit 3")
    broken = write(tmp, "broken.arg", "[a] A.\n  + @nope\n")
    code, _, err = run(old, broken)
    check(code == 3 and "has errors" in err, f"a map with errors: exit 3 ({code})")

    # 7. Hostile text stays text in Markdown.
    h1 = write(tmp, "h1.arg", "[x] Plain.\n")
    h2 = write(tmp, "h2.arg", "[x] Plain.\n  + [y] A | pipe, <script>alert(1)</script> and [a link](javascript:x).\n")
    _, md, _ = run(h1, h2, "--format", "markdown")
    row = [l for l in md.split("\n") if "| added |" in l][0]
    bare = re.sub(r"\\.", "", row)  # what is left once escaped characters are taken out
    check(bare.count("|") == 4 and "<" not in bare and "[" not in bare,
          f"markdown: a claim cannot break the table or add markup ({row})")

    # 8. Generated maps with planted changes: the diff finds exactly them.
    rng = random.Random(7)
    for trial in range(5):
        claims, lines = [], []
        for s in range(4):
            lines.append(f"# Part {trial}-{s}\n")
            for t in range(3):
                top = f"k{s}_{t}"
                lines.append(f"[{top}] Thesis {top} about {'lorem ipsum dolor'.split()[t]} {s}.")
                claims.append(top)
                for r in range(4):
                    rid = f"{top}_{r}"
                    kind = "+" if r % 3 else "-"
                    lines.append(f"  {kind} [{rid}] Reason {rid}: word{s}{t}{r} alpha{r} beta{t} gamma{s}.")
                    claims.append(rid)
                    if r == 1:
                        lid = f"{rid}_leaf"
                        lines.append(f"    + [{lid}] Leaf {lid} sigma{r}{t}{s}.")
                        claims.append(lid)
            lines.append("")
        original = "\n".join(lines) + "\n"
        changed = original.split("\n")
        planted = set()
        reasons = [c for c in claims if c.count("_") == 2]
        with_leaf = rng.choice([c for c in reasons if c.endswith("_1")])
        picks = rng.sample([c for c in reasons if c != with_leaf], 4)
        picks.insert(1, with_leaf)
        # A text edit, a removed leaf, a kind flip, a renamed id, an added leaf.
        i = next(k for k, l in enumerate(changed) if f"[{picks[0]}]" in l)
        changed[i] = changed[i].replace("alpha", "omega")
        planted.add(("text-changed", picks[0], picks[0]))
        i = next(k for k, l in enumerate(changed) if f"[{picks[1]}_leaf]" in l)
        del changed[i]
        planted.add(("claim-removed", picks[1] + "_leaf", None))
        i = next(k for k, l in enumerate(changed) if f"[{picks[2]}]" in l)
        flip = "-" if changed[i].lstrip().startswith("+") else "+"
        changed[i] = re.sub(r"^(\s*)[+-]", lambda m: m.group(1) + flip, changed[i])
        top = picks[2].rsplit("_", 1)[0]
        planted.add(("relation-kind-changed", top, top))
        i = next(k for k, l in enumerate(changed) if f"[{picks[3]}]" in l)
        changed[i] = changed[i].replace(f"[{picks[3]}]", f"[{picks[3]}_renamed]")
        planted.add(("id-changed", picks[3], picks[3] + "_renamed"))
        i = next(k for k, l in enumerate(changed) if f"[{picks[4]}]" in l)
        changed.insert(i + 1, f"    + [planted{trial}] A brand new leaf zeta{trial}.")
        planted.add(("claim-added", None, f"planted{trial}"))
        o = write(tmp, f"gen/{trial}-old.arg", original)
        n = write(tmp, f"gen/{trial}-new.arg", "\n".join(changed))
        code, out, err = run(o, n, "--format", "json")
        found = set(kinds(out)) if out else {("error", err, None)}
        check(found == planted, f"generated map {trial}: exactly the {len(planted)} planted changes"
              + ("" if found == planted else f" (missing {planted - found}, extra {found - planted})"))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("diff:", "FAILED" if failures else "passed", f"({len(failures)} failures)")
sys.exit(1 if failures else 0)
