"""A result typed into the prose is a defect: numbers a reader sees come from executed blocks.

Prose is the Markdown of a page outside fenced code blocks (executed or shown), inline
code, HTML comments, link targets and inline values (``{{ expression }}``, computed in the
page's session at build time; an inline value that is a bare literal, ``{{ 0.42 }}``, is
a typed result all the same and fails). In it, this test looks for every way of stating a
result with digits: decimals and scientific notation, percentages, thousands ("28,002"),
counts with a unit ("200 steps", "400 datasets"), shares ("3 of 40,000") and factors
("6×"). The only numbers allowed there are those the text *defines*:

- constants of the field (Adam's defaults and the like), listed in ``ALLOWED``;
- a set-up the page states before computing with it ("each runs 1,000 steps"), listed
  per page in ``DEFINED``; every such number must also be a literal in the page's code
  (its blocks and the snippets they include), so a result cannot hide there;
- years and figure or equation numbers, which none of the patterns match.

Anything else must be printed by a block.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))

#: Constants that are definitions, not results: Adam/RMSProp defaults and the like.
ALLOWED = {"0.9", "0.99", "0.999", "1e-8", "10^{-8}", "1e-10", "0.5", "0.01", "0.001", "1e-3"}

#: Per page, the set-up it states in words before computing with it (hyper-parameters,
#: sizes of data sets, the question's own numbers). Each value is a literal in the code.
DEFINED: dict[str, set[str]] = {
    "chapter/adaptive-optimizers.md": {"1,000 steps", "100 steps", "20 steps"},
    "chapter/classification-losses.md": {"10 bins", "10^{-5}"},
    "chapter/exercises.md": {"5 logits", "32 rows", "0.7", "400 datasets", "400 steps", "60 steps"},
    "chapter/gradient-descent.md": {"25 steps"},
    "chapter/loss-functions.md": {"40 points", "400 datasets"},
    "chapter/metrics.md": {"0.05", "0.95"},
    "chapter/mini-batches.md": {"4,000 random batches", "10^{-12}"},
    "chapter/non-convex.md": {"1,000 random points"},
    "chapter/pipeline.md": {"1,000 pure-noise features", "100 rows", "20 features"},
    "chapter/three-views.md": {"30 noisy points", "64 hidden units"},
    "chapter/terrain-explorer.md": {"10^{-9}"},
    "chapter/training-loop.md": {"20 noisy samples", "200 samples", "50 epochs", "30 epochs"},
    "chapter/worked-example.md": {"1,000 steps"},
}

#: A set-up a page states about what its browser test checks is set in that test.
SET_IN_TEST = {"chapter/terrain-explorer.md": "tests/browser/test_terrain_explorer.py"}

FENCE = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S
)
INLINE_CODE = re.compile(r"`[^`\n]+`")
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
#: An inline value: the contents of an f-string replacement field, filled at build time.
INLINE_VALUE = re.compile(r"\{\{\s*(?P<expr>.+?)\s*\}\}")
INCLUDE = re.compile(r'--8<-- "([^"]+)"')
#: A figure, table, section or equation number names a place, not a result.
REFERENCE = re.compile(
    r"\b(?:Figures?|Fig\.|Tables?|Sections?|Eq\.|Equations?|[Cc]hapters?)\s+\d+(?:\.\d+)*"
)

NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
UNIT = (
    r"(?:steps?|epochs?|points?|samples?|rows?|seeds?|times|matrices|datasets?|batch(?:es)?"
    r"|iterations?|updates?|units?|features?|parameters?|class(?:es)?|draws?|runs?"
    r"|neighbou?rs?|flips?|heads|images?|chords?|starts?|dimensions?|layers?|outliers?|bins?"
    r"|examples?|scorers?|logits?|readings|decimals?|resamples|shuffles|checkpoints?"
    r"|directions?|optimizers?|surfaces?|hits|cases|grid\s+steps?)"
)
#: What a typed result looks like. Patterns marked True also look inside formulas.
PATTERNS: dict[str, tuple[re.Pattern[str], bool]] = {
    "decimal or scientific": (
        re.compile(
            r"(?<![\w.])(?:\d+\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\d+\^\{-?\d+\})(?![\w.])"
        ),
        True,
    ),
    "percentage": (re.compile(rf"(?<![\w.,])(?:{NUMBER})\s?(?:%|\\%|percent\b)"), True),
    "thousands": (re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?!\d)"), True),
    "count": (re.compile(rf"(?<![\w.,])(?:{NUMBER})\s+(?:[a-z-]+\s+)?{UNIT}\b"), False),
    "share": (
        re.compile(rf"(?<![\w.,])(?:{NUMBER})\s+(?:of|out\s+of|in)\s+(?:the\s+)?(?:{NUMBER})\b"),
        False,
    ),
    "factor": (re.compile(rf"(?<![\w.,])(?:{NUMBER})\s?×"), False),
}


def prose_of(markdown: str) -> str:
    """The page without fenced blocks, inline code, HTML comments, link targets or inline values."""
    text = FENCE.sub("", markdown)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = INLINE_CODE.sub("", text)
    return INLINE_VALUE.sub(" ⟨value⟩ ", text)


def inline_expressions(markdown: str) -> list[str]:
    """The expressions of the inline values in the prose of ``markdown``."""
    text = FENCE.sub("", markdown)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return [m["expr"] for m in INLINE_VALUE.finditer(INLINE_CODE.sub("", text))]


def is_literal(expression: str) -> bool:
    """Whether an inline value's expression (format spec and all) is a bare constant."""
    field = ast.parse("f" + repr("{" + expression + "}"), mode="eval").body
    assert isinstance(field, ast.JoinedStr)
    value = field.values[0]
    assert isinstance(value, ast.FormattedValue)
    node = value.value
    if isinstance(node, ast.UnaryOp):
        node = node.operand
    return isinstance(node, ast.Constant)


