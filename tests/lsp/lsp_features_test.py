#!/usr/bin/env python3
"""`argmap lsp`'s requests driven over stdio by a small client: definition,
references, highlights, rename, hover, completion, symbols, folding,
formatting, code actions and `argmap/render`.

Usage: lsp_features_test.py ARGMAP
"""

import os
import re

from lsp_client import Client, ask, at, check, end, open_document, run


def session(tmp, uri, text):
    c = Client(tmp)
    c.initialize()
    ds = open_document(c, uri, text)
    return c, ds


def test_navigation(tmp):
    with open(os.path.join(tmp, "_defs.arg"), "w") as f:
        f.write("[q] Defined in an include.\n")
    uri = "file://" + os.path.join(tmp, "nav.arg")
    text = ('include "_defs.arg"\n[t] Tea. ü\n  + [w] Warm.\n[x] X.\n  - @w\n  + @q\n'
            "[y] Y.\n  ! @w\n")
    c = Client(tmp)
    r = c.initialize()
    caps = r["result"]["capabilities"]
    check(caps.get("definitionProvider") and caps.get("referencesProvider")
          and caps.get("documentHighlightProvider"), "navigation is announced")
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "argmap", "version": 1, "text": text}})
    c.diagnostics(uri)
    w_def = {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 7}}
    d = c.response(c.request("textDocument/definition", at(uri, 4, 5)))["result"]
    check(d == {"uri": uri, "range": w_def}, "@w goes to [w]: %r" % d)
    d = c.response(c.request("textDocument/definition", at(uri, 5, 6)))["result"]
    check(d is not None and d["uri"].endswith("/_defs.arg") and d["range"]["start"]["line"] == 0,
          "@q goes to the included file: %r" % d)
    refs = c.response(c.request("textDocument/references",
                                dict(at(uri, 2, 5), context={"includeDeclaration": True})))["result"]
    check([x["range"]["start"]["line"] for x in refs] == [2, 4, 7],
          "[w]'s references, the declaration first: %r" % refs)
    refs = c.response(c.request("textDocument/references",
                                dict(at(uri, 2, 5), context={"includeDeclaration": False})))["result"]
    check(len(refs) == 2, "without the declaration: %r" % refs)
    hl = c.response(c.request("textDocument/documentHighlight", at(uri, 7, 4)))["result"]
    check([(h["range"]["start"]["line"], h["kind"]) for h in hl] == [(2, 3), (4, 2), (7, 2)],
          "highlights: the definition as a write, references as reads: %r" % hl)
    d = ask(c, "textDocument/definition", at(uri, 0, 3))["result"]
    check(d is not None and d["uri"].endswith("/_defs.arg") and d["range"]["start"]["line"] == 0,
          "an include line goes to its file: %r" % d)
    none = c.response(c.request("textDocument/definition", at(uri, 1, 8)))["result"]
    check(none is None, "no id under the cursor: null")
    end(c)


def test_folding(tmp):
    uri = "file://" + os.path.join(tmp, "fold.arg")
    text = ("---\ntitle: T\n---\n"            # 0-2 front matter
            "# One\n"                          # 3
            "[a] A.\n  + B.\n    - C.\n"      # 4-6 a claim with lines under it
            "/* a\n   block */\n"              # 7-8 a block comment
            "\n"                               # 9
            "## One.one\n[d] D.\n\n"          # 10-12
            "# Two\n[e] E.\n")                # 13-14
    c = Client(tmp)
    caps = c.initialize()["result"]["capabilities"]
    check(caps.get("foldingRangeProvider"), "folding is announced")
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "argmap", "version": 1, "text": text}})
    c.diagnostics(uri)
    folds = c.response(c.request("textDocument/foldingRange", {"textDocument": {"uri": uri}}))
    got = [(f["startLine"], f["endLine"], f["kind"]) for f in folds["result"]]
    want = [(0, 2, "region"), (3, 11, "region"), (4, 6, "region"), (5, 6, "region"),
            (7, 8, "comment"), (10, 11, "region"), (13, 14, "region")]
    check(got == want, "folding ranges: %r" % got)
    c.notify("exit")
    c.finish()




