"""Claims of the terrain explorer page, and the build-time data it embeds.

The browser port is checked against these same data in
tests/browser/test_terrain_explorer.py; here the data are checked against lossnotes'
own optimizers (built independently of lossnotes.pages.terrain_explorer), hand-computed first steps,
and the surfaces' formulas.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import runpy
from pathlib import Path

import numpy as np
import pytest

from lossnotes.landscape import SURFACES
from lossnotes.mkdocs_plugin.assets import vendor
from lossnotes.optim import adam, rmsprop, run, sgd
from lossnotes.pages.terrain_explorer import (
    DEFAULTS,
    ESCAPE,
    band_levels,
    explorer_data,
    explorer_html,
    trajectory,
)

ROOT = Path(__file__).resolve().parents[2]
TORCH_STYLE = {  # the page's five optimizers, written out with lossnotes.optim directly
    "gd": lambda lr, beta: sgd(lr),
    "momentum": lambda lr, beta: sgd(lr, momentum=beta),
    "nesterov": lambda lr, beta: sgd(lr, momentum=beta, nesterov=True),
    "rmsprop": lambda lr, beta: rmsprop(lr, alpha=0.99, eps=1e-8),
    "adam": lambda lr, beta: adam(lr, betas=(0.9, 0.999), eps=1e-8),
}


@pytest.fixture(scope="module")
def data():
    return explorer_data()


def gradient(name):
    surface = SURFACES[name]
    return lambda p: np.array(surface.grad(p[0], p[1]))


def test_every_surface_and_optimizer_is_embedded(data):
    assert [s["name"] for s in data["surfaces"]] == list(SURFACES)
    assert sorted(DEFAULTS) == sorted(SURFACES)
    assert [o["name"] for o in data["optimizers"]] == list(TORCH_STYLE)
    assert {(c["surface"], c["optimizer"]) for c in data["check"]} == {
        (s, o) for s in SURFACES for o in TORCH_STYLE
    }


def test_reference_paths_equal_lossnotes_run(data):
    for case in data["check"]:
        path = np.array(case["path"])
        optimizer = TORCH_STYLE[case["optimizer"]](case["lr"], case["beta"])
        # run() raises on a diverging run; a reference path that stopped early is
        # compared over the steps it took
        steps = len(path) - 1
        expected = run(optimizer, gradient(case["surface"]), np.array(case["start"]), steps)
        np.testing.assert_array_equal(
            path, expected, err_msg=f"{case['surface']}/{case['optimizer']}"
        )


@pytest.mark.parametrize("name", list(SURFACES))
def test_first_steps_by_hand(name):
    surface, lr, beta = SURFACES[name], 0.01, 0.9
    x0 = np.array(surface.start)
    g = np.array(surface.grad(*x0))
    first = {o: trajectory(name, o, lr, 1)[1] for o in TORCH_STYLE}
    np.testing.assert_allclose(first["gd"], x0 - lr * g, rtol=1e-15)
    np.testing.assert_allclose(first["momentum"], x0 - lr * g, rtol=1e-15)  # buffer starts at g
    np.testing.assert_allclose(first["nesterov"], x0 - lr * (1 + beta) * g, rtol=1e-15)
    # RMSProp: v = 0.01 g^2, so the step is lr g / (0.1 |g| + eps); Adam's is lr g / (|g| + eps)
    np.testing.assert_allclose(first["rmsprop"], x0 - lr * g / (0.1 * np.abs(g) + 1e-8), rtol=1e-12)
    np.testing.assert_allclose(first["adam"], x0 - lr * g / (np.abs(g) + 1e-8), rtol=1e-12)


def test_grids_are_the_surfaces(data):
    for s in data["surfaces"]:
        surface = SURFACES[s["name"]]
        x, y = np.array(s["x"]), np.array(s["y"])
        assert x[0] == surface.xlim[0] and x[-1] == surface.xlim[1] and np.all(np.diff(x) > 0)
        z = np.array(s["z"]).reshape(len(y), len(x))  # row j holds y[j], as Plotly's surface
        exact = surface.f(*np.meshgrid(x, y))
        np.testing.assert_allclose(z, exact, rtol=1e-4, atol=1e-12, err_msg=s["name"])


def test_bands_hold_equal_shares(data):
    for s in data["surfaces"]:
        z = np.array(s["z"])
        levels = np.array(s["levels"])
        counts = np.bincount(np.searchsorted(levels, z, side="right"), minlength=len(levels) + 1)
        if len(levels) == len(data["bands"]) - 1:  # no ties merged two bands
            assert counts.min() >= 0.8 * len(z) / len(data["bands"]), (s["name"], counts)
    assert band_levels([0.0, 1.0, 1.0, 1.0], bands=4).tolist() == [0.75, 1.0]  # ties merge


def test_paths_stop_after_leaving_the_escape_box():
    surface = SURFACES["saddle"]
    path = trajectory("saddle", "gd", 0.1, 10_000)
    assert len(path) < 10_001
    half = ESCAPE * (surface.ylim[1] - surface.ylim[0]) / 2
    assert abs(path[-1, 1]) > half >= abs(path[-2, 1])
    # the steps before are exactly gradient descent's
    np.testing.assert_array_equal(
        path, run(sgd(0.1), gradient("saddle"), np.array(surface.start), len(path) - 1)
    )


def test_markup_embeds_the_data_and_the_served_scripts(data):
    html = explorer_html(data)
    # one element, so that Markdown neither wraps it in <p> nor leaves a stray </p>
    assert (
        html.startswith("<div")
        and html.endswith("</div>\n")
        and html.count("<div") == html.count("</div>")
    )
    payload = re.search(r"<div hidden data-lx-data='([^']*)'></div>", html).group(1)
    assert json.loads(htmllib.unescape(payload)) == json.loads(json.dumps(data))
    # Material's instant navigation re-creates inline scripts as JavaScript, whatever
    # their type: every script of the explorer must be a file
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all(' src="' in attrs and not body.strip() for attrs, body in scripts), (
        scripts
    )
    # links start at the site root, which the plugin rewrites relative to the page
    for src in re.findall(r'(?:src|href)="lossnotes-root:((?:javascripts|docs)/[^"]+)"', html):
        assert (ROOT / "docs" / src).is_file(), src
    # explorer.js loads the vendor file where the plugin puts it (relative to its own URL)
    ((package, name, dest),) = vendor.VENDOR_SCRIPTS
    assert f'"../../{dest}"' in (ROOT / "docs/javascripts/explorer/explorer.js").read_text()
    # only when the 3-D view nears the viewport (explorer.js): the page does not preload it
    assert dest not in html
    assert (ROOT / "node_modules" / package / name).is_file(), "run npm ci"
    for label in ("Surface", "Optimizers", "Steps", "Start"):
        assert f">{label}<" in html


def test_markup_holds_every_formula_for_the_build_to_typeset(data):
    html = explorer_html(data)
    line = re.search(r'<p class="lx-formula" data-lx="formula">(.*?)</p>', html, re.S).group(1)
    found = re.findall(
        r'<span class="arithmatex" data-lx-formula="(\w+)"( hidden)?>\\\((.*?)\\\)</span>', line
    )
    assert [name for name, _, _ in found] == list(SURFACES)
    # the first is the one the surface menu starts on; the others wait, hidden
    assert [bool(hidden) for _, hidden, _ in found] == [False] + [True] * (len(SURFACES) - 1)
    for name, _, tex in found:
        assert htmllib.unescape(tex) == f"f(x, y) = {SURFACES[name].formula}"


def test_built_page_shows_typeset_formulas_and_loads_no_katex(built_site):
    page = (built_site / "chapter" / "terrain-explorer" / "index.html").read_text()
    line = re.search(r'data-lx="formula">(.*?)</p>', page, re.S).group(1)
    spans = re.split(r'(?=<span class="arithmatex" data-lx-formula=")', line)[1:]
    assert len(spans) == len(SURFACES)
    for span, name in zip(spans, SURFACES):
        tex = re.search(r'<annotation encoding="application/x-tex">(.*?)</annotation>', span, re.S)
        assert tex, f"{name}: the formula is not typeset"
        assert htmllib.unescape(tex.group(1)) == f"f(x, y) = {SURFACES[name].formula}"
        assert '<span class="katex-html" aria-hidden="true">' in span and "\\(" not in span
    assert "katex.min.js" not in page


def test_prose_claims():
    d = DEFAULTS
    end = {
        o: trajectory(
            "rastrigin",
            o,
            d["rastrigin"].adaptive_lr if o in ("rmsprop", "adam") else d["rastrigin"].lr,
            d["rastrigin"].steps,
        )[-1]
        for o in TORCH_STYLE
    }
    f, grad = SURFACES["rastrigin"].f, SURFACES["rastrigin"].grad
    # gradient descent rests in a pocket: zero gradient, loss well above the global 0
    assert np.hypot(*grad(*end["gd"])) < 1e-6 and f(*end["gd"]) > 1
    assert f(*end["momentum"]) < f(*end["gd"])
    assert all(f(*p) > 0.5 for p in end.values())  # none reaches the global minimum
    bowl = [trajectory("bowl", o, 0.1, d["bowl"].steps)[-1] for o in TORCH_STYLE]
    assert max(np.hypot(*p) for p in bowl) < 0.1
    rosen = {
        o: trajectory("rosenbrock", o, d["rosenbrock"].lr, d["rosenbrock"].steps)[-1]
        for o in ("gd", "momentum")
    }
    assert np.hypot(*(rosen["gd"] - 1)) > 5 * np.hypot(*(rosen["momentum"] - 1))
    plateau = SURFACES["plateau"].f
    gd_end = trajectory("plateau", "gd", 0.1, d["plateau"].steps)[-1]
    adam_end = trajectory("plateau", "adam", 0.1, d["plateau"].steps)[-1]
    assert plateau(*gd_end) > 0.9 > 0.01 > plateau(*adam_end)


def test_snippet_matches_the_page_defaults():
    found = runpy.run_path(str(ROOT / "snippets/explorer_rastrigin_pockets.py"))
    d = DEFAULTS["rastrigin"]
    assert (found["lr"], found["steps"]) == (d.lr, d.steps)
    x, y, loss = found["ends"]["gradient descent"]
    np.testing.assert_array_equal([x, y], trajectory("rastrigin", "gd", d.lr, d.steps)[-1])
