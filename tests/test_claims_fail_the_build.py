"""A claim of the prose is checked at build time: perturb a computation and the build fails on it.

The real page text and the real snippet are copied into a throw-away project; only a
learning rate in the snippet is changed. The build must then fail, naming the page, the
block and the sentence whose claim no longer holds. The unchanged copy builds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import ROOT, make_project, mkdocs_build

pytestmark = pytest.mark.build

PAGE = ROOT / "docs" / "chapter" / "adaptive-optimizers.md"
SNIPPET = ROOT / "snippets" / "adaptive_race.py"
CLAIM = "RMSProp rattles at the race's learning rate and settles at the smaller one"
RACE_RATES = '"ill_conditioned": (0.07, 0.02, 0.5, 0.1),'


def race_project(root: Path, snippet: str) -> Path:
    """The adaptive-optimizers page up to its race's claims, with ``snippet`` as the race."""
    text = PAGE.read_text()
    page = text[: text.index("## Bias correction")]
    assert '--8<-- "snippets/adaptive_race.py"' in page and CLAIM in page
    (root / "snippets").mkdir(parents=True)
    (root / "snippets" / "adaptive_race.py").write_text(snippet)  # found before the real one
    return make_project(root, {"index.md": "# Home\n", "adaptive.md": page})


def test_the_real_race_builds(tmp_path: Path) -> None:
    config = race_project(tmp_path, SNIPPET.read_text())
    result = mkdocs_build(config, tmp_path / "site", strict=False)  # links to absent pages warn
    assert result.returncode == 0, result.stderr[-3000:]
    assert "rattling" in (tmp_path / "site" / "adaptive" / "index.html").read_text()


def test_a_smaller_race_rate_fails_the_build_on_the_rattling_claim(tmp_path: Path) -> None:
    source = SNIPPET.read_text()
    assert source.count(RACE_RATES) == 1, "the race's rates moved: update this test"
    perturbed = source.replace(RACE_RATES, RACE_RATES.replace("0.1)", "0.02)"))
    config = race_project(tmp_path, perturbed)
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert re.search(r"adaptive\.md: executed block \d+ \(line \d+\) failed", result.stderr), (
        result.stderr[-3000:]
    )
    assert f"claim does not hold: {CLAIM}" in result.stderr
