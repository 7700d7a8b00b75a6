"""What a reader needs to run an example where they are, not in this repository.

Every example is a file of ``snippets/`` that runs on its own once the package is
installed. The site says how once per page: a short note after the title of the home
page and of every page that executes such a file (:func:`run_note`), pinned to the
version of lossnotes the site was built with (:func:`built_version`); each example that
shows its code links to its file in the repository (:func:`source_link`, placed by
:func:`add_source_links` just under that code). A page's notebook is offered after its
title too (:func:`download_link`, :func:`insert_after_title`), and its first cell
installs the same version when the kernel lacks it (:func:`install_cell`).
"""

from __future__ import annotations

import html
import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from ..execution.blocks import Block

PACKAGE = "lossnotes"
_BRANCH = re.compile(r"^(?:edit|blob|tree|raw)/([^/]+)/")
_CODE_END = "</code></pre></div>"


INSTALL = """\
# Installs lossnotes (the version this page was built with) when it is missing.
import importlib, importlib.util, subprocess, sys
if importlib.util.find_spec("lossnotes") is None:
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "{requirement}"],
                         capture_output=True, text=True)
    if pip.returncode != 0:  # the kernel shows why, not only the terminal that started it
        raise RuntimeError("pip could not install {requirement}:\\n" + pip.stderr)
    importlib.invalidate_caches()
"""


def built_version(root: Path | None = None) -> str:
    """The installed version of lossnotes, which the pages were computed with.

    With ``root`` (the folder of ``mkdocs.yml``), a ``pyproject.toml`` there that names
    another version means a stale installation: the site would pin the wrong release.
    """
    try:
        installed = version(PACKAGE)
    except PackageNotFoundError as error:
        raise PluginError(
            f"{PACKAGE} is not installed, so the site cannot say which version "
            "to install: run `pip install -e .` first"
        ) from error
    project = root / "pyproject.toml" if root is not None else None
    if project is not None and project.is_file():
        meta = tomllib.loads(project.read_text(encoding="utf-8")).get("project", {})
        if meta.get("name") == PACKAGE and meta.get("version") not in (None, installed):
            raise PluginError(
                f"{PACKAGE} {installed} is installed but pyproject.toml says "
                f"{meta['version']}: reinstall it (`pip install -e .`)"
            )
    return installed


def pip_requirement(built: str) -> str:
    """What a reader installs.

    Examples
    --------
    >>> pip_requirement("0.1.0")
    'lossnotes==0.1.0'
    """
    return f"{PACKAGE}=={built}"


def run_note(built: str) -> str:
    """The note after a page's title: install this version, then run an example's file."""
    return (
        '<p class="lossnotes-run">To run an example yourself: '
        f"<code>pip install {html.escape(pip_requirement(built))}</code>, "
        "save the example's file (linked under it), then <code>python &lt;file&gt;.py</code>.</p>"
    )


def install_cell(built: str) -> str:
    """The first code cell: ``pip install lossnotes==built`` in the kernel's Python, if missing.

    Silent when lossnotes is importable; ``sys.executable`` is the kernel's own Python in
    Jupyter and in Colab, so the package lands where the next cells import it.
    """
    return INSTALL.format(requirement=pip_requirement(built))


def blob_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """Where a repository file is shown: ``<repo_url>/blob/<branch>/``, the branch from ``edit_uri``.

    Examples
    --------
    >>> blob_base("https://github.com/o/r/", "edit/main/docs/")
    'https://github.com/o/r/blob/main/'
    >>> blob_base("https://github.com/o/r", None), blob_base(None, "edit/main/docs/")
    ('https://github.com/o/r/blob/main/', None)
    """
    if not repo_url:
        return None
    branch = _BRANCH.match(edit_uri or "")
    return f"{repo_url.rstrip('/')}/blob/{branch[1] if branch else 'main'}/"


def source_link(base: str, include: str) -> str:
    """A small link to an included file in the repository, named by its file name only.

    Examples
    --------
    >>> source_link("https://x/blob/main/", "snippets/a_b.py")
    '<p class="lossnotes-source"><a href="https://x/blob/main/snippets/a_b.py" title="This example as a file, in the lossnotes repository"><code>a_b.py</code> (source)</a></p>'
    """
    name = PurePosixPath(include).name
    return (
        f'<p class="lossnotes-source"><a href="{html.escape(base + include)}" '
        f'title="This example as a file, in the lossnotes repository">'
        f"<code>{html.escape(name)}</code> (source)</a></p>"
    )


def linkable(include: str) -> bool:
    """An include that names a file of the repository (relative, not leaving it).

    Examples
    --------
    >>> linkable("snippets/a.py"), linkable("/tmp/a.py"), linkable("../a.py")
    (True, False, False)
    """
    path = PurePosixPath(include)
    return not path.is_absolute() and ".." not in path.parts and ":" not in include


def add_source_links(
    base: str | None, block: Block | None, options: dict[str, Any], rendered: str
) -> str:
    """``rendered`` (a block's HTML) with a link to each file its fence included.

    Only a block that shows its code gets links: right under the code for ``source="above"``
    or ``"below"``, after the whole block for the other layouts (tabs, console). A block
    that hides its code shows nothing to link from. markdown-exec hands over ``Markup``,
    which would escape plain text added to it: the result is ``Markup`` again.
    """
    shown = options.get("source", "")
    if base is None or block is None or not shown or not rendered:
        return rendered
    links = "".join(source_link(base, include) for include in block.includes if linkable(include))
    if not links:
        return rendered
    text = str(rendered)
    end = (
        text.find(_CODE_END)
        if shown == "above"
        else text.rfind(_CODE_END)
        if shown == "below"
        else -1
    )
    end = len(text) if end < 0 else end + len(_CODE_END)
    joined = text[:end] + links + text[end:]
    return Markup(joined) if isinstance(rendered, Markup) else joined  # our own HTML


def download_link(name: str) -> str:
    return (
        f'<p class="lossnotes-download"><a class="md-button" href="{name}" download '
        f'title="Download this page as a Jupyter notebook">Download as notebook</a></p>'
    )


def insert_after_title(page_html: str, snippet: str) -> str:
    """Put ``snippet`` right after the page's ``<h1>``, or first when there is none.

    Examples
    --------
    >>> insert_after_title("<h1>T</h1><p>x</p>", "<p>n</p>"), insert_after_title("<p>x</p>", "<p>n</p>")
    ('<h1>T</h1><p>n</p><p>x</p>', '<p>n</p><p>x</p>')
    """
    end = page_html.find("</h1>")
    if end < 0:
        return snippet + page_html
    end += len("</h1>")
    return page_html[:end] + snippet + page_html[end:]
