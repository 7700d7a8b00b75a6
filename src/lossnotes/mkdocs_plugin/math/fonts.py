"""Cut KaTeX's web fonts down to the characters the site's formulas draw.

KaTeX's CSS points at twenty WOFF2 fonts; a page downloads those its formulas use, and
each holds every glyph of its family (up to 28 KB). Once every page is written, each
font the site serves is replaced by a subset holding the union of the characters drawn
by all the build's formulas (the text of their visible markup, see
:func:`.katex.glyphs`) and :data:`ALWAYS`. One union for every font is a little
generous (a Fraktur font keeps the Latin letters of the prose formulas) but cannot
drop a glyph that a formula draws in a font we did not predict. Formulas draw exactly
as with the full fonts (compared pixel by pixel in Chromium, light and dark, 1280 and
390 px wide).

Subsets are written with ``recalcTimestamp=False``, so a build is byte-for-byte
reproducible, and cached by the source font, the characters and fontTools' version.
"""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

from ..files import write_atomic

log = logging.getLogger("mkdocs.plugins.lossnotes")

#: FreeType's auto-hinter (Chromium and Firefox on Linux and Android) sets a font's blue
#: zones from these Latin and Greek letters (its afblue.dat) when the font has them: without
#: them a kept glyph would be hinted differently, a pixel off here and there.
HINTING = "THEZOCQSHEZLOCUSfijkdbhxzroescpqgjyΓΒΕΖΘΟΩΒΔΖΞΘΟβθδζλξαειοπστωβγημρφχψ"
#: Kept in every subset: equation numbers, which KaTeX's CSS draws as "(" counter ")",
#: and the hinting references.
ALWAYS = "()0123456789" + HINTING
#: Bump when the subsetting options below change.
VERSION = "2"


def subset(data: bytes, characters: str) -> bytes:
    """A WOFF2 font with only the glyphs of ``characters`` (and .notdef) from ``data``.

    Examples
    --------
    >>> import fontTools.ttLib as tt
    >>> font = Path(__file__).resolve().parents[4] / "node_modules/katex/dist/fonts/KaTeX_Main-Regular.woff2"
    >>> small = subset(font.read_bytes(), "x+1")
    >>> sorted(chr(c) for c in tt.TTFont(io.BytesIO(small)).getBestCmap())
    ['+', '1', 'x']
    """
    from fontTools import subset as ftsubset
    from fontTools.ttLib import TTFont

    options = ftsubset.Options()
    options.layout_features = ["*"]  # keep whatever KaTeX's fonts carry
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in characters}))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def available() -> str | None:
    """Why fonts cannot be subset here (fontTools or brotli missing), or ``None``."""
    try:
        import brotli  # noqa: F401  (fontTools writes WOFF2 with it)
        import fontTools  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed"
    return None


class FontSubsets:
    """Subsets kept in memory (across ``mkdocs serve`` rebuilds) and on disk.

    Parameters
    ----------
    cache_dir : Path
        Where the on-disk cache lives (a ``katex-fonts`` folder is made in it).
    """

    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / "katex-fonts"
        self.memory: dict[str, bytes] = {}

    def write(
        self, sources: list[Path], target: Path, characters: str, *, clean: bool
    ) -> tuple[int, int]:
        """Write the subset of each source font into ``target``; bytes before and after."""
        import fontTools

        wanted = "".join(sorted(set(characters) | set(ALWAYS)))
        before = after = 0
        for source in sources:
            data = source.read_bytes()
            key = hashlib.sha256(
                b"\0".join([data, wanted.encode(), fontTools.version.encode(), VERSION.encode()])
            ).hexdigest()
            small = self.memory.get(key) or (None if clean else self._load(key))
            if small is None:
                small = subset(data, wanted)
                self._store(key, small)
            self.memory[key] = small
            (target / source.name).write_bytes(small)
            before, after = before + len(data), after + len(small)
        return before, after

    def _load(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}.woff2").read_bytes()
        except OSError:
            return None

    def _store(self, key: str, data: bytes) -> None:
        try:
            write_atomic(self.folder / f"{key}.woff2", data)
        except OSError:
            pass  # a cache that cannot be written only costs time
