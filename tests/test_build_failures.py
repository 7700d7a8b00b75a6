"""A page whose code fails makes the build fail, naming the page and the block."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
import yaml

from sitebuild import make_project, mkdocs_build

pytestmark = pytest.mark.build

FAILING_PAGE = """
# A page with a bad block

Some prose.

```python exec="1"
print("fine")
```

More prose.

```python exec="1" title="divide"
numerator = 1
print(numerator / 0)
```
"""


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_failing_block_fails_the_build_and_names_page_and_block(
    tmp_path: Path, strict: bool
) -> None:
    config = make_project(tmp_path, {"index.md": "# Home\n", "broken.md": FAILING_PAGE})
    result = mkdocs_build(config, tmp_path / "site", strict=strict)
    assert result.returncode != 0
    message = result.stderr
    assert "broken.md: executed block 2 (line 12, title 'divide') failed" in message
    assert "ZeroDivisionError: division by zero" in message
    built = tmp_path / "site" / "broken" / "index.html"
    assert not built.exists() or "Traceback" not in built.read_text()


def test_failing_notebook_fails_the_build_and_names_it(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [nbformat.v4.new_code_cell("1 / 0")]
    pages = {"index.md": "# Home\n", "bad.ipynb": json.dumps(nbformat.from_dict(notebook))}
    config = make_project(tmp_path, pages)
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "bad.ipynb: notebook execution failed in code cell 1 (`1 / 0`): ZeroDivisionError" in (
        result.stderr
    )


def test_a_passing_project_builds(tmp_path: Path) -> None:
    """The counterpart of the tests above: the same set-up without the bad block passes."""
    page = FAILING_PAGE.replace("numerator / 0", "numerator / 2")
    config = make_project(tmp_path, {"index.md": "# Home\n", "fine.md": page})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "0.5" in (tmp_path / "site" / "fine" / "index.html").read_text()


LINKING_PAGE = """
# Links printed by a block

```python exec="1"
print("See [the other page](other.md#part) and [a missing one](TARGET).")
```
"""


def test_links_printed_by_blocks_are_resolved_like_the_page_s_own(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "links.md": LINKING_PAGE.replace("TARGET", "other.md"),
        "other.md": "# Other\n\n## Part\n",
    }
    config = make_project(tmp_path, pages)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "links" / "index.html").read_text()
    # The article after its title: the edit and view actions before it link to the .md source.
    article = html.split('class="md-content"')[1].split("</h1>", 1)[1].split("</article>")[0]
    assert 'href="../other/#part"' in article and ".md" not in article


def test_a_block_linking_to_a_missing_page_fails_the_strict_build(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "links.md": LINKING_PAGE.replace("TARGET", "missing.md"),
        "other.md": "# Other\n\n## Part\n",
    }
    config = make_project(tmp_path, pages)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "links.md: executed block 1 (line 4) links to 'missing.md', which is not a page"
        in result.stderr
    )


@pytest.mark.parametrize("installed", ["9.9.0", "10.0", "9.8.1"])
def test_an_unknown_version_of_a_library_whose_internals_the_plugin_uses_stops_the_build(
    monkeypatch: pytest.MonkeyPatch, installed: str
) -> None:
    import importlib.metadata

    from mkdocs.exceptions import PluginError

    from lossnotes.mkdocs_plugin import thirdparty

    known = importlib.metadata.version

    def version(name: str) -> str:
        return installed if name == "mkdocs-material" else known(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    # Only this library: the others are checked against whatever this machine has.
    monkeypatch.setattr(thirdparty, "SUPPORTED", {"mkdocs-material": (9, 8)})
    if installed == "9.8.1":
        thirdparty.check_versions()  # the tested series passes
        return
    with pytest.raises(PluginError) as raised:
        thirdparty.check_versions()
    message = str(raised.value)
    assert f"mkdocs-material {installed} is installed" in message
    assert "supported: >=9.8,<9.9" in message


OLD_PAGE = "# Old\n\n## Kept\n\nStill here.\n"
NEW_PAGE = "# New\n\n## Moved away\n\nNow here.\n"


def with_moved_anchors(config: Path, moved: dict) -> None:
    settings = yaml.safe_load(config.read_text())
    settings["plugins"] = [
        {"lossnotes": {**p["lossnotes"], "moved_anchors": moved}}
        if isinstance(p, dict) and "lossnotes" in p
        else p
        for p in settings["plugins"]
    ]
    config.write_text(yaml.dump(settings, sort_keys=False))


def test_wrong_moved_anchors_fail_the_build_naming_each_entry(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, {"index.md": "# Home\n", "old.md": OLD_PAGE, "new.md": NEW_PAGE}
    )
    moved = {"old.md": {"new.md": ["moved-away", "no-such-heading", "kept"], "gone.md": ["x"]}}
    with_moved_anchors(config, moved)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    for line in (
        "old.md#no-such-heading -> new.md: 'new.md' has no anchor '#no-such-heading'",
        "old.md#kept -> new.md: 'new.md' has no anchor '#kept'",
        "old.md#kept -> new.md: 'old.md' still has '#kept', so the entry is stale",
        "old.md#x -> gone.md: 'gone.md' is not a page of the site",
    ):
        assert line in result.stderr, result.stderr[-3000:]
    assert "moved-away" not in result.stderr  # the right entry is not reported


def test_moved_anchors_give_the_old_page_its_map(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, {"index.md": "# Home\n", "old.md": OLD_PAGE, "new.md": NEW_PAGE}
    )
    with_moved_anchors(config, {"old.md": {"new.md": ["moved-away"]}})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    old = (tmp_path / "site" / "old" / "index.html").read_text()
    assert (
        '<div hidden data-lossnotes-moved="{&quot;moved-away&quot;:&quot;../new/#moved-away&quot;}">'
        in old
    )
    assert "data-lossnotes-moved" not in (tmp_path / "site" / "new" / "index.html").read_text()
