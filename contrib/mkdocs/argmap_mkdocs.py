"""argmap in MkDocs (docs/documents.md): `argmap` code blocks drawn as inline SVG.

Two ways in, both running `argmap md --inline` on each page, so the blocks,
their options (```argmap focus=thesis depth=2```, file=..., theme=...) and
their errors are those of `argmap md`:

* as a MkDocs hook (MkDocs 1.4 or later), in mkdocs.yml:

      hooks:
        - path/to/argmap_mkdocs.py

  Includes and file= are found from the page's own folder, and an error
  names the page's file and line; it stops `mkdocs build`.

* as a Python-Markdown extension, when this file is importable (on
  PYTHONPATH), for MkDocs or any other user of Python-Markdown:

      markdown_extensions:
        - argmap_mkdocs

  Includes and file= are then found from the working folder.

The `argmap` program is found on PATH, or named by the environment variable
ARGMAP (or, for the extension, its `argmap` setting).
"""

import os
import subprocess

import markdown
from markdown.preprocessors import Preprocessor


class ArgmapError(Exception):
    """A block argmap cannot draw: the message holds argmap's diagnostics."""


def draw(text, name=None, program=None, cwd=None):
    """The Markdown `text` with its argmap blocks drawn inline (argmap md --inline)."""
    program = program or os.environ.get("ARGMAP", "argmap")
    command = [program, "md", "-", "--inline"]
    if name:
        command += ["--stdin-filename", name]
    try:
        done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True,
                              cwd=cwd, timeout=600, check=False)
    except OSError as e:
        raise ArgmapError(f"cannot run {program}: {e}") from e
    if done.returncode != 0:
        raise ArgmapError(done.stderr.decode("utf-8", "replace").strip()
                          or f"{program} md failed ({done.returncode})")
    if done.stderr:  # warnings
        print(done.stderr.decode("utf-8", "replace"), end="", flush=True)
    return done.stdout.decode("utf-8")


# --- the MkDocs hook ---------------------------------------------------------

def on_page_markdown(markdown_text, page, config, files):  # pylint: disable=unused-argument
    """MkDocs hook: the page's argmap blocks drawn before it becomes HTML."""
    if "argmap" not in markdown_text:
        return markdown_text
    source = page.file.abs_src_path
    try:
        return draw(markdown_text, name=source, cwd=os.path.dirname(source))
    except ArgmapError as e:
        from mkdocs.exceptions import PluginError  # pylint: disable=import-outside-toplevel
        raise PluginError(f"argmap blocks of {page.file.src_path}:\n{e}") from e


# --- the Python-Markdown extension -------------------------------------------

class ArgmapPreprocessor(Preprocessor):
    """Draws the page's argmap blocks before the fenced-code preprocessor sees them."""

    def __init__(self, md, program):
        super().__init__(md)
        self.program = program

    def run(self, lines):
        text = "\n".join(lines)
        if "argmap" not in text:
            return lines
        return draw(text, program=self.program).split("\n")


class ArgmapExtension(markdown.Extension):
    """Python-Markdown extension: `argmap` blocks become inline SVG."""

    def __init__(self, **kwargs):
        self.config = {"argmap": ["", "the argmap program (default: $ARGMAP, else argmap on PATH)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # pylint: disable=invalid-name
        # After whitespace is normalised (30), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(ArgmapPreprocessor(md, self.getConfig("argmap") or None),
                                  "argmap", 28)


def makeExtension(**kwargs):  # pylint: disable=invalid-name
    """Python-Markdown's entry point for `markdown_extensions: - argmap_mkdocs`."""
    return ArgmapExtension(**kwargs)
