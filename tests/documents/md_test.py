#!/usr/bin/env python3
"""`argmap md` end to end (issue 20): blocks drawn as SVG files or inline,
options on the fence, file=, --details, --in-place kept idempotent,
incremental drawing, --prune, errors placed in the Markdown file with
nothing written, and hostile input.

    md_test.py ARGMAP EXAMPLES_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ARGMAP, EXAMPLES = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def check(condition, message):
    print(("ok " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def md(*args, cwd, stdin=None):
    p = subprocess.run([ARGMAP, "md", *args], capture_output=True, text=True, cwd=cwd, input=stdin)
    return p.returncode, p.stdout, p.stderr


def write(folder, name, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def svg_ok(text, what):
    try:
        ET.fromstring(text)
        check(True, f"{what}: well-formed XML")
    except ET.ParseError as e:
        check(False, f"{what}: not XML ({e})")


DOC = """# A report

Some text before.
```argmap
[red] The wall is red.
  + [looks] It looks red.
```
Text after, no blank line.

```argmap file=undercut.arg theme=mono alt="The undercut example"
```

```markdown
```argmap
[shown] Only shown, inside another block.
```
"""


def files_mode(tmp):
    write(tmp, "undercut.arg", read(os.path.join(EXAMPLES, "undercut.arg")))
    doc = write(tmp, "doc.md", DOC)
    code, _, err = md("doc.md", "-o", "out/doc.md", "--assets", "out/img", cwd=tmp)
    check(code == 0, f"two blocks drawn ({err.strip()})")
    out = read(os.path.join(tmp, "out/doc.md"))
    links = re.findall(r"!\[([^\]]*)\]\(([^)]*)\)", out)
    check(len(links) == 2, f"two images in the output ({links})")
    check(all(l.startswith("img/doc-") and l.endswith(".svg") for _, l in links),
          "linked relative to the output's folder as img/doc-HASH.svg")
    check(links[1][0] == "The undercut example" and links[0][0] == "argument map",
          f"alt= and the default alt text ({[a for a, _ in links]})")
    for _, link in links:
        path = os.path.join(tmp, "out", link)
        check(os.path.isfile(path), f"{link} written")
        svg_ok(read(path), link)
    check("The wall is red." in read(os.path.join(tmp, "out", links[0][1])), "the first drawing is the first block")
    check("[shown]" in out and "```argmap\n[shown]" in out, "a fence inside another block is left alone")
    check("Some text before.\n\n![" in out and ".svg)\n\nText after" in out,
          "blank lines keep the drawing a paragraph of its own")
    check(read(doc) == DOC, "the input is not touched")

    # Incremental: nothing changed -> nothing drawn again; one block changed -> one drawing.
    paths = [os.path.join(tmp, "out", l) for _, l in links]
    before = [os.stat(p).st_mtime_ns for p in paths]
    os.utime(paths[0], ns=(1, 1))
    code, _, _ = md("doc.md", "-o", "out/doc.md", "--assets", "out/img", cwd=tmp)
    check(code == 0 and os.stat(paths[0]).st_mtime_ns == 1, "unchanged blocks are not drawn again")
    write(tmp, "doc.md", DOC.replace("It looks red.", "It looks quite red."))
    code, _, _ = md("doc.md", "-o", "out/doc.md", "--assets", "out/img", cwd=tmp)
    new_links = re.findall(r"\]\(([^)]*)\)", read(os.path.join(tmp, "out/doc.md")))
    check(code == 0 and new_links[0] != links[0][1] and new_links[1] == links[1][1],
          "an edited block gets a new drawing, the other keeps its own")
    check(os.stat(paths[1]).st_mtime_ns == before[1], "the unchanged block's file is not rewritten")
    # An included file's change is a change of the block that draws it.
    write(tmp, "undercut.arg", read(os.path.join(EXAMPLES, "undercut.arg")).replace("The wall is red.", "The wall is crimson."))
    md("doc.md", "-o", "out/doc.md", "--assets", "out/img", cwd=tmp)
    third = re.findall(r"\]\(([^)]*)\)", read(os.path.join(tmp, "out/doc.md")))
    check(third[1] != new_links[1], "a change in the file a block draws draws it again")
    # --prune: the stale drawings go, other files stay.
    write(tmp, "out/img/notes.txt", "mine")
    write(tmp, "out/img/other-0123456789abcdef.svg", "<svg/>")
    code, _, _ = md("doc.md", "-o", "out/doc.md", "--assets", "out/img", "--prune", cwd=tmp)
    left = sorted(os.listdir(os.path.join(tmp, "out/img")))
    check(code == 0 and sorted(os.path.basename(l) for l in third) + ["notes.txt", "other-0123456789abcdef.svg"] == left,
          f"--prune removes only this document's unused drawings ({left})")
    # Standard output, the default assets folder.
    code, out, _ = md("doc.md", cwd=tmp)
    check(code == 0 and "](diagrams/doc-" in out and os.path.isdir(os.path.join(tmp, "diagrams")),
          "without -o: the document on standard output, drawings in diagrams/")
    code, _, err = md("doc.md", "-o", "doc.md", cwd=tmp)
    check(code == 2 and "--in-place" in err, "-o naming the input is refused (the blocks would be lost)")


