"""Every page with executed blocks offers "Download as notebook", and every such notebook runs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import lossnotes
from lossnotes.mkdocs_plugin.execution.blocks import find_exec_blocks
from sitebuild import ROOT, build_env, make_project, mkdocs_build

pytestmark = pytest.mark.build

PAGE = """\
# Notebook probe

Some prose with math $x^2$.

```python exec="1" session="nb" source="above"
--8<-- "snippets/nbprobe_snippet.py"
total = sum(values)  # markdown-exec: hide
print(f"total is {total}")
```

More prose.

```python exec="1" session="nb" html="1"
from lossnotes.figures import subplots, to_svg
fig, ax = subplots()
ax.plot(values)
print(to_svg(fig, alt="The values"))
```

```python
# not executed: stays in the prose
```
"""

LINK = re.compile(
    r'<a class="md-button" href="([^"]+\.ipynb)" download[^>]*>Download as notebook</a>'
)


def run_notebook(path: Path) -> nbformat.NotebookNode:
    """Execute a notebook top to bottom in a fresh kernel, from the project root."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    return notebook


def test_generated_notebook_matches_the_page_and_runs(tmp_path: Path) -> None:
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "nbprobe_snippet.py").write_text("values = [3, 1, 4, 1, 5]\n")
    config = make_project(tmp_path, {"index.md": "# Home\n\nNo code here.\n", "probe.md": PAGE})
    result = mkdocs_build(config, tmp_path / "site", env=build_env(LOSSNOTES_CLEAN="1"))
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "probe" / "index.html").read_text()
    links = LINK.findall(html)
    assert links == ["probe.ipynb"]
    assert html.index("Download as notebook") > html.index("</h1>")
    assert not LINK.search((tmp_path / "site" / "index.html").read_text())  # no executed blocks

    notebook = nbformat.read(tmp_path / "site" / "probe" / "probe.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    prose = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert notebook.cells[0].cell_type == "code"  # first of all: install lossnotes if missing
    assert f'"lossnotes=={lossnotes.__version__}"' in code[0]
    assert 'find_spec("lossnotes") is None' in code[0]
    assert len(code) == 4  # install, set-up, then the two executed blocks
    assert "values = [3, 1, 4, 1, 5]" in code[2] and "--8<--" not in code[2]
    assert "total = sum(values)" in code[2] and "markdown-exec" not in code[2]
    assert "Some prose with math $x^2$." in prose and "More prose." in prose
    assert "# not executed: stays in the prose" in prose

    executed = run_notebook(tmp_path / "site" / "probe" / "probe.ipynb")
    outputs = [cell.outputs for cell in executed.cells if cell.cell_type == "code"]
    assert outputs[0] == []  # lossnotes is installed here: the install cell says nothing
    assert outputs[2][0]["data"]["text/markdown"].strip() == "total is 14"
    figure = outputs[3][0]["data"]["text/html"]
    assert figure.startswith('<figure class="lossnotes-figure"><svg') and "currentColor" in figure


def test_every_page_with_executed_blocks_offers_a_notebook_that_runs(built_site: Path) -> None:
    offered = 0
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").with_suffix("")
        folder = relative.parent if relative.name == "index" else relative
        html = (built_site / folder / "index.html").read_text()
        links = LINK.findall(html)
        assert len(links) == (1 if find_exec_blocks(source.read_text()) else 0), source
        for link in links:
            offered += 1
            notebook = run_notebook(built_site / folder / link)
            errors = [
                o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"
            ]
            assert not errors, f"{folder / link}: {errors}"
            nbformat.validate(notebook)
            first = notebook.cells[0]
            assert first.cell_type == "code" and "pip" in first.source, (
                f"{folder / link}: no install cell"
            )
            assert first.outputs == [], f"{folder / link}: the install cell is not silent"
    assert offered >= 1
