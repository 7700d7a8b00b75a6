"""Figures you can move: every frame ships, compactly, and rebuilds to exactly its drawing."""

from __future__ import annotations

import html
import json
import re

import numpy as np
import pytest

from lossnotes.figures import PALETTE, _interactive, interactive_figure, subplots
from lossnotes.figures._frames import chunks, edits, encode, rebuild
from lossnotes.figures._svg import prefix_ids, svg_markup

XS = np.linspace(0.0, 1.0, 11)


def line(slope):
    fig, ax = subplots(figsize=(4.0, 3.0))
    ax.plot(XS, slope * XS, color=PALETTE[0])
    ax.set(xlim=(0, 1), ylim=(0, 3), xlabel="x", ylabel="y", title="A line through zero")
    return fig


def two_panels(slope):
    left, right = line(slope), line(-slope)
    right.axes[0].set_ylim(-3, 0)
    return left, right


def payload(page: str) -> dict:
    found = re.search(
        r'<script type="application/json" class="lossnotes-frames">(.*?)</script>', page
    )
    assert found, page[:300]
    return json.loads(found[1])


def frame_bodies(data: dict, panel: int) -> list[str]:
    table, panels = data["chunks"], data["panels"][panel]
    return ["".join(table[i] for i in rebuild(panels["base"], ops)) for ops in panels["frames"]]


def body(svg: str) -> str:
    return svg[svg.index(">") + 1 : svg.rindex("</svg>")]


def key(page: str) -> str:
    return re.search(r'class="lossnotes-interactive" id="([^"]+)"', page)[1]


@pytest.mark.parametrize("draw", [line, two_panels])
def test_every_frame_rebuilds_to_its_own_drawing(draw) -> None:
    slopes = [0.5, 1.0, 2.0, 2.5]
    page = interactive_figure(draw, slopes, label="Slope", alt="A line")
    data = payload(page)
    for slope, frames in zip(
        slopes, zip(*[frame_bodies(data, p) for p in range(len(data["panels"]))])
    ):
        drawn = draw(slope)
        figs = drawn if isinstance(drawn, tuple) else (drawn,)
        for p, (fig, rebuilt) in enumerate(zip(figs, frames)):
            # The drawing made on its own, with the ids the figure gives that panel.
            assert rebuilt == body(prefix_ids(svg_markup(fig), f"{key(page)}p{p}"))


def test_what_every_frame_shares_is_stored_once() -> None:
    slopes = np.linspace(0.1, 2.9, 15)
    data = payload(interactive_figure(line, slopes, label="Slope", alt="A line"))
    table = data["chunks"]
    assert len(table) == len(set(table))
    title = [c for c in table if "A line through zero" in c]
    assert len(title) == 1
    total = sum(len(b) for b in frame_bodies(data, 0))
    shipped = len(json.dumps(data))
    assert shipped < total / 5, (shipped, total)


def test_the_page_gets_a_labelled_slider_a_live_text_and_the_default_as_a_figure() -> None:
    slopes = [0.5, 1.0, 2.0]
    page = interactive_figure(
        line,
        slopes,
        label="Slope (y per x)",
        alt="A rising line",
        text=lambda s: f"slope is {s * 10:.0f} tenths",
        fmt="{:.2f}",
        default=2.0,
    )
    slider = re.search(r'<input type="range"[^>]*>', page)[0]
    ident = re.search(r'id="([^"]+)"', slider)[1]
    assert f'<label for="{ident}">Slope (y per x)</label>' in page
    assert 'min="0"' in slider and 'max="2"' in slider and 'value="2"' in slider
    assert 'aria-valuetext="2.00"' in slider and f'<output for="{ident}">2.00</output>' in page
    assert '<p class="lossnotes-frame-text" aria-live="polite">slope is 20 tenths</p>' in page
    assert '<div class="lossnotes-controls" hidden>' in page  # shown by the script only
    figure = re.search(r'<figure class="lossnotes-figure">(<svg.*?</svg>)</figure>', page)[1]
    assert 'role="img" aria-label="A rising line"' in figure
    assert body(figure) == frame_bodies(payload(page), 0)[2]
    assert payload(page)["shown"] == [["0.50", "1.00", "2.00"]]


def test_two_sliders_sweep_the_grid_first_value_outermost() -> None:
    page = interactive_figure(
        lambda a, b: line(a + b),
        [1, 2],
        values2=[0.25, 0.5, 0.75],
        label="a",
        label2="b",
        alt="A line",
        text=lambda a, b: f"{a}+{b}",
    )
    data = payload(page)
    assert page.count('type="range"') == 2 and data["sizes"] == [2, 3]
    assert data["texts"] == ["1+0.25", "1+0.5", "1+0.75", "2+0.25", "2+0.5", "2+0.75"]


def test_values_reach_draw_as_given_and_each_render_is_recorded() -> None:
    seen = []

    def draw(batch):
        seen.append(batch)
        return line(batch / 10)

    before = len(_interactive.rendered)
    interactive_figure(draw, [1, 4, 16], label="B", alt="Batch sizes")
    assert seen == [1, 4, 16] and all(isinstance(b, int) for b in seen)
    record = _interactive.rendered[before:]
    assert len(record) == 1 and record[0]["alt"] == "Batch sizes" and record[0]["frames"] == 3
    assert record[0]["seconds"] >= 0


def test_frames_of_different_sizes_are_refused() -> None:
    def draw(width):
        fig, _ = subplots(figsize=(width, 3.0))
        return fig

    with pytest.raises(ValueError, match="same size"):
        interactive_figure(draw, [3.0, 4.0], label="w", alt="Growing")


def test_text_is_escaped() -> None:
    page = interactive_figure(line, [1.0, 2.0], label="a < b", alt="x", text=lambda s: "<b>")
    assert "&lt;b&gt;" in page and "<b>" not in page.split("<script")[0]
    assert html.escape("a < b") in page


def test_edits_rebuild_any_frame() -> None:
    rng = np.random.default_rng(0)
    for _ in range(200):
        base = rng.integers(0, 8, size=rng.integers(0, 12)).tolist()
        frame = rng.integers(0, 8, size=rng.integers(0, 12)).tolist()
        assert rebuild(base, edits(base, frame)) == frame


def test_chunks_cut_leaves_and_group_tags_only() -> None:
    svg = svg_markup(line(1.0))
    pieces = chunks(body(svg))
    assert "".join(pieces) == body(svg)
    tag, leaf = r"<[^<>]+>", r"<[^<>/][^<>]*>[^<>]*</[^<>]+>"  # one tag, or <t ...>text</t>
    assert all(re.fullmatch(f"{tag}|{leaf}", piece) for piece in pieces)
    assert any(re.fullmatch(leaf, piece) for piece in pieces)  # the title, the tick labels


def test_encode_is_deterministic() -> None:
    frames = [[body(svg_markup(line(s))) for s in (1.0, 2.0)]]
    assert encode(frames, 0) == encode(frames, 0)