def test_rename(tmp):
    part = "file://" + os.path.join(tmp, "_part.arg")
    uri = "file://" + os.path.join(tmp, "main.arg")
    c = Client(tmp)
    c.initialize()
    open_document(c, part, "[w] Warm.\n[o] Other.\n")
    open_document(c, uri, 'include "_part.arg"\n[t] Tea.\n  + @w\n  - @w\n')
    # From the includer's @w: [w] in the include and both references.
    p = ask(c, "textDocument/prepareRename", at(uri, 2, 5))["result"]
    check(p == {"range": {"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 6}},
                "placeholder": "w"}, "prepareRename gives the id without '@': %r" % p)
    edit = ask(c, "textDocument/rename", at(uri, 2, 5, newName="warmth"))["result"]["changes"]
    got = sorted((u.rsplit("/", 1)[1], e["range"]["start"]["line"], e["range"]["start"]["character"],
                  e["range"]["end"]["character"], e["newText"]) for u, es in edit.items() for e in es)
    check(got == [("_part.arg", 0, 1, 2, "warmth"), ("main.arg", 2, 5, 6, "warmth"),
                  ("main.arg", 3, 5, 6, "warmth")], "rename edits every file: %r" % got)
    # From the definition in the include: its includer's references too.
    edit = ask(c, "textDocument/rename", at(part, 0, 1, newName="heat"))["result"]["changes"]
    check(sorted(len(es) for es in edit.values()) == [1, 2],
          "renaming in the include reaches the open includer: %r" % edit)
    taken = ask(c, "textDocument/rename", at(uri, 2, 5, newName="o"))
    check(taken.get("error", {}).get("code") == -32803 and "taken" in taken["error"]["message"],
          "a taken id is refused: %r" % taken)
    bad = ask(c, "textDocument/rename", at(uri, 2, 5, newName="9 lives"))
    check(bad.get("error", {}).get("code") == -32602 and "not an id" in bad["error"]["message"],
          "an invalid id is refused: %r" % bad)
    nothing = ask(c, "textDocument/prepareRename", at(uri, 1, 6))
    check("error" in nothing and "[id] or an @id" in nothing["error"]["message"],
          "no id under the cursor: refused with a message: %r" % nothing)
    end(c)


def test_hover(tmp):
    uri = "file://" + os.path.join(tmp, "h.arg")
    text = ("[t] Tea is *good*.\n  + [w] It is warm. #cosy {basis: expert, source: \"Me\"}\n"
            "    - [c] It is cold.\n      - [s] The sun is out.\n[u] Unrelated.\n  + @w\n")
    c, _ = session(tmp, uri, text)
    h = ask(c, "textDocument/hover", at(uri, 5, 5))["result"]["contents"]
    check(h["kind"] == "markdown", "hover is Markdown")
    v = h["value"]
    check("**[w]** It is warm." in v, "a reference's hover shows its claim: %r" % v)
    check("`basis`: expert" in v and "`source`: Me" in v and "\\#cosy" in v,
          "its attributes and tags: %r" % v)
    check("Defined at h.arg:2" in v, "and where it is defined: %r" % v)
    check("Grounded: **in**" in v and re.search(r"DF-QuAD strength \*\*0\.\d\d\*\*", v),
          "its grounded label and DF-QuAD strength: %r" % v)
    h = ask(c, "textDocument/hover", at(uri, 2, 12))["result"]["contents"]["value"]
    check("Grounded: **out**" in h and "'s'" in h, "a defeated claim, and why: %r" % h)
    t = ask(c, "textDocument/hover", at(uri, 0, 8))["result"]["contents"]["value"]
    check("Tea is \\*good\\*" in t, "Markdown in the text is escaped: %r" % t)
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": text + "  + @nope\n"}]})
    c.diagnostics(uri)
    h = ask(c, "textDocument/hover", at(uri, 0, 2))["result"]["contents"]["value"]
    check("Not evaluated" in h, "with errors, no evaluation: %r" % h)
    check(ask(c, "textDocument/hover", at(uri, 9, 0))["result"] is None, "nothing to say: null")
    end(c)


def test_completion(tmp):
    os.makedirs(os.path.join(tmp, "parts"))
    for name in ("parts/a.arg", "b.arg", "notes.txt"):
        with open(os.path.join(tmp, name), "w") as f:
            f.write("[x] X.\n")
    uri = "file://" + os.path.join(tmp, "c.arg")
    text = '[tea] Tea.\n  + [warm] Warm.\n  - @wa\n  + C. {bas\n  + D. {status: ac\ninclude "\n'
    c, _ = session(tmp, uri, text)
    labels = lambda r: sorted(i["label"] for i in (r["result"] or []))
    r = ask(c, "textDocument/completion", at(uri, 2, 7))
    check(labels(r) == ["tea", "warm"], "ids after @: %r" % labels(r))
    item = [i for i in r["result"] if i["label"] == "warm"][0]
    check(item["detail"] == "Warm." and item["textEdit"]["range"]["start"]["character"] == 5,
          "an id's text as detail, replacing what was typed: %r" % item)
    keys = labels(ask(c, "textDocument/completion", at(uri, 3, 11)))
    check("basis" in keys and "status" in keys and len(keys) == 9, "attribute keys: %r" % keys)
    values = labels(ask(c, "textDocument/completion", at(uri, 4, 18)))
    check(values == ["accepted", "assumed", "rejected"], "status values: %r" % values)
    files = labels(ask(c, "textDocument/completion", at(uri, 5, 9)))
    check(files == ["b.arg", "parts/a.arg"], "map files in include \": %r" % files)
    check(labels(ask(c, "textDocument/completion", at(uri, 0, 6))) == [], "nothing in plain text")
    end(c)


def test_symbols(tmp):
    uri = "file://" + os.path.join(tmp, "s.arg")
    text = "# Part one\n[t] Tea.\n  + Warm.\n  - @t\n## Detail\n[d] D.\n# Part two\n[e] E.\n"
    c, _ = session(tmp, uri, text)
    syms = ask(c, "textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
    shape = lambda s: (s["name"], [shape(k) for k in s.get("children", [])])
    got = [shape(s) for s in syms]
    check(got == [("Part one", [("t", [("Warm.", []), ("@t", [])]), ("Detail", [("d", [])])]),
                  ("Part two", [("e", [])])], "sections hold claims, claims their reasons: %r" % got)
    check(syms[0]["range"]["start"]["line"] == 0 and syms[0]["range"]["end"]["line"] == 5,
          "a section runs to the next heading of its level: %r" % syms[0]["range"])
    t = syms[0]["children"][0]
    check(t["detail"] == "Tea." and t["selectionRange"]["start"] == {"line": 1, "character": 0},
          "a claim's text is its detail, its [id] the selection: %r" % t)
    end(c)


def test_formatting(tmp):
    uri = "file://" + os.path.join(tmp, "f.arg")
    c, _ = session(tmp, uri, "[t]   Tea.\n  +   Warm.\n")
    edits = ask(c, "textDocument/formatting",
                {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    check(len(edits["result"]) == 1 and edits["result"][0]["newText"] == "[t] Tea.\n  + Warm.\n",
          "the canonical form as one edit: %r" % edits)
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": "[t] Tea.\n  + Warm.\n"}]})
    c.diagnostics(uri)
    same = ask(c, "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
    check(same["result"] == [], "already canonical: no edit")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                        "contentChanges": [{"text": "[t Tea.\n"}]})
    c.diagnostics(uri)
    broken = ask(c, "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
    check(broken.get("error", {}).get("code") == -32803, "a broken file is not formatted: %r" % broken)
    end(c)


def test_code_actions(tmp):
    uri = "file://" + os.path.join(tmp, "a.arg")
    text = "[warmth] Warm.\n[t] Tea.\n  + @warmht\n  - Cold tea is bad. {basys: expert}\n"
    c, ds = session(tmp, uri, text)
    line = lambda n: {"start": {"line": n, "character": 0}, "end": {"line": n, "character": 0}}
    acts = ask(c, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": line(2),
                                              "context": {"diagnostics": ds}})["result"]
    fix = [a for a in acts if a["kind"] == "quickfix"]
    check(len(fix) == 1 and fix[0]["title"] == "Change to '@warmth'" and fix[0]["isPreferred"],
          "a did-you-mean quick fix for @warmht: %r" % acts)
    if fix:
        e = fix[0]["edit"]["changes"][uri][0]
        check(e["range"] == {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 11}}
              and e["newText"] == "@warmth", "it replaces the reference: %r" % e)
    acts = ask(c, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": line(3),
                                              "context": {"diagnostics": []}})["result"]
    titles = [a["title"] for a in acts]
    check("Change to 'basis'" in titles, "a quick fix for a misspelt key: %r" % titles)
    add = [a for a in acts if a["title"].startswith("Add an id")]
    check(len(add) == 1 and add[0]["title"] == "Add an id to this claim: [cold_tea_is]",
          "an id for a claim without one: %r" % titles)
    if add:
        e = add[0]["edit"]["changes"][uri][0]
        check(e["range"]["start"] == {"line": 3, "character": 4} and e["newText"] == "[cold_tea_is] ",
              "inserted after the marker: %r" % e)
    end(c)


def test_render(tmp):
    uri = "file://" + os.path.join(tmp, "r.arg")
    c, _ = session(tmp, uri, "---\ntitle: Tea\n---\n[t] Tea.\n  + [w] Warm.\n")
    r = ask(c, "argmap/render", {"uri": uri, "format": "svg", "theme": "dark",
                                 "options": {"eval": "grounded"}})["result"]
    check(r["svg"].startswith("<?xml") and "</svg>" in r["svg"], "an SVG document")
    check({(x["id"], x["line"]) for x in r["claims"]} == {("t", 4), ("w", 5)},
          "each claim's node and line: %r" % r["claims"])
    for x in r["claims"]:
        check("<title>%s</title>" % x["node"] in r["svg"], "node %s is in the SVG" % x["node"])
    check(r["version"] == 1, "the version drawn")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": "[t] Tea.\n  + @none\n"}]})
    c.diagnostics(uri)
    r = ask(c, "argmap/render", {"uri": uri})["result"]
    check(r["svg"] is None and r["version"] == 2 and r["errors"][0]["line"] == 2,
          "a broken buffer gives its errors, not a diagram: %r" % r)
    bad = ask(c, "argmap/render", {"uri": uri, "format": "png"})
    check(bad.get("error", {}).get("code") == -32602, "an unusable format is refused: %r" % bad)
    bad = ask(c, "argmap/render", {"uri": "file:///not/open.arg"})
    check(bad.get("error", {}).get("code") == -32803, "a document not open is refused")
    # Floating reinstatement: d is undecided under grounded semantics and in
    # under preferred; a preview under preferred leaves the hover's grounded label alone.
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
        {"text": "[d] D.\n  - [c] C.\n    - [a] A.\n      ! [b] B.\n    - @b\n"}]})
    c.diagnostics(uri)
    r = ask(c, "argmap/render", {"uri": uri, "options": {"eval": "preferred"}})["result"]
    check(r["svg"] is not None, "drawn under preferred semantics")
    h = ask(c, "textDocument/hover", at(uri, 0, 1))["result"]["contents"]["value"]
    check("Grounded: **undec**" in h, "the hover still gives the grounded label: %r" % h)
    end(c)


run([test_navigation, test_folding, test_rename, test_hover, test_completion, test_symbols,
     test_formatting, test_code_actions, test_render])
