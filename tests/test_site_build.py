"""The real site builds strictly, with its generated content and nothing it must not publish."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from sitebuild import ROOT, mkdocs_build

pytestmark = pytest.mark.build

REAL_TRACEBACK = re.compile(r"Traceback \(most recent call last\):\s*(?:\\n|<[^>]*>|\s)*File ")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_worked_example_has_its_figure_and_tables(built_site: Path) -> None:
    html = (built_site / "chapter" / "worked-example" / "index.html").read_text()
    assert html.count('<svg role="img"') >= 1, "the MSE surface figure is missing"
    assert html.count("<table>") >= 2, "the step table or the metric table is missing"
    # The step table lists the last step, computed at build time.
    assert re.search(r"<td[^>]*>1000</td>", html)


def test_home_page_reports_the_build_versions(built_site: Path) -> None:
    import numpy

    html = (built_site / "index.html").read_text()
    assert f"numpy {numpy.__version__}" in html


def test_notebook_is_rendered_executed_and_downloadable(built_site: Path) -> None:
    page = built_site / "notebooks" / "mse-gradient" / "index.html"
    html = page.read_text()
    assert "gradient descent: w=0.618" in html, "the notebook's output is missing"
    assert "data:image/png;base64" in html, "the notebook's figure is missing"
    assert (built_site / "notebooks" / "mse-gradient" / "mse-gradient.ipynb").is_file()
    assert 'href="mse-gradient.ipynb"' in html, "the download link is missing"


def test_math_and_fonts_are_served_locally(built_site: Path) -> None:
    assert (built_site / "assets" / "katex" / "katex.min.css").is_file()
    # math is typeset at build time, the terrain explorer's too: no page needs KaTeX's script
    assert not (built_site / "assets" / "katex" / "katex.min.js").exists()
    assert list((built_site / "assets" / "katex" / "fonts").glob("*.woff2"))
    for page in pages(built_site):
        text = page.read_text()
        for url in re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", text):
            tag_context = text[max(0, text.find(url) - 80) : text.find(url)]
            assert "<a " in tag_context or '<link rel="canonical"' in tag_context, (
                f"{page.relative_to(built_site)} loads {url} from another host"
            )
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        # Nor by an inline module (mkdocs-jupyter's Mermaid loader imported from a CDN).
        for script in re.findall(r"<script\b[^>]*>(.*?)</script>", text, re.S):
            assert not re.search(r"""\bimport\b[\s(]*["']https?://""", script), (
                f"{page.relative_to(built_site)} has a script importing from another host"
            )
        assert "katex.min.js" not in text, f"{page.relative_to(built_site)} loads KaTeX's script"


def test_no_traceback_or_local_path_is_published(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".json", ".xml", ".js", ".ipynb", ".txt"}:
            continue
        text = path.read_text(errors="replace")
        name = path.relative_to(built_site)
        # A real traceback lists frames; a doctest in the API reference shows only "...".
        assert not REAL_TRACEBACK.search(text), f"{name} shows a traceback"
        assert str(ROOT) not in text, f"{name} contains the local path {ROOT}"
        assert "site-packages" not in text, f"{name} contains an installation path"


def test_two_clean_builds_are_identical(built_site: Path, tmp_path: Path) -> None:
    second = tmp_path / "again"
    result = mkdocs_build(ROOT / "mkdocs.yml", second)
    assert result.returncode == 0, result.stderr[-3000:]
    compared = filecmp.dircmp(built_site, second)
    differences: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str = "") -> None:
        differences.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(compared)
    # The build report's content is the timing of its own build, so it alone may differ;
    # it is kept out of the search index so that the index stays identical.
    differences = [name for name in differences if name != "build-report/index.html"]
    assert not differences, f"files differ between two builds: {differences[:20]}"


STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def test_each_page_loads_its_own_styles_in_one_request(built_site: Path) -> None:
    """Material's two sheets, then one joined sheet holding every extra_css file in order."""
    config = (ROOT / "mkdocs.yml").read_text()
    extra = re.search(r"^extra_css:\n((?:  - .*\n)+)", config, re.M)[1].split()[1::2]
    for page in sorted(built_site.rglob("index.html")):
        name = page.relative_to(built_site).as_posix()
        sheets = STYLESHEET.findall(page.read_text())
        assert len(sheets) == 3 and "/main." in sheets[0] and "/palette." in sheets[1], (
            f"{name}: {sheets}"
        )
        joined = (page.parent / sheets[2]).resolve()
        css = joined.read_text()
        parts = re.findall(r"^/\* (\S+\.css) \*/$", css, re.M)
        assert [part for part in parts if part in extra] == extra, f"{name}: {parts} lacks {extra}"
        targets = []
        for part in parts:  # each original, whole, with relative url()s rewritten
            original = (built_site / part).read_text()
            assert re.sub(r"url\([^)]*\)", "url()", original) in re.sub(
                r"url\([^)]*\)", "url()", css
            ), part
            targets += [((built_site / part).parent / url).resolve() for url in css_urls(original)]
        # Every url() reaches the file its original sheet reached.
        assert [(joined.parent / url).resolve() for url in css_urls(css)] == targets, name


def css_urls(css: str) -> list[str]:
    urls = (url.strip("'\"") for url in re.findall(r"url\(([^)]+)\)", css))
    return [url for url in urls if not re.match(r"[a-z]+:|#|/", url)]


def test_every_table_header_cell_names_its_column(built_site: Path) -> None:
    """An empty corner header leaves the first column's cells without a header (td-has-header)."""
    empty = [
        f"{page.relative_to(built_site)}: {header}"
        for page in pages(built_site)
        for header in re.findall(r"<th\b[^>]*>\s*</th>", page.read_text())
    ]
    assert not empty, "\n".join(empty)


def test_every_page_links_to_its_source_and_fetches_no_repository_facts(built_site: Path) -> None:
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    repo = config["repo_url"].rstrip("/")
    sources = sorted(p for p in (ROOT / "docs").rglob("*") if p.suffix in {".md", ".ipynb"})
    assert sources
    for source in sources:
        relative = source.relative_to(ROOT / "docs").as_posix()
        stem = relative.removesuffix(source.suffix)
        folder = "" if stem == "index" else stem.removesuffix("/index") + "/"
        html = (built_site / folder / "index.html").read_text()
        assert f'href="{repo}/edit/main/docs/{relative}"' in html, f"{relative}: no edit link"
        assert f'href="{repo}/raw/main/docs/{relative}"' in html, f"{relative}: no view link"
        # Material's script asks GitHub's API for stars and forks of a data-md-component="source".
        assert 'data-md-component="source"' not in html, f"{relative}: repository facts fetched"
        assert f'<a href="{repo}" title=' in html, f"{relative}: no repository link"
