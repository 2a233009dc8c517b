#!/usr/bin/env python3
"""Layout stability (issue 18): adding or removing one claim moves no other
section and keeps the order of siblings.

    stability_test.py ARGMAP EXAMPLES_DIR [RENDER OPTION...]

Draws the Beijing example and edited copies of it (-f dot: every position),
and compares, per top-level section, the place of each claim with an id
relative to its section's frame. Edits: a claim added to the first section,
a claim removed from the second section's subsection, a claim added to the
second section. Every other section must be unchanged to the point; in the
edited section the claims that were there keep their left-to-right order
among their siblings, and the sections keep their order. Then a map of
eight small sections (some referring to the one before): its frames, read
as text is (rows top down, each left to right), are the sections in the
order they are written, and an edit in one moves no claim of the others.
"""
import os
import re
import subprocess
import sys
import tempfile

ARGMAP, EXAMPLES, OPTIONS = sys.argv[1], sys.argv[2], sys.argv[3:]
SOURCE = open(os.path.join(EXAMPLES, "beijing-hostage-diplomacy.arg"), encoding="utf-8").read()
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def layout(text):
    """{id: (top-level section, x, y relative to its frame)}, [section order]."""
    with tempfile.NamedTemporaryFile("w", suffix=".arg", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        dot = subprocess.run([ARGMAP, "render", f.name, "-f", "dot", "-o", "-", *OPTIONS], check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    frames, places, stack, order = {}, {}, [], []
    pending = None
    for line in dot.splitlines():
        m = re.match(r"\s*subgraph (cluster_s\d+) \{", line)
        if m:
            stack.append(m.group(1))
            if len(stack) == 1:
                order.append(m.group(1))
            pending = m.group(1)
            continue
        m = re.match(r"\s*subgraph \w+ \{", line)
        if m:
            stack.append(None)
            continue
        if re.match(r"\s*\}\s*$", line) and stack:
            stack.pop()
            continue
        m = re.search(r'bb="([\d.\-]+),([\d.\-]+),([\d.\-]+),([\d.\-]+)"', line)
        if m and pending:
            frames[pending] = tuple(float(m.group(k)) for k in range(1, 5))
            pending = None
    # Node blocks: name [ ... pos="x,y" ... tooltip=id ...]; with the section
    # they are written in, found again by a second pass over the text.
    stack = []
    node = None
    for line in dot.splitlines():
        m = re.match(r"\s*subgraph (\w+) \{", line)
        if m:
            stack.append(m.group(1) if m.group(1).startswith("cluster_s") else None)
            continue
        if re.match(r"\s*\}\s*$", line) and stack:
            stack.pop()
            continue
        m = re.match(r"\s*(c\d+)\s+\[", line)
        if m:
            node = {"top": next((s for s in stack if s), None)}
        if node is not None:
            p = re.search(r'pos="([\d.\-]+),([\d.\-]+)"', line)
            if p:
                node["pos"] = (float(p.group(1)), float(p.group(2)))
            t = re.search(r"tooltip=(\w+)", line)
            if t:
                node["id"] = t.group(1)
            if line.rstrip().endswith("];"):
                if "id" in node and node["top"]:
                    fx, fy = frames[node["top"]][:2]
                    places[node["id"]] = (node["top"], round(node["pos"][0] - fx, 1),
                                          round(node["pos"][1] - fy, 1))
                node = None
    LAST_FRAMES.clear()
    LAST_FRAMES.update({k: v for k, v in frames.items() if k in order})
    return places, order


LAST_FRAMES = {}


def reading_order(name, frames):
    """Top-level frames, sorted as text is read (rows top down, then left to
    right), must be the sections in the order they are written."""
    written = sorted(frames, key=lambda c: int(c[len("cluster_s"):]))
    # A frame starts a new row when its top is below the previous row's bottom.
    rows, order = [], []
    for c in sorted(frames, key=lambda c: -frames[c][3]):
        x0, y0, x1, y1 = frames[c]
        if rows and y1 > rows[-1][0]:
            rows[-1][1].append(c)
            rows[-1][0] = min(rows[-1][0], y0)
        else:
            rows.append([y0, [c]])
    for _, row in rows:
        order += sorted(row, key=lambda c: frames[c][0])
    check(order == written, f"{name}: sections drawn in reading order ({order} vs {written})")
    print(f"ok {name}: {len(rows)} rows, sections in reading order")


def compare(name, before, after, edited, siblings):
    (b, b_order), (a, a_order) = before, after
    check(b_order == a_order, f"{name}: sections kept their order ({b_order} -> {a_order})")
    moved = [i for i, (s, x, y) in b.items() if s != edited and i in a and a[i] != (s, x, y)]
    untouched = [i for i, (s, _, _) in b.items() if s != edited]
    check(untouched and not moved,
          f"{name}: no claim of another section moved ({len(untouched)} compared, moved: {moved})")
    kept = [i for i in siblings if i in a]
    check([i for i in sorted(kept, key=lambda i: a[i][1])] == kept,
          f"{name}: siblings kept their order {kept}")
    print(f"ok {name}: {len(untouched)} claims in other sections unmoved, siblings {kept} in order")


original = layout(SOURCE)
check(len(original[0]) > 50, f"the example has claims with ids ({len(original[0])})")
reading_order("Beijing", LAST_FRAMES)

# 1. A claim added in the first section, under the fourth loss.
added = SOURCE.replace("    + [backbone]", "    + [added] A claim added by the test.\n    + [backbone]", 1)
check(added != SOURCE, "edit 1 applies")
compare("add to the first section", original, layout(added), "cluster_s0",
        ["caved", "victory_claim", "comprehensive", "miscalculated", "rule_of_law", "goals"])

# 2. A claim removed from a subsection of the second section.
removed = re.sub(r"\n  \+ \[civil\][^\n]*", "", SOURCE, count=1)
check(removed != SOURCE, "edit 2 applies")
compare("remove from the second section", original, layout(removed), "cluster_s1",
        ["civil", "jurisdiction", "technical"])

# 3. A claim added in the second section, under the thesis of its first part.
added2 = SOURCE.replace("  + @legal\n", "  + [added2] Another claim added by the test.\n  + @legal\n", 1)
check(added2 != SOURCE, "edit 3 applies")
compare("add to the second section", original, layout(added2), "cluster_s1", ["narrative", "debatable"])

# 4. Eight small sections, some referring to others: read like text.
parts = []
for k in range(8):
    parts.append(f"# Part {k}\n\n[t{k}] Claim {k} of this part.\n  + [r{k}] A reason for it.\n"
                 f"  - [o{k}] An objection to it.\n    - [x{k}] A rebuttal of the objection.\n"
                 + (f"  + @t{k - 1}\n" if k % 3 == 1 else "") + "\n")
eight = "".join(parts)
layout(eight)
check(len(LAST_FRAMES) == 8, f"eight sections drawn ({len(LAST_FRAMES)})")
reading_order("eight sections", LAST_FRAMES)
added8 = eight.replace("  + [r5] A reason for it.\n", "  + [r5] A reason for it.\n    + [new] Added.\n")
compare("add to one of eight sections", layout(eight), layout(added8), "cluster_s5", ["r5", "o5"])

print("stability:", "FAILED" if failures else "passed", f"({len(failures)} failures)")
sys.exit(1 if failures else 0)
