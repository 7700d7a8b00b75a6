"""Every boolean option of the public API refuses a value that is merely truthy.

``accuracy_score(..., normalize="False")`` used to return the fraction, and
``sgd(..., nesterov="False")`` to switch Nesterov on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from lossnotes import data, landscape, losses, metrics, optim
from lossnotes.figures import draw_paths, subplots

Y, S = [0, 1, 1, 0], [0.1, 0.8, 0.6, 0.3]
FLAGS: dict[str, tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = {
    "nesterov": (optim.sgd, (0.1,), {"momentum": 0.9}),
    "centered": (optim.rmsprop, (), {}),
    "bias_correction": (optim.adam, (), {}),
    "trace.nesterov": (optim.trace, (0.9,), {}),
    "scale_by_adam.bias_correction": (optim.scale_by_adam, (), {}),
    "scale_by_rms.centered": (optim.scale_by_rms, (), {}),
    "shuffle": (
        optim.train,
        (optim.sgd(0.1), lambda t, X, y: np.zeros(1), lambda t, X, y: 0.0, np.zeros(1)),
        {"X": np.zeros((4, 1)), "y": np.zeros(4), "batch_size": 2, "epochs": 1},
    ),
    "drop_intermediate": (metrics.roc_curve, (Y, S), {}),
    "precision_recall_curve.drop_intermediate": (metrics.precision_recall_curve, (Y, S), {}),
    "normalize": (metrics.accuracy_score, ([0, 1], [0, 0]), {}),
    "force_finite": (metrics.r2_score, ([1.0, 2.0], [1.0, 2.5]), {}),
    "full": (losses.gaussian_nll, ([0.0], [1.0], [1.0]), {}),
    "gaussian_nll_grad.full": (losses.gaussian_nll_grad, ([0.0], [1.0], [1.0]), {}),
    "return_outliers": (data.linear_data, (10,), {}),
    "filter_normalize": (landscape.random_direction, ([(2, 2)], 0), {"theta": np.ones(4)}),
    "batched": (
        landscape.interpolate,
        (lambda t: np.sum(t, axis=-1), np.zeros(2), np.ones(2), [0.0, 1.0]),
        {},
    ),
    "markers": (draw_paths, (subplots()[1], {"a": np.zeros((2, 2))}), {}),
}


@pytest.mark.parametrize("flag", sorted(FLAGS))
@pytest.mark.parametrize("bad", ["False", 1, None, np.array([True])], ids=repr)
def test_flag_refuses_a_merely_truthy_value(flag: str, bad: Any) -> None:
    function, args, kwargs = FLAGS[flag]
    name = flag.rsplit(".", 1)[-1]
    with pytest.raises(TypeError, match=rf"^{name} must be True or False; got "):
        function(*args, **kwargs, **{name: bad})


@pytest.mark.parametrize("flag", sorted(FLAGS))
def test_flag_accepts_booleans(flag: str) -> None:
    function, args, kwargs = FLAGS[flag]
    name = flag.rsplit(".", 1)[-1]
    for value in (True, False, np.bool_(True)):
        if name == "nesterov" and function is optim.trace and not value:
            continue
        function(*args, **kwargs, **{name: value})