def typed_numbers(prose: str) -> list[str]:
    """Every stated result in ``prose``, whitespace normalised."""
    prose = REFERENCE.sub(" ", prose)
    outside_math = MATH.sub(" ", prose)
    found = []
    for pattern, in_math in PATTERNS.values():
        found += [
            " ".join(m.group().split())
            for m in pattern.finditer(prose if in_math else outside_math)
        ]
    return found


def code_of(markdown: str) -> str:
    """The page's code: its fenced blocks and the snippets they include."""
    blocks = "\n".join(m.group() for m in FENCE.finditer(markdown))
    included = [(ROOT / path).read_text() for path in INCLUDE.findall(blocks)]
    return "\n".join([blocks, *included])


def literals(code: str) -> set[float]:
    """The numeric literals in ``code`` (``1_000`` and ``1000`` alike)."""
    found = re.findall(r"(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w])", code)
    return {float(value.replace("_", "")) for value in found}


def value_of(phrase: str) -> float:
    power = re.fullmatch(r"10\^\{(-?\d+)\}", phrase)
    if power:
        return float(10 ** int(power[1]))
    return float(re.match(NUMBER, phrase).group().replace(",", ""))  # type: ignore[union-attr]


# -- the scanner itself ------------------------------------------------------------------
def test_prose_of_strips_code() -> None:
    page = "Loss 0.25 here.\n\n```python\nx = 0.75\n```\n\nAnd `1.5` in code."
    assert typed_numbers(prose_of(page)) == ["0.25"]


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("It runs 200 steps for each step size.", "200 steps"),
        ("about 28,002 times larger", "28,002"),
        ("the n = 6 row rests on 3 of 40,000 matrices", "3 of 40,000"),
        ("it beat the honest one on 100% of the seeds", "100%"),
        ("the page shows 6× too much", "6×"),
        ("a value of 4.3e-6 at n = 6", "4.3e-6"),
        ("one grid step of $\\eta\\lambda = 0.0125$", "0.0125"),
        ("400 datasets of 40 points", "400 datasets"),
        ("we measure 12.5 \\% more", "12.5 \\%"),
    ],
)
def test_the_scan_finds_each_kind_of_typed_result(sentence: str, found: str) -> None:
    assert found in typed_numbers(prose_of(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Li et al., 2018, and Figure 3.2 of chapter 3",
        "the step is $\\eta < 2/\\lambda_{\\max}$ and $\\sigma(2x)$",
        "Printed: `100% of 200 steps`.",
        "see [the page](page.md#step-200)",
    ],
)
def test_the_scan_leaves_definitions_alone(sentence: str) -> None:
    assert typed_numbers(prose_of(sentence)) == []


