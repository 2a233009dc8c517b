#!/usr/bin/env python3
"""Hostile text in every output format: renders and exports tests/hostile/hostile.arg
(script tags, ]]>, </svg>, javascript: and data: URLs, \\N, quotes, markdown links)
and checks each output is well-formed and inert.

Usage: outputs_test.py ARGMAP MAP WORKDIR
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

argmap, source, work = sys.argv[1:4]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(*args):
    return subprocess.run([argmap, *args], check=True, capture_output=True).stdout.decode()


def local(name):
    return name.rsplit("}", 1)[-1]


SAFE_LINK = re.compile(r"^(https?://|mailto:|#)", re.I)
ACTIVE = {"script", "foreignobject", "iframe", "object", "embed", "style", "handler"}


def inert_xml(root, what):
    for el in root.iter():
        check(local(el.tag).lower() not in ACTIVE, f"{what}: active element <{local(el.tag)}>")
        for name, value in el.attrib.items():
            n = local(name).lower()
            check(not n.startswith("on"), f"{what}: event handler attribute {n}")
            if n == "href":
                check(SAFE_LINK.match(value) is not None, f"{what}: unsafe link {value!r}")


texts = json.loads(run("export", source, "--to", "json"))
claims = {c["id"]: c["text"] for c in texts["claims"]}
check("<script>alert(2)</script>" in claims["t"], "json: claim text lost its markup characters")

# SVG: well-formed XML, no script or handler, the hostile text present as text.
svg = run("render", source, "-o", "-")
root = ET.fromstring(svg)
inert_xml(root, "svg")
all_text = " ".join(t for el in root.iter() for t in [el.text or ""])
for needle in ["<script>alert(2)</script>", "</svg><script>alert(1)</script>", "]]>", "\\N"]:
    check(needle in all_text, f"svg: text {needle!r} not drawn as text")

# DOT: every HTML-like label is well-formed markup without active elements.
dot = run("render", source, "-f", "dot", "-o", "-")
labels = 0
for start in [m.end() for m in re.finditer(r"label=<", dot)]:
    depth, i = 1, start
    while depth and i < len(dot):
        depth += {"<": 1, ">": -1}.get(dot[i], 0)
        i += 1
    labels += 1
    try:
        inert_xml(ET.fromstring("<label>" + dot[start:i - 1] + "</label>"), "dot label")
    except ET.ParseError as e:
        check(False, f"dot: label not well-formed: {e}")
check(labels >= 5, f"dot: only {labels} HTML labels found")

# GraphML: well-formed XML, inert, texts kept.
graphml = ET.fromstring(run("export", source, "--to", "graphml"))
inert_xml(graphml, "graphml")
check(any("<script>alert(2)</script>" in (el.text or "") for el in graphml.iter()), "graphml: text lost")

# AIF: valid JSON carrying the texts.
aif = json.loads(run("export", source, "--to", "aif"))
check(any("<script>alert(2)</script>" in n.get("text", "") for n in aif["nodes"]), "aif: text lost")

# Argdown: imports back to the same claim texts.
argdown = run("export", source, "--to", "argdown")
with open(f"{work}/hostile.argdown", "w") as f:
    f.write(argdown)
back = json.loads(subprocess.run(
    [argmap, "import", f"{work}/hostile.argdown", "--from", "argdown", "-o", f"{work}/back.arg"],
    check=True, capture_output=True) and run("export", f"{work}/back.arg", "--to", "json"))
back_texts = sorted(c["text"] for c in back["claims"])
check(back_texts == sorted(claims.values()), f"argdown: texts changed in a round trip: {back_texts}")

# Markdown: no raw HTML but argmap's own anchors, no javascript:/data: links.
md = run("export", source, "--to", "markdown")
stripped = re.sub(r'<a id="[\w.-]+"></a>', "", md)
check(re.search(r"(?<!\\)<", stripped) is None, "markdown: unescaped '<'")
check(re.search(r"(?<!\\)\]\((?:javascript|data):", md) is None, "markdown: live javascript:/data: link")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("hostile outputs: svg, dot, json, aif, argdown, markdown, graphml are well-formed and inert")
