#!/usr/bin/env python3
"""argmap -> Argdown -> argmap keeps every example's claims (ids, texts, tags,
attributes), sections (titles and levels), metadata, relations (supports,
attacks, undercuts, co-premises) and contradictions; and the Argdown front
matter argmap writes is valid YAML (read by python3-yaml), holding the map's
metadata. Usage: argdown_roundtrip.py ARGMAP EXAMPLES_DIR"""

import glob
import json
import os
import subprocess
import sys

import yaml

argmap, examples = sys.argv[1], sys.argv[2]


def model(text):
    j = json.loads(subprocess.run([argmap, "export", "-", "--to", "json"], input=text,
                                  capture_output=True, check=True).stdout)
    claims = {c["id"]: (c["text"], tuple(c["tags"]), tuple(sorted(c["attributes"].items())),
                        c["section"] is not None and j["sections"][c["section"]]["title"]) for c in j["claims"]}
    infs = []
    for i in j["inferences"]:
        target = i["target"]
        if isinstance(target, dict):  # an undercut: name the inference it undercuts
            t = j["inferences"][target["inference"]]
            target = ("reason", tuple(sorted(t["premises"])), t["target"])
        infs.append((i["kind"], tuple(sorted(i["premises"])), target))
    return {
        "claims": claims,
        "sections": [(s["title"], s["level"]) for s in j["sections"]],
        "metadata": j["metadata"],
        "relations": sorted(infs, key=repr),
        "contradictions": sorted(tuple(sorted(c)) for c in j["contradictions"]),
    }


failures = []
for path in sorted(glob.glob(os.path.join(examples, "*.arg"))):
    name = os.path.basename(path)
    original = open(path, "rb").read()
    argdown = subprocess.run([argmap, "export", path, "--to", "argdown"], capture_output=True,
                             check=True).stdout.decode()
    front = argdown.split("===\n")[1]
    meta = yaml.safe_load(front)
    a = model(original)
    expected_meta = {k: v for k, v in a["metadata"].items() if k != "lint"}
    if {k: str(v) for k, v in meta.items() if k != "title" or "title" in expected_meta} != expected_meta:
        failures.append(f"{name}: the Argdown front matter {meta} is not the metadata {expected_meta}")
    back = subprocess.run([argmap, "import", "-", "--from", "argdown"], input=argdown.encode(),
                          capture_output=True)
    if back.returncode != 0:
        failures.append(f"{name}: import failed: {back.stderr.decode()}")
        continue
    b = model(back.stdout)
    b["metadata"].pop("source", None) if "source" not in a["metadata"] else None
    counts = []
    for part in ("claims", "sections", "metadata", "relations", "contradictions"):
        if a[part] != b[part]:
            failures.append(f"{name}: {part} differ after the round trip:\n  {a[part]}\n  {b[part]}")
        counts.append(f"{len(a[part])} {part}")
    attributes = sum(len(c[2]) for c in a["claims"].values())
    tags = sum(len(c[1]) for c in a["claims"].values())
    print(f"{name}: {', '.join(counts)}, {attributes} attributes, {tags} tags kept")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
