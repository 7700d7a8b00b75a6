"""Inline values in the prose and claims in the build report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import build_env, make_project, mkdocs_build

pytestmark = pytest.mark.build

PAGE = """\
# Inline

```python exec="1" session="s"
from lossnotes.pages import claim
steps = [0.5, 0.25, 0.125]
claim(steps[-1] < steps[0], "the steps shrink")
print("computed")
```

The run took {{ len(steps) }} steps and ended at {{ steps[-1]:.3f }}.

```python exec="1" session="s"
steps.append(0.0625)
claim(len(steps) == 4, "one more step")
```

Now {{ len(steps) }} steps. Code is left alone: `{{ not_evaluated }}`.

```text
{{ nor_this }}
```
"""


def test_inline_values_are_computed_in_their_session_and_code_is_left_alone(
    tmp_path: Path,
) -> None:
    nav = [{"Home": "index.md"}, {"Inline": "inline.md"}, {"Report": "build-report.md"}]
    config = make_project(tmp_path, {"index.md": "# Home\n", "inline.md": PAGE}, nav=nav)
    result = mkdocs_build(config, tmp_path / "site", env=build_env(LOSSNOTES_CLEAN="1"))
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "inline" / "index.html").read_text()
    text = re.sub(r"<[^>]+>", "", html)
    assert "The run took 3 steps and ended at 0.125." in text
    assert "Now 4 steps." in text, "an inline value sees the blocks above it only"
    assert "{{ not_evaluated }}" in text and "{{ nor_this }}" in text
    report = (tmp_path / "site" / "build-report" / "index.html").read_text()
    assert "2 claims on 1 pages." in report
    assert "<li>the steps shrink</li>" in report and "<li>one more step</li>" in report
    # Cached: the same page and report from the cache.
    again = mkdocs_build(config, tmp_path / "site", env=build_env(LOSSNOTES_CLEAN="0"))
    assert again.returncode == 0 and "0 ran" in again.stderr
    assert (tmp_path / "site" / "inline" / "index.html").read_text() == html
    assert "2 claims on 1 pages." in (tmp_path / "site" / "build-report" / "index.html").read_text()


def test_an_inline_value_without_a_session_or_that_raises_fails_naming_it(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "alone.md": "# Alone\n\nNo block above: {{ 1 + 1 }}.\n",
        "raises.md": '# Raises\n\n```python exec="1" session="r"\nx = 1\n```\n\nSee {{ x / 0 }}.\n',
        "false.md": (
            '# False\n\n```python exec="1"\nfrom lossnotes.pages import claim\n'
            'claim(1 > 2, "one exceeds two")\n```\n'
        ),
    }
    config = make_project(tmp_path, pages)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    log = result.stderr
    assert "alone.md: inline value 1 (line 3, '{{ 1 + 1 }}') has no session" in log
    assert (
        "raises.md: inline value 1 (line 7, '{{ x / 0 }}') failed: ZeroDivisionError: division by zero"
        in log
    )
    assert (
        "false.md: executed block 1 (line 3) failed: "
        "lossnotes.pages.claims.ClaimError: claim does not hold: one exceeds two at line 2 of the block"
    ) in log


FIGURE_PAGE = """\
# Moving

```python exec="1" html="1"
from lossnotes.figures import interactive_figure, subplots


def draw(slope):
    fig, ax = subplots(figsize=(3, 2))
    ax.plot([0, 1], [0, slope])
    return fig


print(interactive_figure(draw, [0.5, 1.0, 2.0], label="slope", alt="A line of three slopes"))
```
"""


def test_the_build_report_lists_each_figure_you_can_move_with_its_frames(tmp_path: Path) -> None:
    nav = [{"Home": "index.md"}, {"Moving": "moving.md"}, {"Report": "build-report.md"}]
    config = make_project(tmp_path, {"index.md": "# Home\n", "moving.md": FIGURE_PAGE}, nav=nav)
    for clean in ("1", "0"):  # computed, then from the cache: the same row
        result = mkdocs_build(config, tmp_path / "site", env=build_env(LOSSNOTES_CLEAN=clean))
        assert result.returncode == 0, result.stderr[-3000:]
        report = (tmp_path / "site" / "build-report" / "index.html").read_text()
        row = re.search(r"<tr><td[^>]*><a [^>]*>moving\.md</a></td>(.*?)</tr>", report)
        assert row is not None, "the figure is not in the report"
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row[1])
        assert cells[:3] == ["block 1, line 3", "A line of three slopes", "3"]
        assert float(cells[3]) > 0