def in_place(tmp):
    write(tmp, "undercut.arg", read(os.path.join(EXAMPLES, "undercut.arg")))
    doc = write(tmp, "doc.md", DOC)
    code, _, err = md("doc.md", "--in-place", cwd=tmp)
    first = read(doc)
    check(code == 0 and first.count("<!-- argmap-md ") == 2 and first.count("<!-- /argmap-md -->") == 2,
          f"--in-place: each drawing between markers ({err.strip()})")
    check("[red] The wall is red." in first and "file=undercut.arg" in first, "--in-place keeps the blocks")
    stamp = os.stat(doc).st_mtime_ns
    code, _, _ = md("doc.md", "--in-place", cwd=tmp)
    check(code == 0 and read(doc) == first and os.stat(doc).st_mtime_ns == stamp,
          "a second run changes nothing (the file is not even rewritten)")
    md("doc.md", "--in-place", "--details", cwd=tmp)
    detailed = read(doc)
    check(detailed.count("<details><summary>argmap source</summary>") == 2, "--details wraps each kept block")
    md("doc.md", "--in-place", "--details", cwd=tmp)
    check(read(doc) == detailed, "--details is idempotent too")
    md("doc.md", "--in-place", cwd=tmp)
    check(read(doc) == first, "and goes away again without --details")
    write(tmp, "doc.md", first.replace("It looks red.", "It looks red to me."))
    md("doc.md", "--in-place", cwd=tmp)
    edited = read(doc)
    check(edited.count("<!-- argmap-md ") == 2 and "It looks red to me." in edited and edited != first,
          "an edited block's drawing is replaced, not added")
    code, _, err = md("doc.md", "--in-place", "--inline", cwd=tmp)
    inline = read(doc)
    check(code == 0 and inline.count("<svg") == 2 and inline.count("<!-- argmap-md ") == 2,
          "--in-place --inline: the SVG between the markers")
    # An error: the file is left as it was.
    broken = inline.replace("+ [looks]", "+ [looks] It looks red.\n  + @nowhere\n  + [x]", 1)
    write(tmp, "doc.md", broken)
    code, _, err = md("doc.md", "--in-place", cwd=tmp)
    check(code == 1 and read(doc) == broken, "a block with an error leaves the file as it was")


