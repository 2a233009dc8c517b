#!/usr/bin/env python3
"""The Pandoc filter and the MkDocs integration (issue 20), with Debian's
`pandoc` and `mkdocs`: Markdown to HTML holds each block's drawing as
well-formed SVG; to docx as a PNG and to LaTeX as a PDF image; a block
with an error stops the conversion or the site build, naming the line.

    toolchains_test.py ARGMAP SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

ARGMAP, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
FILTER = os.path.join(SOURCE, "contrib/pandoc/argmap.lua")
HOOK = os.path.join(SOURCE, "contrib/mkdocs/argmap_mkdocs.py")
ENV = dict(os.environ, ARGMAP=ARGMAP)
failures = []


def check(condition, message):
    print(("ok " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def run(command, cwd, stdin=None):
    p = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=ENV, input=stdin)
    return p.returncode, p.stdout, p.stderr


def svgs(html, what, count):
    found = re.findall(r"<svg.*?</svg>", html, re.S)
    check(len(found) == count, f"{what}: {count} drawings in the page ({len(found)})")
    for i, s in enumerate(found):
        try:
            ET.fromstring(s)
            check(True, f"{what}: drawing {i + 1} is well-formed XML")
        except ET.ParseError as e:
            check(False, f"{what}: drawing {i + 1} is not XML ({e})")
    return found


PANDOC_DOC = """# A report

```{.argmap focus=red depth=1}
[red] The wall is red.
  + [looks] It looks red.
    ~ [light] The light is red.
[elsewhere] Not near red.
```

```{.argmap file=undercut.arg theme=mono}
```

```python
print("not a map")
```
"""


def pandoc(tmp):
    shutil.copy(os.path.join(SOURCE, "examples/undercut.arg"), tmp)
    with open(os.path.join(tmp, "doc.md"), "w", encoding="utf-8") as f:
        f.write(PANDOC_DOC)
    base = ["pandoc", "--lua-filter", FILTER, "--metadata", "title=A report", "doc.md"]
    code, _, err = run(base + ["-s", "-o", "doc.html"], tmp)
    check(code == 0, f"pandoc -> HTML ({err.strip()})")
    html = open(os.path.join(tmp, "doc.html"), encoding="utf-8").read()
    found = svgs(html, "pandoc HTML", 2)
    check(found and "The wall is red." in found[0] and "Not near red." not in found[0],
          "focus= and depth= reach argmap render")
    check(len(found) > 1 and "The wall is red." in found[1], "file= draws the named map")
    check('class="sourceCode python"' in html and "not a map" in html, "other code blocks stay code")
    code, _, err = run(base + ["-o", "doc.docx"], tmp)
    media = [n for n in zipfile.ZipFile(os.path.join(tmp, "doc.docx")).namelist() if n.startswith("word/media/")] if code == 0 else []
    check(code == 0 and len(media) == 2 and all(
        zipfile.ZipFile(os.path.join(tmp, "doc.docx")).read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in media),
        f"pandoc -> docx: two PNG images ({media} {err.strip()})")
    code, out, err = run(base + ["-t", "latex", "--extract-media", "media"], tmp)
    pdfs = re.findall(r"\\includegraphics(?:\[[^\]]*\])?\{([^}]*\.pdf)\}", out)
    check(code == 0 and len(pdfs) == 2 and all(open(os.path.join(tmp, p), "rb").read(5) == b"%PDF-" for p in pdfs),
          f"pandoc -> LaTeX: two PDF images ({pdfs} {err.strip()})")
    with open(os.path.join(tmp, "bad.md"), "w", encoding="utf-8") as f:
        f.write("# Bad\n\n```argmap\n[a] A.\n  + @b\n```\n")
    code, _, err = run(["pandoc", "--lua-filter", FILTER, "bad.md", "-o", "bad.html"], tmp)
    check(code != 0 and "undefined reference '@b'" in err and "argmap block 1" in err
          and not os.path.exists(os.path.join(tmp, "bad.html")),
          f"a block with an error stops pandoc, saying which ({code})")
    with open(os.path.join(tmp, "opt.md"), "w", encoding="utf-8") as f:
        f.write("```{.argmap colour=red}\n[a] A.\n```\n")
    code, _, err = run(["pandoc", "--lua-filter", FILTER, "opt.md", "-o", "opt.html"], tmp)
    check(code != 0 and "unknown option 'colour'" in err, "an unknown option stops pandoc")


def mkdocs(tmp):
    os.makedirs(os.path.join(tmp, "docs/maps"))
    shutil.copy(os.path.join(SOURCE, "examples/undercut.arg"), os.path.join(tmp, "docs/maps"))
    with open(os.path.join(tmp, "docs/index.md"), "w", encoding="utf-8") as f:
        f.write("# Home\n\n```argmap theme=colorblind\n[home] The home page's claim.\n  + [why] Because.\n```\n")
    with open(os.path.join(tmp, "docs/maps/page.md"), "w", encoding="utf-8") as f:
        f.write("# A page\n\nIts map, from the file beside it:\n\n```argmap file=undercut.arg\n```\n\n"
                "```python\nx = 1\n```\n")
    with open(os.path.join(tmp, "mkdocs.yml"), "w", encoding="utf-8") as f:
        f.write(f"site_name: argmap test\nhooks:\n  - {HOOK}\n")
    code, _, err = run(["mkdocs", "build", "--strict"], tmp)
    check(code == 0, f"mkdocs build with the hook ({err.strip()[-300:]})")
    if code == 0:
        home = open(os.path.join(tmp, "site/index.html"), encoding="utf-8").read()
        found = svgs(home, "mkdocs home page", 1)
        check(found and "The home page" in found[0], "the home page holds its drawing")
        page = open(os.path.join(tmp, "site/maps/page/index.html"), encoding="utf-8").read()
        found = svgs(page, "mkdocs page with file=", 1)
        check(found and "The wall is red." in found[0], "file= is found from the page's folder")
    with open(os.path.join(tmp, "docs/maps/bad.md"), "w", encoding="utf-8") as f:
        f.write("# Bad\n\ntext\n\n```argmap\n[a] A.\n  + @zz\n```\n")
    code, _, err = run(["mkdocs", "build"], tmp)
    check(code != 0 and "docs/maps/bad.md:7:5: error: undefined reference '@zz'" in err,
          f"a block with an error stops the build, naming the page's file and line ({err.strip()[-300:]})")
    os.remove(os.path.join(tmp, "docs/maps/bad.md"))
    # The Python-Markdown extension route (importable from PYTHONPATH).
    with open(os.path.join(tmp, "mkdocs-ext.yml"), "w", encoding="utf-8") as f:
        f.write("site_name: argmap extension\nsite_dir: site-ext\nnav:\n  - index.md\n"
                "markdown_extensions:\n  - argmap_mkdocs\n")
    os.remove(os.path.join(tmp, "docs/maps/page.md"))  # file= is found from the working folder there
    ENV["PYTHONPATH"] = os.path.dirname(HOOK)
    code, _, err = run(["mkdocs", "build", "-f", "mkdocs-ext.yml"], tmp)
    del ENV["PYTHONPATH"]
    check(code == 0, f"mkdocs build with the Markdown extension ({err.strip()[-300:]})")
    if code == 0:
        svgs(open(os.path.join(tmp, "site-ext/index.html"), encoding="utf-8").read(), "extension's page", 1)


for test in (pandoc, mkdocs):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "init", "-q", tmp], check=True)
        test(tmp)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
