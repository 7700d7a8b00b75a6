"""Serve KaTeX from the site itself and keep third-party scripts out of the pages.

KaTeX comes from the npm registry (``package.json``; ``dev.py`` runs ``npm ci``). Math
is typeset at build time (:mod:`..math.katex`), so pages need KaTeX's style sheet and fonts
(subset by :mod:`..math.fonts`), never its script (the terrain explorer's formulas are
typeset at build time too), which the site therefore does not serve. mkdocs-jupyter's notebook template adds MathJax and
Mermaid from public CDNs; we remove those tags because the site must make no
third-party request and the notebooks' math is typeset at build time too.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

KATEX_FILES = ("katex.min.css",)
KATEX_DEST = "assets/katex"
# A page's <script> and <link> tags, each then judged by _CDN_SCRIPT: one linear pass
# over the page (trying the judge's alternatives at every "<" of a large page is slow).
_TAG = re.compile(r"<script\b[^>]*>.*?</script>|<link\b[^>]*>", re.S | re.I)
_CDN_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc=[\"'](?:https?://[^\"']*)?[\"'][^>]*>\s*</script>"  # remote or empty src
    r"|<script\b[^>]*type=[\"']text/x-mathjax-config[\"'][^>]*>.*?</script>"  # MathJax's settings
    # An inline module importing from another host (mkdocs-jupyter's Mermaid loader).
    r"|<script\b[^>]*>(?:(?!</script>).)*?\bimport\b[\s(]*[\"']https?://(?:(?!</script>).)*?</script>"
    r"|<link\b[^>]*\bhref=[\"']https?://[^\"']*[\"'][^>]*>",
    re.S | re.I,
)


def _node_modules(config: MkDocsConfig, node_modules: str) -> Path:
    """The folder ``npm ci`` filled, relative to ``mkdocs.yml`` unless absolute."""
    return Path(config.config_file_path).parent / node_modules


def katex_dir(config: MkDocsConfig, node_modules: str) -> Path:
    """The ``katex`` npm package folder."""
    return _node_modules(config, node_modules) / "katex"


def katex_fonts(config: MkDocsConfig, node_modules: str) -> list[Path]:
    """KaTeX's WOFF2 fonts, served under ``assets/katex/fonts/``."""
    return sorted((katex_dir(config, node_modules) / "dist" / "fonts").glob("*.woff2"))


def add_katex(files: Files, config: MkDocsConfig, node_modules: str) -> Files:
    """Add KaTeX's style sheet and fonts to the site's files."""
    source = katex_dir(config, node_modules) / "dist"
    if not (source / "katex.min.js").is_file():
        raise PluginError(
            f"KaTeX not found in {source}: run 'python3 dev.py serve' (or 'npm ci') to install it"
        )
    wanted = [source / name for name in KATEX_FILES]
    wanted += katex_fonts(config, node_modules)
    for path in wanted:
        relative = path.relative_to(source).as_posix()
        files.append(
            File(
                relative,
                str(source),
                config.site_dir,
                config.use_directory_urls,
                dest_uri=f"{KATEX_DEST}/{relative}",
            )
        )
    return files


# Third-party scripts that a single page loads itself (never extra_javascript): npm
# package folder under node_modules, file in it, destination in the site.
VENDOR_SCRIPTS = (
    ("plotly.js-gl3d-dist-min", "plotly-gl3d.min.js", "assets/vendor/plotly-gl3d.min.js"),
)


def add_vendor_scripts(files: Files, config: MkDocsConfig, node_modules: str) -> Files:
    """Add the page-level third-party scripts of :data:`VENDOR_SCRIPTS` to the site."""
    root = _node_modules(config, node_modules)
    for package, name, dest in VENDOR_SCRIPTS:
        if not (root / package / name).is_file():
            raise PluginError(
                f"{package}/{name} not found in {root}: run 'python3 dev.py serve' "
                "(or 'npm ci') to install it"
            )
        files.append(
            File(
                name, str(root / package), config.site_dir, config.use_directory_urls, dest_uri=dest
            )
        )
    return files


@functools.lru_cache(maxsize=64)  # serve's rebuilds pass the same pages again: ~0.1 s a rebuild
def strip_cdn_scripts(html: str) -> str:
    """Remove ``<script>`` and ``<link>`` tags that load from another host.

    Examples
    --------
    >>> strip_cdn_scripts('<p>x</p><script src="https://cdn.example/m.js"></script>')
    '<p>x</p>'
    >>> strip_cdn_scripts('<script src=""></script><script src="local.js"></script>')
    '<script src="local.js"></script>'
    >>> strip_cdn_scripts('<script type="module">await import("https://cdn.example/m.mjs")</script><p>')
    '<p>'
    """
    return _TAG.sub(lambda tag: "" if _CDN_SCRIPT.fullmatch(tag[0]) else tag[0], html)
