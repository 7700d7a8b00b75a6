"""Readers run every example where they are (issue 16).

The home page and every page that runs a ``snippets/`` file say once, after the title,
how: ``pip install lossnotes==<the version built with>``, then ``python <file>.py``.
Each such example links to its file in the repository, and no text a reader sees names
a path of this repository. Every generated notebook installs lossnotes itself: it runs
top to bottom in a Jupyter kernel whose environment lacks the package.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
import yaml
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

import lossnotes
from lossnotes.mkdocs_plugin.execution.blocks import find_exec_blocks
from readerenv import build_wheel, fresh_venv, outside_env, pip
from sitebuild import ROOT

pytestmark = pytest.mark.build

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
REPO = CONFIG["repo_url"].rstrip("/")
SOURCES = sorted((ROOT / "docs").rglob("*.md"))
NOTE = re.compile(r'<p class="lossnotes-run">(.*?)</p>', re.S)
SOURCE_LINK = re.compile(r'<p class="lossnotes-source"><a href="([^"]+)"[^>]*>(.*?)</a></p>')
REPOSITORY_PATH = re.compile(r"\bsnippets/\S*")


def page_html(site: Path, source: Path) -> str:
    relative = source.relative_to(ROOT / "docs").with_suffix("")
    folder = relative.parent if relative.name == "index" else relative
    return (site / folder / "index.html").read_text()


def runs_snippets(source: Path) -> bool:
    return any(block.includes for block in find_exec_blocks(source.read_text()))


class VisibleText(HTMLParser):
    """The text a reader sees or hears: character data (code too), alt, title and aria-label."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "template"}:
            self.hidden += 1
        self.parts += [v for k, v in attrs if k in {"alt", "title", "aria-label"} and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"}:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    parser = VisibleText()
    parser.feed(markup)
    return "\n".join(parser.parts)


def test_the_version_is_the_one_released() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert lossnotes.__version__ == project["version"], "reinstall: pip install -e ."


def test_home_and_chapter_pages_say_once_how_to_run_the_examples(built_site: Path) -> None:
    expected = f"<code>pip install lossnotes=={lossnotes.__version__}</code>"
    chapters = [source for source in SOURCES if runs_snippets(source)]
    assert len(chapters) >= 10
    for source in SOURCES:
        name = source.relative_to(ROOT / "docs").as_posix()
        markup = page_html(built_site, source)
        notes = NOTE.findall(markup)
        if source in chapters or name == "index.md":
            assert len(notes) == 1, f"{name}: {len(notes)} notes on running the examples"
            assert expected in notes[0], f"{name}: {notes[0]}"
            assert "<code>python &lt;file&gt;.py</code>" in notes[0], name
            assert '</h1><p class="lossnotes-run">' in markup, (
                f"{name}: the note is not under the title"
            )
        else:
            assert not notes, f"{name} runs no example file but says how to"


def test_no_visible_text_names_a_path_of_the_repository(built_site: Path) -> None:
    found = set()
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site).as_posix()
        text = visible_text(path.read_text())
        found |= {(name, match) for match in REPOSITORY_PATH.findall(text)}
    for path in sorted(built_site.rglob("*.ipynb")):  # what a downloaded notebook shows
        name = path.relative_to(built_site).as_posix()
        cells = json.loads(path.read_text())["cells"]
        for cell in cells:
            source = "".join(cell["source"])
            text = visible_text(source) if cell["cell_type"] == "markdown" else source
            found |= {(name, match) for match in REPOSITORY_PATH.findall(text)}
    assert not found, sorted(found)
    assert not any("python snippets/" in text for _, text in found)


def test_each_example_links_to_its_file_in_the_repository(built_site: Path) -> None:
    linked = 0
    for source in SOURCES:
        name = source.relative_to(ROOT / "docs").as_posix()
        lines = source.read_text().splitlines()
        # A block that hides its code has nothing to link from.
        blocks = [b for b in find_exec_blocks(source.read_text()) if "source=" in lines[b.line - 1]]
        expected = [f"{REPO}/blob/main/{include}" for block in blocks for include in block.includes]
        markup = page_html(built_site, source)
        links = SOURCE_LINK.findall(markup)
        assert [href for href, _ in links] == expected, name
        for (href, text), include in zip(links, (i for b in blocks for i in b.includes)):
            assert (ROOT / include).is_file(), (
                f"{name} links to {href}, which is not in the repository"
            )
            assert html.unescape(text) == f"<code>{Path(include).name}</code> (source)", text
        # Under the code the reader sees, when the page shows it.
        shown = sum(len(b.includes) for b in blocks if 'source="above"' in lines[b.line - 1])
        assert markup.count('</code></pre></div><p class="lossnotes-source">') == shown, name
        linked += len(links)
    assert linked >= 70


@pytest.mark.xdist_group("reader-notebooks")
def test_every_notebook_installs_lossnotes_and_runs_where_it_is_missing(
    built_site: Path, tmp_path: Path
) -> None:
    """A Jupyter kernel in an environment with numpy and matplotlib but no lossnotes.

    pip may only take the wheel built here (no index): the install cell must name
    exactly the version of that wheel, which is the version the site was built with.
    """
    wheels = tmp_path / "wheels"
    build_wheel(wheels)
    python = fresh_venv(tmp_path / "reader", "ipykernel", "numpy", "matplotlib")
    kernels = tmp_path / "kernels"
    (kernels / "reader").mkdir(parents=True)
    (kernels / "reader" / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (a reader's, without lossnotes)",
                "language": "python",
            }
        )
    )
    env = outside_env(
        PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels), PIP_DISABLE_PIP_VERSION_CHECK="1"
    )
    pages = {p.relative_to(ROOT / "docs").with_suffix(".ipynb").name for p in SOURCES}
    sources = {p.name for p in (ROOT / "docs").rglob("*.ipynb")}  # mkdocs-jupyter's, not ours
    notebooks = [p for p in sorted(built_site.rglob("*.ipynb")) if p.name not in sources]
    assert len(notebooks) >= 10 and {p.name for p in notebooks} <= pages | {"lossnotes.ipynb"}
    work = tmp_path / "work"  # an empty folder: the repository is nowhere in reach
    work.mkdir()
    for path in notebooks:
        name = path.relative_to(built_site).as_posix()
        pip(python, "uninstall", "--yes", "--quiet", "lossnotes", env=env)
        missing = subprocess.run(
            [str(python), "-c", "import lossnotes"], env=env, cwd=work, capture_output=True
        )
        assert missing.returncode != 0, "lossnotes is still importable in the reader's environment"
        notebook = nbformat.read(path, as_version=4)
        manager = KernelManager(
            kernel_name="reader", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)])
        )
        client = NotebookClient(
            notebook, km=manager, timeout=300, resources={"metadata": {"path": str(work)}}
        )
        client.execute(env=env)
        errors = [
            o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"
        ]
        assert not errors, f"{name}: {errors}"
        listed = pip(python, "list", "--format=freeze", env=env)
        assert f"lossnotes=={lossnotes.__version__}" in listed.lower(), f"{name}: {listed}"
