"""What a block printed, checked before it is published.

The build fails, naming the page and the block, when the output

* holds a local path: the project, the virtual environment or interpreter, the home
  or temporary folders (a reader has no use for them, and they tell about the machine);
* holds a Python traceback, unless the fence says ``traceback="1"`` (a page showing one
  on purpose);
* has unbalanced math delimiters (``$``, ``$$``, ``\\(``/``\\)``, ``\\[``/``\\]``), when the
  output is Markdown: the rest of the page would be typeset wrongly.

Links in block output are checked after every page is rendered (:mod:`..outputs.links`).
"""

from __future__ import annotations

import os
import re
import site
import sys
import tempfile
from pathlib import Path

from .cache import package_dir
from .inline import masked
from .items import Item

TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+")


def environment_paths() -> list[str]:
    """The interpreter's own folders: files read there are library files, not inputs."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages()}
    paths.add(site.getusersitepackages())
    return sorted(p for p in paths if p)


def local_paths(root: Path) -> list[str]:
    """Folders of this machine that must not appear in a page, longest first."""
    candidates = {
        str(root),
        str(Path(root).resolve()),
        *environment_paths(),
        *([str(package.parent)] if (package := package_dir()) is not None else []),
        os.path.expanduser("~"),
        tempfile.gettempdir(),
    }
    return sorted((p for p in candidates if len(p) > 1), key=len, reverse=True)


def _path_in(text: str, path: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(path)}(?=[/\\\s\"'<>),:;]|$)", text) is not None


def unbalanced_math(markdown: str) -> str | None:
    """The first unbalanced math delimiter of ``markdown`` outside code, if any.

    Examples
    --------
    >>> unbalanced_math("the loss $x^2$ and $$y$$"), unbalanced_math("costs $5 `$`")
    (None, '$')
    """
    text = re.sub(r"\\\$", "", masked(markdown))
    if text.count("$$") % 2:
        return "$$"
    if re.sub(r"\$\$", "", text).count("$") % 2:
        return "$"
    for opening, closing in (("\\(", "\\)"), ("\\[", "\\]")):
        if text.count(opening) != text.count(closing):
            return f"{opening} … {closing}"
    return None


def output_problem(output: str, item: Item, root: Path) -> str | None:
    """Why ``output`` of ``item`` must not be published, or ``None``."""
    for path in local_paths(root):
        if _path_in(output, path):
            return f"its output contains a local path ({path}): print names relative to something the reader has"
    if not item.shows_traceback and TRACEBACK.search(output):
        return 'its output contains a Python traceback (a fence showing one on purpose says traceback="1")'
    if item.kind == "block" and not item.html:
        delimiter = unbalanced_math(output)
        if delimiter is not None:
            return f"its output has an unbalanced math delimiter {delimiter}"
    return None
