#!/usr/bin/env python3
"""Plants edits in a generated map, for bench/run-diff.sh.

    plant_edits.py IN OUT PERCENT SEED

Of the claim lines that hold nothing below them (leaves), PERCENT percent of
all claim lines are changed: a third get a word more (after the marker), a third are removed,
a third are moved under another claim of the same depth's parent.
"""
import random
import re
import sys

src, dst, percent, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
lines = open(src, encoding="utf-8").read().split("\n")
claim = re.compile(r"^(\s*)([-+~&]) (?!@)")
indent = lambda l: len(l) - len(l.lstrip(" "))
claims = [i for i, l in enumerate(lines) if claim.match(l) or l.startswith("[")]
leaves = [i for i in claims if claim.match(lines[i]) and lines[i].lstrip()[0] in "+-"
          and (i + 1 >= len(lines) or indent(lines[i + 1]) <= indent(lines[i]))
          and not lines[i].rstrip().endswith(("{", ","))]
rng = random.Random(seed)
count = int(len(claims) * percent / 100)
picked = rng.sample(leaves, min(count, len(leaves)))
edit, remove, move = picked[0::3], set(picked[1::3]), picked[2::3]
for i in edit:  # a word after the marker (and id): attributes and tags stay last
    lines[i] = re.sub(r"^(\s*[-+~&] (\[[^\]]+\] )?)", r"\1indeed ", lines[i], count=1)
moved = []
for i in move:
    moved.append(lines[i])
    remove.add(i)
kept = [l for i, l in enumerate(lines) if i not in remove]
# Each moved line goes after another line of the same indentation, elsewhere.
for line in moved:
    same = [k for k, l in enumerate(kept) if claim.match(l) and indent(l) == indent(line)
            and (k + 1 >= len(kept) or indent(kept[k + 1]) <= indent(l))]
    k = rng.choice(same)
    kept.insert(k + 1, line)
open(dst, "w", encoding="utf-8").write("\n".join(kept))
print(f"{len(claims)} claims: {len(edit)} edited, {len(picked[1::3])} removed, {len(moved)} moved")
