#!/usr/bin/env python3
"""Layout benchmark: how each map's drawing fits a page.

    layout_bench.py ARGMAP LAYOUT[,LAYOUT...] FILE...

For every file and layout, renders the SVG (argmap render --layout LAYOUT)
and the A4-landscape PDF (--page a4-landscape), and prints one Markdown
table row: width and height in points, aspect (width : height), the
smallest text on the A4 landscape page (argmap's own report), edge
crossings, and the seconds the SVG took. Crossings are counted on the
drawn edges: each edge's path (lines and cubic Bézier curves, each curve
cut into 16 segments) against every other edge's that shares no end with
it; every point where two segments cross counts once.
"""
import json
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def path_points(d):
    """The polyline of an SVG path made of M, L and C commands."""
    tokens = re.findall(r"[MLC]|-?[\d.]+(?:e-?\d+)?", d)
    points, i, command = [], 0, None
    current = (0.0, 0.0)

    def number():
        nonlocal i
        v = float(tokens[i])
        i += 1
        return v

    while i < len(tokens):
        if tokens[i] in "MLC":
            command = tokens[i]
            i += 1
            continue
        if command in ("M", "L"):
            current = (number(), number())
            points.append(current)
        elif command == "C":
            p1 = (number(), number())
            p2 = (number(), number())
            p3 = (number(), number())
            p0 = current
            for k in range(1, 17):
                t = k / 16
                u = 1 - t
                points.append((
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]))
            current = p3
        else:
            i += 1
    return points


def crosses(a, b, c, d):
    """Whether segment ab properly crosses segment cd."""
    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    d1, d2 = side(c, d, a), side(c, d, b)
    d3, d4 = side(a, b, c), side(a, b, d)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def crossings(svg):
    root = ET.fromstring(svg)
    edges = []
    for g in root.iter(SVG + "g"):
        if g.get("class") != "edge":
            continue
        title = g.find(SVG + "title").text
        ends = set(re.split(r"->|--", title.replace("&#45;", "-")))
        for path in g.findall(SVG + "path"):
            points = path_points(path.get("d"))
            if len(points) > 1:
                edges.append((ends, points, bbox(points)))
    count = 0
    for i in range(len(edges)):
        ends_a, pa, ba = edges[i]
        for j in range(i + 1, len(edges)):
            ends_b, pb, bb = edges[j]
            if ends_a & ends_b:
                continue
            if ba[2] < bb[0] or bb[2] < ba[0] or ba[3] < bb[1] or bb[3] < ba[1]:
                continue
            for k in range(len(pa) - 1):
                for m in range(len(pb) - 1):
                    if crosses(pa[k], pa[k + 1], pb[m], pb[m + 1]):
                        count += 1
    return count


def main():
    argmap, layouts, files = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
    print("| map | claims | layout | width pt | height pt | aspect | smallest text, A4 landscape | crossings | seconds |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for f in files:
        claims = json.loads(subprocess.run([argmap, "stats", f, "--format", "json"],
                                           capture_output=True, text=True).stdout)["claims"]
        for layout in layouts:
            start = time.monotonic()
            svg = subprocess.run([argmap, "render", f, "--layout", layout, "-f", "svg", "-o", "-"],
                                 capture_output=True, text=True, check=True).stdout
            seconds = time.monotonic() - start
            m = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
            w, h = float(m.group(1)), float(m.group(2))
            page = subprocess.run([argmap, "render", f, "--layout", layout, "-f", "pdf", "--page",
                                   "a4-landscape", "-o", "/dev/null"], capture_output=True, text=True)
            small = re.search(r"smallest text is ([\d.]+) pt", page.stderr)
            name = f.rsplit("/", 1)[-1]
            print(f"| {name} | {claims} | {layout} | {w:.0f} | {h:.0f} | {w / h:.2f} : 1 | "
                  f"{small.group(1) if small else '?'} pt | {crossings(svg)} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