def test_inline_values_are_not_prose() -> None:
    page = "Ran {{ len(path) - 1 }} steps, ended {{ gap:.2g }} above, {{ f'{rate:.1%}' }}."
    assert typed_numbers(prose_of(page)) == []
    assert typed_numbers(prose_of("Ran {{ n }} steps, 200 steps in all.")) == ["200 steps"]


@pytest.mark.parametrize(
    "expression, literal",
    [
        ("0.42", True),
        ("'0.42'", True),
        ("-3:.1f", True),
        ("gap:.2g", False),
        ("0.1 ** 2:.2f", False),
    ],
)
def test_a_bare_literal_is_told_from_a_computation(expression: str, literal: bool) -> None:
    assert is_literal(expression) is literal


def test_literals_read_python_numbers() -> None:
    assert literals("run(opt, g, x0, 1_000)\nlr = 0.05\neps = 1e-8\nname = 'v2'") == {
        1000.0,
        0.05,
        1e-8,
    }


# -- the site ----------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.relative_to(ROOT / "docs").as_posix())
def test_no_typed_in_results(page: Path) -> None:
    name = page.relative_to(ROOT / "docs").as_posix()
    typed = sorted(
        set(typed_numbers(prose_of(page.read_text()))) - ALLOWED - DEFINED.get(name, set())
    )
    # A count that is allowed also allows its bare number ("1,000 steps" and "1,000").
    defined_numbers = {phrase.split()[0] for phrase in DEFINED.get(name, set())}
    typed = [number for number in typed if number not in defined_numbers]
    assert not typed, (
        f"{page.relative_to(ROOT)} has results typed into its prose: {typed}. "
        "Print them from an executed block (quote a source's wrong value in `inline code`); "
        "a constant of the field goes in ALLOWED, a set-up the page defines in DEFINED."
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.relative_to(ROOT / "docs").as_posix())
def test_no_inline_value_is_a_typed_literal(page: Path) -> None:
    literal = [expr for expr in inline_expressions(page.read_text()) if is_literal(expr)]
    assert not literal, (
        f"{page.relative_to(ROOT)} has inline values that are typed constants: {literal}. "
        "Compute them from the session's variables."
    )


@pytest.mark.parametrize("name", sorted(DEFINED))
def test_every_defined_number_is_set_in_the_pages_code(name: str) -> None:
    markdown = (ROOT / "docs" / name).read_text()
    code = code_of(markdown)
    if name in SET_IN_TEST:
        code += "\n" + (ROOT / SET_IN_TEST[name]).read_text()
    prose, values = prose_of(markdown), literals(code)
    for phrase in sorted(DEFINED[name]):
        assert phrase in " ".join(prose.split()), f"{name}: {phrase!r} is no longer in the prose"
        assert value_of(phrase) in values, (
            f"{name}: {phrase!r} is not set anywhere in the page's code: it is a result, "
            "so print it from a block"
        )


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.relative_to(ROOT / "docs").as_posix())
def test_no_block_prints_a_paragraph_of_prose(page: Path) -> None:
    """Prose is Markdown with inline values, not a triple-quoted f-string a block prints.

    A printed paragraph hides its typed numbers from this scan; ``{{ expression }}`` in
    the Markdown keeps the sentence prose and the number computed.
    """
    printed = re.findall(r'print\(r?f?r?"""', code_of(page.read_text()))
    assert not printed, (
        f"{page.relative_to(ROOT)} prints {len(printed)} paragraph(s) of prose from blocks: "
        "write them as Markdown after the block, with {{ expression }} for each number"
    )