def inline_mode(tmp):
    doc = write(tmp, "doc.md", "# T\n\n```argmap\n[a] <script>alert(1)</script> & \"q\"\n  + [b] B.\n```\n"
                "\n```argmap theme=dark\n[c] C.\n  - D.\n```\n")
    code, out, err = md("doc.md", "--inline", cwd=tmp)
    check(code == 0 and out.count('<div class="argmap"') == 2, f"--inline: two drawings in the page ({err.strip()})")
    check(not os.path.exists(os.path.join(tmp, "diagrams")), "--inline writes no files")
    blocks = re.findall(r'<div class="argmap"[^>]*>\n(.*?)</div>\n', out, re.S)
    for i, b in enumerate(blocks):
        svg_ok(b, f"inline drawing {i + 1}")
        check("\n\n" not in b and not re.search(r"\n[ \t]*\n", b), f"inline drawing {i + 1}: no blank line (would end the HTML block)")
    ids = re.findall(r' id="([^"]*)"', out)
    check(len(ids) == len(set(ids)) and ids, "the two drawings' ids are unique in the page")
    check("<script>" not in out and "&lt;script&gt;" in out, "claim text stays text")


def errors(tmp):
    text = ("# Errors\n\n```argmap focus=x depth=deep colour=red\n[a] A.\n```\n\n"
            "  ```argmap\n  [b] B.\n    + @nobody\n  ```\n\n"
            "```argmap file=../outside.arg\n```\n\n"
            "```argmap file=/etc/passwd\n```\n\n"
            "```argmap\n[c] C.\n")
    write(os.path.dirname(tmp), "outside.arg", "[o] Outside.\n")
    write(tmp, "doc.md", text)
    code, out, err = md("doc.md", "-o", "out.md", cwd=tmp)
    check(code == 1, f"errors exit 1 ({code})")
    for where, what in [("doc.md:3:19:", "depth"), ("doc.md:3:30:", "colour: unknown option"),
                        ("doc.md:9:7:", "undefined reference '@nobody'"),
                        ("doc.md:12:11:", "outside the include root"),
                        ("doc.md:15:11:", "outside the include root"),
                        ("doc.md:18:1:", "never closed")]:
        check(f"{where} error:" in err and what in err.split(where, 1)[1].split("\n", 1)[0],
              f"{where} {what}")
    check("    9 |     + @nobody" in err, "the caret shows the Markdown file's own line")
    check("root:" not in err, "nothing of /etc/passwd is shown")
    check(not os.path.exists(os.path.join(tmp, "out.md")) and not os.path.exists(os.path.join(tmp, "diagrams")),
          "nothing written: no document, no drawing")
    code, _, err = md("doc.md", "--diagnostics", "github", "-o", "out.md", cwd=tmp)
    check(code == 1 and "::error file=doc.md,line=9,col=7" in err, "--diagnostics github")
    write(tmp, "warn.md", "> ```argmap\n> [q] Quoted.\n> ```\n")
    code, out, err = md("warn.md", cwd=tmp)
    check(code == 0 and "warn.md:1:1: warning:" in err and "not-rendered" not in out,
          "a quoted argmap fence is a warning (Markdown would not render it)")
    code, _, err = md("missing.md", cwd=tmp)
    check(code == 3, "a missing document exits 3")
    code, _, err = md("doc.md", "--in-place", "-o", "x.md", cwd=tmp)
    check(code == 2, "-o with --in-place is a usage error")


def standard_input(tmp):
    write(tmp, "sub/map.arg", "[m] A map in a file.\n")
    code, out, err = md("-", "--inline", "--stdin-filename", os.path.join(tmp, "sub/page.md"), cwd="/",
                        stdin="```argmap file=map.arg\n```\n")
    check(code == 0 and "A map in a file." in out, f"--stdin-filename: file= found from that file's folder ({err.strip()})")
    code, out, err = md("-", cwd=tmp, stdin="```argmap\n[a] A.\n  + @b\n```\n")
    check(code == 1 and "<stdin>:3:5:" in err, "standard input is <stdin> in diagnostics")


for test in (files_mode, in_place, inline_mode, errors, standard_input):
    with tempfile.TemporaryDirectory() as top:
        work = os.path.join(top, "work")
        os.makedirs(work)
        subprocess.run(["git", "init", "-q", work], check=True)
        test(work)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
