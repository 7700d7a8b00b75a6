"""Build report, per-page log lines and guard rails (time limit, state reset between pages)."""

from __future__ import annotations

import html as htmllib
import json
import random
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from lossnotes.figures import STYLE
from sitebuild import build_env, make_project, mkdocs_build

pytestmark = pytest.mark.build

FAST_AND_SLOW = """\
# Timing

```python exec="1" title="quick"
print("quick block")
```

```python exec="1" title="slowish"
import time
time.sleep(0.6)
print("slow block")
```
"""


def clean_env(**extra: str) -> dict[str, str]:
    return build_env(LOSSNOTES_CLEAN="1", **extra)


def test_log_line_per_page_and_report_lists_every_block(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "timing.md": FAST_AND_SLOW}
    nav = [{"Home": "index.md"}, {"Timing": "timing.md"}, {"Build report": "build-report.md"}]
    config = make_project(tmp_path, pages, nav=nav)
    result = mkdocs_build(config, tmp_path / "site", env=clean_env())
    assert result.returncode == 0, result.stderr[-3000:]
    line = re.search(
        r"INFO\s+-\s+lossnotes: timing\.md: 2 blocks, 0 cached, ([0-9.]+) s", result.stderr
    )
    assert line and float(line[1]) >= 0.6
    assert re.search(r"lossnotes: index\.md: 0 blocks, 0 cached", result.stderr)

    report = (tmp_path / "site" / "build-report" / "index.html").read_text()
    assert "Slowest blocks" in report and "Every block" in report
    tables = re.findall(r'<table class="lossnotes-report">(.*?)</table>', report, re.S)
    assert len(tables) == 2
    rows = [
        re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", tables[1])
    ]
    rows = [row for row in rows if row]  # the header row has <th> cells
    assert [(re.sub("<[^>]+>", "", r[0]), r[1], r[2], r[3]) for r in rows] == [
        ("timing.md", "block 1, line 3", "quick", "ran"),
        ("timing.md", "block 2, line 7", "slowish", "ran"),
    ]
    assert float(rows[1][4]) >= 0.6 > float(rows[0][4])
    slowest = re.findall(r"<td>(block \d[^<]*)</td>", tables[0])
    assert slowest[0] == "block 2, line 7"
    assert '<a href="../timing/">' in report
    # Its text changes with every build's timings: it stays out of the search index.
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("timing/") for location in locations)
    assert not any(location.startswith("build-report/") for location in locations)

    # Cached on the next build, and the report says so.
    again = mkdocs_build(config, tmp_path / "site", env=build_env(LOSSNOTES_CLEAN="0"))
    assert again.returncode == 0, again.stderr[-3000:]
    assert re.search(r"lossnotes: timing\.md: 2 blocks, 2 cached", again.stderr)
    report = (tmp_path / "site" / "build-report" / "index.html").read_text()
    assert report.count("<td>cached</td>") == 2 * 2  # in both tables


TIMEOUT_PAGE = """\
# Slow page

```python exec="1" timeout="20"
import time
time.sleep(1.5)
print("allowed to take its time")
```

Prose.

```python exec="1" title="runaway"
while True:
    pass
```
"""


def test_block_over_its_time_limit_fails_the_build_naming_page_and_block(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"index.md": "# Home\n", "slow.md": TIMEOUT_PAGE})
    settings = yaml.safe_load(config.read_text())
    settings["plugins"] = [
        {"lossnotes": {**p["lossnotes"], "timeout": 1}}
        if isinstance(p, dict) and "lossnotes" in p
        else p
        for p in settings["plugins"]
    ]
    config.write_text(yaml.dump(settings, sort_keys=False))
    result = mkdocs_build(config, tmp_path / "site", strict=False, env=clean_env())
    assert result.returncode != 0
    assert (
        "slow.md: executed block 2 (line 11, title 'runaway') failed: "
        "TimeoutError: killed after 1 s, its time limit"
    ) in result.stderr
    assert (
        "block 1"
        not in result.stderr.split("slow.md: executed", 1)[1].split("\n")[0].split("failed")[0]
    )


LEAKY_PAGE = """\
# Leaky

```python exec="1" session="shared"
import random
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
matplotlib.rcParams["lines.linewidth"] = 7.5
np.random.seed(123)
random.seed(123)
plt.figure()
secret = "from the leaky page"
print("leaky page ran")
```
"""

PROBE_PAGE = """\
# Probe

```python exec="1" session="shared"
import random
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
print(f"linewidth={matplotlib.rcParams['lines.linewidth']!r}")
print(f"numpy={np.random.rand()!r}")
print(f"random={random.random()!r}")
print(f"figures={len(plt.get_fignums())}")
print(f"secret={'secret' in globals()}")
```
"""


def test_nothing_leaks_from_one_page_into_the_next(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, {"index.md": "# Home\n", "leaky.md": LEAKY_PAGE, "probe.md": PROBE_PAGE}
    )
    result = mkdocs_build(config, tmp_path / "site", env=clean_env())
    assert result.returncode == 0, result.stderr[-3000:]
    assert "leaky page ran" in (tmp_path / "site" / "leaky" / "index.html").read_text()
    text = htmllib.unescape((tmp_path / "site" / "probe" / "index.html").read_text())
    np.random.seed(0)
    random.seed(0)
    assert f"linewidth={STYLE['lines.linewidth']!r}" in text
    assert f"numpy={np.random.rand()!r}" in text
    assert f"random={random.random()!r}" in text
    assert "figures=0" in text
    assert "secret=False" in text
