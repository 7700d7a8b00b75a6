"""Every public callable checks its boundary: a bad input is refused, clearly.

The registry below lists each name in each family's ``__all__`` with one valid call and
the roles of its arguments (arrays, labels, callables, flags, hyper-parameters, ...).
Shared generators turn each role into bad inputs: wrong type, ``None``, wrong shape,
empty, NaN and inf, wrong dtype (bool, complex, object, str; int must be *accepted*
where floats are), out-of-range values and mismatched lengths. A bad input must raise
``TypeError`` or ``ValueError`` whose message names the argument; any other exception
(a raw numpy or matplotlib error) or a silent result fails.

The registry must match the public API exactly: a new name in some ``__all__`` fails
``test_registry_covers_every_public_name`` until it is listed here.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pytest

from lossnotes import data, figures, landscape, losses, metrics, models, optim, pages
from lossnotes.pages import terrain_explorer as te
from lossnotes.pages import three_views as tv

FAMILIES = ("losses", "optim", "models", "landscape", "data", "metrics", "figures",
            "pages", "pages.three_views", "pages.terrain_explorer")  # fmt: skip
# Public names that are not functions with a boundary of their own, and why.
EXEMPT = {
    "losses.kernels": "documented as unvalidated per-sample kernels for the other families",
    **{f"losses.{n}": "a constant or a record" for n in ("LOSSES", "Loss")},
    **{f"optim.{n}": "a NamedTuple record (state or result); built by the library" for n in (
        "GradientTransformation", "AdamState", "AdagradState", "EmptyState", "RmsState",
        "ScheduleState", "TraceState", "VelocityState", "TrainResult")},
    **{f"models.{n}": "a tuple of allowed names" for n in ("OUTPUTS", "ACTIVATIONS")},
    **{f"landscape.{n}": "a constant, record or type alias" for n in (
        "LossFn", "SURFACES", "Surface", "ILL_CONDITIONING")},
    **{f"data.{n}": "a NamedTuple record made by fit_*" for n in (
        "Standardization", "FeatureSelection")},
    "metrics.UndefinedMetricWarning": "a warning class",
    **{f"figures.{n}": "a style constant" for n in (
        "FOREGROUND", "PALETTE", "SEQUENTIAL_CMAP", "DIVERGING_CMAP", "STYLE")},
    "pages.ClaimError": "an exception class",
    **{f"pages.terrain_explorer.{n}": "a page constant or record" for n in (
        "OPTIMIZERS", "DEFAULTS", "Settings", "ESCAPE", "PLOTLY")},
}  # fmt: skip


@dataclass
class Entry:
    """One public callable: a valid call and the role of each argument."""

    fn: Callable[..., Any]
    kwargs: dict[str, Any]
    arrays: tuple[str, ...] = ()  # real-number arrays
    labels: tuple[str, ...] = ()  # class labels (ints, bools or strings)
    callables: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    reals: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # name -> out of range
    ints: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # name -> out of range
    strings: tuple[str, ...] = ()  # a choice or a text
    lengths: tuple[tuple[str, str], ...] = ()  # pairs that must agree in length
    bad: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> {case: value}
    empty_ok: tuple[str, ...] = ()
    none_ok: tuple[str, ...] = ()  # None is a documented default
    star: str | None = None  # the name of a *args parameter


def call(entry: Entry, **override: Any) -> Any:
    kwargs = {**entry.kwargs, **override}
    if entry.star is not None:
        return entry.fn(*kwargs.pop(entry.star), **kwargs)
    return entry.fn(**kwargs)


POS = (0, -1.0)  # out of range for a strictly positive number
NONNEG = (-1.0,)
UNIT = (1.0, -0.1)  # out of range for a decay in [0, 1)
X2 = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 2.0]])
Y01 = np.array([0, 1, 0, 1])
SCORES = np.array([0.1, 0.8, 0.3, 0.6])
grad2 = lambda t: 2 * t  # noqa: E731
bowl = lambda t: float(np.sum(np.square(t)))  # noqa: E731
batch_grad = lambda t, Xb, yb: np.zeros_like(t)  # noqa: E731
batch_loss = lambda t, Xb, yb: 0.0  # noqa: E731
MLP = models.MLP((2, 3, 1))
THETA = MLP.init(0)


def regression(fn: Callable[..., Any], **extra: Any) -> Entry:
    return Entry(fn, {"input": [1.0, 2.0, 3.0], "target": [1.0, 0.0, 2.0]},
                 arrays=("input", "target"), strings=("reduction",), lengths=(("input", "target"),),
                 **extra)  # fmt: skip


def binary(fn: Callable[..., Any], first: str, values: list[float], **extra: Any) -> Entry:
    return Entry(fn, {first: values, "target": [0.0, 1.0, 1.0]}, arrays=(first, "target"),
                 strings=("reduction",), lengths=((first, "target"),), **extra)  # fmt: skip


def classification(fn: Callable[..., Any], **extra: Any) -> Entry:
    return Entry(fn, {"y_true": Y01, "y_pred": [0, 1, 1, 1]}, labels=("y_true", "y_pred"),
                 lengths=(("y_true", "y_pred"),), **extra)  # fmt: skip


def ranking(fn: Callable[..., Any], **extra: Any) -> Entry:
    return Entry(fn, {"y_true": Y01, "y_score": SCORES}, labels=("y_true",), arrays=("y_score",),
                 lengths=(("y_true", "y_score"),), **extra)  # fmt: skip


def real_metric(fn: Callable[..., Any], **extra: Any) -> Entry:
    return Entry(fn, {"y_true": [1.0, 2.0, 3.0], "y_pred": [1.0, 2.5, 2.0]},
                 arrays=("y_true", "y_pred"), lengths=(("y_true", "y_pred"),), **extra)  # fmt: skip


PRF = {"bad": {"average": {"int": 3, "unknown": "avg"},
       "zero_division": {"str": "x", "range": 2, "None": None},
       "pos_label": {"absent": 7}}}  # fmt: skip
LOOP = {"optimizer": optim.sgd(0.1), "grad_fn": grad2, "x0": [1.0, 2.0], "steps": 2}
LOOP_BAD = {"optimizer": {"None": None, "str": "sgd"}}
TRAIN = {
    "optimizer": optim.sgd(0.1),
    "grad_fn": batch_grad,
    "loss_fn": batch_loss,
    "theta0": [0.0],
    "X": X2,
    "y": [1.0, 2.0, 3.0, 4.0],
    "batch_size": 2,
    "epochs": 1,
}
SEED = {"seed": {"str": "abc", "negative": -1, "float": 2.5}}
FIG_BAD = {"None": None, "str": "figure"}
PATHS_BAD = {
    "None": None,
    "str": "abc",
    "wrong_shape": {"a": [1.0, 2.0, 3.0]},
    "nan": {"a": [[np.nan, 0.0], [1.0, 1.0]]},
    "str_points": {"a": [["a", "b"]]},
}
XS = np.linspace(-1.0, 1.0, 5)
ZS = XS[None, :] ** 2 + XS[:, None] ** 2


def _ax() -> Any:
    return figures.subplots()[1]


def _blank(value: float) -> Any:
    return figures.subplots(figsize=(1.0, 1.0))[0]


REGISTRY: dict[str, Entry] = {
    # losses
    **{f"losses.{n}": regression(getattr(losses, n)) for n in (
        "mse", "mse_grad", "mae", "mae_grad")},
    **{f"losses.{n}": regression(getattr(losses, n), reals={"delta": POS}) for n in (
        "huber", "huber_grad")},
    **{f"losses.{n}": binary(getattr(losses, n), "p", [0.2, 0.7, 0.9],
       bad={"p": {"range": [1.5, 0.5, 0.5]}, "target": {"range": [2.0, 0.0, 1.0]}})
       for n in ("bce", "bce_grad")},
    **{f"losses.{n}": binary(getattr(losses, n), "logits", [0.0, 1.0, -1.0],
       bad={"target": {"range": [2.0, 0.0, 1.0]}}) for n in (
        "bce_with_logits", "bce_with_logits_grad")},
    **{f"losses.{n}": Entry(getattr(losses, n), {"logits": [[1.0, 0.0, 0.0], [0.0, 2.0, 0.0]],
       "target": [0, 1]}, arrays=("logits", "target"), strings=("reduction",),
       lengths=(("logits", "target"),), bad={"target": {"range": [0, 3], "fraction": [0.5, 1]}})
       for n in ("cross_entropy", "cross_entropy_grad")},
    **{f"losses.{n}": Entry(getattr(losses, n), {"log_probs": np.log([[0.5, 0.5], [0.25, 0.75]]),
       "target": [0, 1]}, arrays=("log_probs", "target"), strings=("reduction",),
       lengths=(("log_probs", "target"),), bad={"target": {"range": [0, 2]}})
       for n in ("nll", "nll_grad")},
    **{f"losses.{n}": Entry(getattr(losses, n), {"mean": [0.0, 1.0], "target": [1.0, 1.0],
       "var": [1.0, 2.0]}, arrays=("mean", "target", "var"), flags=("full",),
       reals={"eps": POS}, strings=("reduction",), lengths=(("mean", "target"),),
       bad={"var": {"negative": [-1.0, 1.0]}}) for n in ("gaussian_nll", "gaussian_nll_grad")},
    **{f"losses.{n}": Entry(getattr(losses, n), {"logits": [[1.0, 0.0], [0.0, 2.0]]},
       arrays=("logits",)) for n in ("softmax", "log_softmax")},
    "losses.sigmoid": Entry(losses.sigmoid, {"z": [0.0, 1.0]}, arrays=("z",)),
    **{f"losses.{n}": Entry(getattr(losses, n), {"points": [[0.0, 0.0], [1.0, 1.0], [5.0, 5.0]],
       "centroids": [[0.0, 0.0], [5.0, 5.0]]}, arrays=("points", "centroids"),
       strings=("reduction",) if n != "assign_clusters" else (),
       bad={"centroids": {"wrong_shape": [[0.0, 0.0, 0.0]]}})
       for n in ("assign_clusters", "wcss", "wcss_grad")},
    # optim: transforms and aliases
    "optim.apply_updates": Entry(optim.apply_updates, {"params": [1.0, 2.0], "updates": [0.5, 0.5]},
        arrays=("params", "updates"), bad={"updates": {"wrong_shape": np.ones((2, 2))}},
        lengths=(("params", "updates"),), empty_ok=()),
    "optim.chain": Entry(optim.chain, {"transforms": (optim.scale(1.0),)}, star="transforms",
        bad={"transforms": {"str": ("x",), "None": (None,)}}),
    "optim.scale": Entry(optim.scale, {"step": 0.5}, reals={"step": ()}),
    "optim.scale_by_learning_rate": Entry(optim.scale_by_learning_rate, {"learning_rate": 0.1},
        reals={"learning_rate": POS}),
    "optim.trace": Entry(optim.trace, {"decay": 0.9}, reals={"decay": UNIT, "dampening": (1.5,)},
        flags=("nesterov",)),
    "optim.scale_by_adam": Entry(optim.scale_by_adam, {}, reals={"b1": UNIT, "b2": UNIT,
        "eps": POS}, flags=("bias_correction",)),
    "optim.scale_by_rms": Entry(optim.scale_by_rms, {}, reals={"alpha": UNIT, "eps": POS},
        flags=("centered",)),
    "optim.scale_by_adagrad": Entry(optim.scale_by_adagrad, {},
        reals={"initial_accumulator_value": NONNEG, "eps": POS}),
    "optim.add_decayed_weights": Entry(optim.add_decayed_weights, {"weight_decay": 0.1},
        reals={"weight_decay": NONNEG}),
    "optim.sgd": Entry(optim.sgd, {"lr": 0.1, "momentum": 0.9}, flags=("nesterov",),
        reals={"lr": POS, "momentum": UNIT, "dampening": (1.5,), "weight_decay": NONNEG}),
    "optim.adagrad": Entry(optim.adagrad, {}, reals={"lr": POS, "lr_decay": NONNEG,
        "weight_decay": NONNEG, "initial_accumulator_value": NONNEG, "eps": POS}),
    "optim.rmsprop": Entry(optim.rmsprop, {}, flags=("centered",), reals={"lr": POS,
        "alpha": UNIT, "eps": POS, "weight_decay": NONNEG, "momentum": UNIT}),
    **{f"optim.{n}": Entry(getattr(optim, n), {}, reals={"lr": POS, "eps": POS,
       "weight_decay": NONNEG}, flags=("bias_correction",) if n == "adam" else (),
       bad={"betas": {"None": None, "short": (0.9,), "range": (1.0, 0.9), "str": "ab"}})
       for n in ("adam", "adamw")},
    "optim.chapter_momentum": Entry(optim.chapter_momentum, {"lr": 0.1, "beta": 0.9},
        reals={"lr": POS, "beta": UNIT}),
    # optim: loops and diagnostics
    "optim.run": Entry(optim.run, LOOP, callables=("grad_fn",), arrays=("x0",),
        ints={"steps": (0,)}, bad={**LOOP_BAD, "stop": {"int": 3}}),
    "optim.run_with_state": Entry(optim.run_with_state, LOOP, callables=("grad_fn",),
        arrays=("x0",), ints={"steps": (0,)}, bad=LOOP_BAD),
    "optim.train": Entry(optim.train, TRAIN, callables=("grad_fn", "loss_fn"),
        arrays=("theta0", "X", "y"), ints={"batch_size": (0,), "epochs": (0,)},
        flags=("shuffle",), lengths=(("X", "y"),), bad={**LOOP_BAD, **SEED}),
    "optim.early_stopping": Entry(optim.early_stopping, {"val_loss": [5.0, 3.0, 2.0, 2.5],
        "patience": 2}, arrays=("val_loss",), ints={"patience": (0,)}),
    "optim.contraction_rates": Entry(optim.contraction_rates, {"eigenvalues": [1.0],
        "lrs": [0.5, 1.5]}, arrays=("eigenvalues", "lrs"), reals={"beta": UNIT},
        ints={"steps": (0,)}),
    "optim.first_divergent": Entry(optim.first_divergent, {"lrs": [0.5, 1.5, 2.5],
        "rates": [0.5, 0.5, 1.5]}, arrays=("lrs", "rates"), lengths=(("lrs", "rates"),)),
    "optim.per_sample_gradients": Entry(optim.per_sample_gradients, {"grad_fn": batch_grad,
        "theta": [1.0], "X": [[1.0], [2.0]], "y": [0.0, 0.0]}, callables=("grad_fn",),
        arrays=("theta", "X", "y"), lengths=(("X", "y"),)),
    "optim.mean_over_all_batches": Entry(optim.mean_over_all_batches, {"G": [[1.0], [2.0], [6.0]],
        "batch_size": 2}, arrays=("G",), ints={"batch_size": (0, 4), "limit": (0,)}),
    "optim.sampled_batch_variance": Entry(optim.sampled_batch_variance, {"G": np.ones((5, 2)),
        "batch_size": 3, "n_batches": 10}, arrays=("G",), ints={"batch_size": (0, 6),
        "n_batches": (0,)}, bad=SEED),
    "optim.batch_variance_theory": Entry(optim.batch_variance_theory, {"G": [[0.0], [2.0]],
        "batch_size": 1}, arrays=("G",), ints={"batch_size": (0, 3)}),
    **{f"optim.{n}": Entry(getattr(optim, n), {"eigenvalues": [1.0, 3.0]}, arrays=("eigenvalues",),
       bad={"eigenvalues": {"zero": [0.0, 1.0], "negative": [-1.0, 1.0]}})
       for n in ("optimal_step_size", "optimal_momentum")},
    # models
    "models.MLP": Entry(models.MLP, {"sizes": (2, 3, 1)}, strings=("activation", "output"),
        bad={"sizes": {"None": None, "short": (2,), "zero": (2, 0, 1), "str": "abc",
                       "float": (2.5, 1)}}),
    "models.LinearRegression": Entry(models.LinearRegression, {}, ints={"n_features": (0,)}),
    "models.LogisticRegression": Entry(models.LogisticRegression, {}, ints={"n_features": (0,)}),
    "models.flatten": Entry(models.flatten, {"arrays": [np.ones((2, 2)), np.zeros(2)]},
        bad={"arrays": {"None": None, "empty": [], "none_item": [None], "str": [np.array(["a"])],
                        "nan": [[np.nan]], "scalar": 3.0}}),
    "models.unflatten": Entry(models.unflatten, {"theta": np.arange(6.0), "shapes": [(2, 2), (2,)]},
        arrays=("theta",), bad={"shapes": {"None": None, "str_dim": [(2, "a")],
        "negative": [(-2, -3)], "mismatch": [(2, 2), (3,)], "str": "ab", "float": [2.5]}}),
    "models.hessian": Entry(models.hessian, {"model": models.LinearRegression(1),
        "theta": np.zeros(2), "X": [[0.0], [1.0]], "y": [0.0, 1.0]}, arrays=("theta", "X", "y"),
        lengths=(("X", "y"),), bad={"model": {"None": None, "str": "linear"},
        "theta": {"wrong_shape": np.zeros(3)}}),
    "models.classify_critical_point": Entry(models.classify_critical_point,
        {"H": [[2.0, 0.0], [0.0, -2.0]]}, arrays=("H",), reals={"tol": POS},
        bad={"H": {"wrong_shape": [[1.0, 2.0]], "asymmetric": [[1.0, 2.0], [0.0, 1.0]]}}),
    "models.fit_line": Entry(models.fit_line, {"x": np.arange(5.0), "y": 2 * np.arange(5.0) + 1},
        arrays=("x", "y"), strings=("loss",), reals={"delta": POS}, ints={"n_iter": (0,)},
        lengths=(("x", "y"),)),
    "models.fit_logistic": Entry(models.fit_logistic, {"X": [0.0, 0.0, 1.0, 1.0, 1.0],
        "y": [0, 1, 0, 1, 1]}, arrays=("X", "y"), ints={"n_iter": (0,)}, lengths=(("X", "y"),),
        bad={"y": {"range": [0, 2, 0, 1, 1]}}),
    # landscape
    "landscape.grid_loss": Entry(landscape.grid_loss, {"f": bowl, "center": np.zeros(2),
        "d1": [1.0, 0.0], "d2": [0.0, 1.0], "alphas": [0.0, 1.0], "betas": [0.0, 1.0]},
        callables=("f",), arrays=("center", "d1", "d2", "alphas", "betas"), flags=("batched",),
        lengths=(("d1", "center"), ("d2", "center"))),
    "landscape.mse_surface_linear": Entry(landscape.mse_surface_linear, {"x": [0.0, 1.0, 2.0],
        "y": [1.0, 3.0, 5.0], "ws": [2.0, 0.0], "bs": [1.0, 0.0]}, arrays=("x", "y", "ws", "bs"),
        lengths=(("x", "y"),)),
    "landscape.random_direction": Entry(landscape.random_direction, {"model": [(2, 2), (1,)],
        "theta": np.arange(5.0)}, arrays=("theta",), flags=("filter_normalize",),
        strings=("bias",), bad={"model": {"None": None, "str": "abc", "negative": [(-1, 2)]},
        "theta": {"wrong_shape": np.ones(4)}, **SEED}),
    "landscape.interpolate": Entry(landscape.interpolate, {"f": bowl, "theta_a": [1.0, 0.0],
        "theta_b": [0.0, 1.0], "ts": [0.0, 0.5, 1.0]}, callables=("f",),
        arrays=("theta_a", "theta_b", "ts"), flags=("batched",), lengths=(("theta_a", "theta_b"),)),
    "landscape.chord_gap": Entry(landscape.chord_gap, {"f": bowl, "a": [-1.0, 0.0],
        "b": [1.0, 0.0], "t": [0.25, 0.5]}, callables=("f",), arrays=("a", "b", "t"),
        lengths=(("a", "b"),)),
    "landscape.gradient_norms": Entry(landscape.gradient_norms, {"grad": grad2,
        "path": [[0.0, 1.0], [1.0, 1.0]]}, callables=("grad",), arrays=("path",)),
    **{f"landscape.{n}": Entry(getattr(landscape, n), {"dim": 2, "n_samples": 3},
       ints={"dim": (0,), "n_samples": (0,)}, bad=SEED)
       for n in ("goe_matrices", "fraction_positive_definite")},
    "landscape.get_surface": Entry(landscape.get_surface, {"name": "bowl"}, strings=("name",)),
    "landscape.surface_hessian": Entry(landscape.surface_hessian, {"surface": landscape.get_surface(
        "bowl"), "point": (0.0, 0.0)}, bad={"surface": {"None": None, "str": "bowl"},
        "point": {"None": None, "short": (1.0,), "str": "ab", "nan": (np.nan, 0.0)}}),
    # data
    "data.linear_data": Entry(data.linear_data, {"n": 10}, ints={"n": (0,), "outliers": (-1, 11)},
        reals={"b": (), "scale": NONNEG, "df": POS, "outlier_shift": ()}, strings=("noise",),
        flags=("return_outliers",), bad={"x_range": {"None": None, "reversed": (3.0, -3.0),
        "short": (1.0,), "nan": (np.nan, 1.0)}, "w": {"None": None, "str": "a", "nan": np.nan},
        **SEED}),
    **{f"data.{n}": Entry(getattr(data, n), {"n": 20}, ints={"n": (0,)}, reals={"noise": NONNEG},
       bad=SEED) for n in ("two_moons", "xor")},
    "data.imbalanced": Entry(data.imbalanced, {"n": 20}, ints={"n": (0,), "d": (0,)},
        reals={"positive_fraction": (0.0, 1.0, 1.5), "separation": ()}, bad=SEED),
    "data.blobs": Entry(data.blobs, {"n": 20}, ints={"n": (0,), "d": (0,)}, reals={"std": NONNEG},
        bad={"centers": {"None": None, "zero": 0, "str": "abc", "nan": [[np.nan, 0.0]]},
        "center_box": {"reversed": (10.0, -10.0), "None": None}, **SEED}),
    "data.fit_standardizer": Entry(data.fit_standardizer, {"X": X2}, arrays=("X",),
        bad={"X": {"wrong_shape": np.zeros((2, 2, 2))}}),
    "data.standardize": Entry(data.standardize, {"scaling": data.fit_standardizer(X2), "X": X2},
        arrays=("X",), bad={"scaling": {"None": None, "str": "abc"},
        "X": {"wrong_shape": np.zeros((2, 3))}}),
    "data.fit_select_k_best": Entry(data.fit_select_k_best, {"X": X2, "y": Y01, "k": 1},
        arrays=("X", "y"), ints={"k": (0, 3)}, lengths=(("X", "y"),)),
    "data.select_features": Entry(data.select_features, {"selection": data.fit_select_k_best(
        X2, Y01, 1), "X": X2}, arrays=("X",), bad={"selection": {"None": None, "str": "a"},
        "X": {"wrong_shape": np.zeros((2, 1))}}),
    "data.train_val_test_split": Entry(data.train_val_test_split, {"n_samples": 10},
        ints={"n_samples": (0,)}, reals={"val_size": UNIT, "test_size": UNIT}, bad=SEED),
    # metrics
    "metrics.confusion_matrix": classification(metrics.confusion_matrix,
        bad={"labels": {"str": "ab", "empty": [], "absent": [5, 6]}}),
    "metrics.accuracy_score": classification(metrics.accuracy_score, flags=("normalize",)),
    **{f"metrics.{n}": classification(getattr(metrics, n), **PRF) for n in (
        "precision_score", "recall_score", "f1_score")},
    **{f"metrics.{n}": ranking(getattr(metrics, n), flags=("drop_intermediate",)) for n in (
        "roc_curve", "precision_recall_curve")},
    **{f"metrics.{n}": ranking(getattr(metrics, n)) for n in (
        "roc_auc_score", "average_precision_score", "pr_auc_trapezoid")},
    **{f"metrics.{n}": real_metric(getattr(metrics, n)) for n in (
        "mean_absolute_error", "root_mean_squared_error")},
    "metrics.r2_score": real_metric(metrics.r2_score, flags=("force_finite",)),
    "metrics.reliability_curve": Entry(metrics.reliability_curve, {"y_true": Y01, "prob": SCORES},
        labels=("y_true",), arrays=("prob",), ints={"n_bins": (0,)},
        lengths=(("y_true", "prob"),), bad={"prob": {"range": [1.5, 0.5, 0.5, 0.5]}}),
    # figures
    "figures.use_house_style": Entry(figures.use_house_style, {}),
    "figures.full_size_log_labels": Entry(figures.full_size_log_labels, {"axis": _ax().yaxis},
        bad={"axis": {"None": None, "axes": _ax(), "str": "y"}}),
    "figures.subplots": Entry(figures.subplots, {}, ints={"nrows": (0,), "ncols": (0,)},
        bad={"figsize": {"zero": (0.0, 3.0), "str": "ab", "short": (1.0,), "nan": (np.nan, 1.0)}}),
    "figures.to_svg": Entry(figures.to_svg, {"fig": figures.subplots()[0], "alt": "A plot"},
        strings=("alt",), bad={"fig": FIG_BAD, "caption": {"int": 1}, "alt": {"empty": ""}}),
    "figures.contour_with_paths": Entry(figures.contour_with_paths, {"xs": XS, "ys": XS, "Z": ZS},
        arrays=("xs", "ys", "Z"), ints={"levels": (0, 1)},
        strings=("xlabel", "ylabel", "title", "legend"),
        bad={"Z": {"constant": np.ones((5, 5)), "wrong_shape": np.ones((4, 5))},
             "paths": PATHS_BAD, "optimum": {"short": (1.0,), "str": "ab", "nan": (np.nan, 0.0)},
             "ax": FIG_BAD}, none_ok=("ax", "paths")),
    "figures.draw_paths": Entry(figures.draw_paths, {"ax": _ax(), "paths": {"a": np.zeros((2, 2))}},
        flags=("markers",), bad={"ax": FIG_BAD, "paths": PATHS_BAD}),
    "figures.interactive_figure": Entry(figures.interactive_figure, {"draw": _blank,
        "values": [1.0, 2.0], "label": "Slope", "alt": "A line", "text": None, "default": None,
        "values2": None}, arrays=("values",), callables=("draw", "text"), reals={"default": ()},
        none_ok=("text", "default", "values2"), bad={"values": {"one": [1.0]},
        "values2": {"one": [1.0], "str": "ab", "nan": [np.nan, 1.0]},
        "draw": {"returns_none": lambda v: None, "returns_str": lambda v: "figure"},
        "text": {"returns_int": lambda v: 3, "returns_newline": lambda v: "a\nb"},
        **{name: {"None": None, "int": 3, "empty": " ", "newline": "a\nb"} for name in (
            "label", "alt")}, "fmt": {"int": 3, "two_fields": "{}{}", "not_a_number": "{:d}",
            "named": "{x}"}}),
    "figures.format_number": Entry(figures.format_number, {"value": 1.5}, ints={"digits": (-1,)},
        bad={"value": {"None": None, "newline": "a\nb", "complex": 1j, "list": [1.0]}}),
    "figures.markdown_table": Entry(figures.markdown_table, {"rows": [[1.5, "a"]],
        "headers": ["x", "y"]}, ints={"digits": (-1,)}, bad={"rows": {"None": None,
        "ragged": [[1.0, 2.0, 3.0]], "newline": [["a\nb", 1.0]], "row_str": ["ab"], "cell": [[None, 1.0]]},
        "headers": {"None": None, "newline": ["a\nb", "y"], "int": [1, 2]},
        "align": {"bad": "x", "int": 3}}),
    # pages
    "pages.claim": Entry(pages.claim, {"condition": True, "text": "it holds"},
        bad={"condition": {"array": np.ones(3)}, "text": {"empty": " ", "None": None, "int": 3}}),
    "pages.three_views.fit_mlp": Entry(tv.fit_mlp, {"model": MLP, "X": X2, "y": Y01, "steps": 2},
        arrays=("X", "y"), ints={"steps": (0,)}, reals={"lr": POS}, lengths=(("X", "y"),),
        bad={"model": {"None": None, "str": "mlp"}, "X": {"wrong_shape": np.zeros((4, 3))},
        **SEED}),
    "pages.three_views.flip_along_gradient": Entry(tv.flip_along_gradient, {"model": MLP,
        "theta": THETA, "x": [0.5, 0.5]}, arrays=("theta", "x"), reals={"max_step": POS,
        "h": POS}, bad={"model": {"None": None, "str": "mlp"},
        "theta": {"wrong_shape": np.zeros(3)}, "x": {"wrong_shape": [0.5, 0.5, 0.5]}}),
    "pages.three_views.principal_components": Entry(tv.principal_components,
        {"H": [[0.0, 0.0], [2.0, 0.0], [4.0, 1.0]], "k": 1}, arrays=("H",),
        ints={"k": (0, 3)}, bad={"H": {"wrong_shape": [1.0, 2.0]}}),
    "pages.terrain_explorer.make_optimizer": Entry(te.make_optimizer, {"name": "gd", "lr": 0.1},
        strings=("name",), reals={"lr": POS, "beta": UNIT}),
    "pages.terrain_explorer.trajectory": Entry(te.trajectory, {"surface": "bowl",
        "optimizer": "momentum", "lr": 0.1, "steps": 3}, strings=("surface", "optimizer"),
        reals={"lr": POS, "beta": UNIT}, ints={"steps": (0,)}, arrays=("start",),
        bad={"start": {"wrong_shape": [1.0, 2.0, 3.0]}}, none_ok=("start",)),
    "pages.terrain_explorer.outcome": Entry(te.outcome, {"surface": "bowl", "point": [1.0, 1.0]},
        strings=("surface",), arrays=("point",), bad={"point": {"wrong_shape": [1.0]}}),
    "pages.terrain_explorer.band_levels": Entry(te.band_levels, {"z": ZS}, arrays=("z",),
        ints={"bands": (0, 1)}),
    "pages.terrain_explorer.explorer_data": Entry(te.explorer_data, {"grid": 5, "check_steps": 2},
        ints={"grid": (0, 1), "check_steps": (0,)}),
    "pages.terrain_explorer.explorer_html": Entry(te.explorer_html, {"data": te.explorer_data(
        grid=5, check_steps=2)}, bad={"data": {"None": None, "str": "abc", "empty": {},
        "list": [1, 2], "no_name": {"surfaces": [{}], "optimizers": []},
        "int_title": {"surfaces": [{"name": "a", "title": 1, "formula": "x"}],
                      "optimizers": []}}}),
}  # fmt: skip
# ``trajectory``'s start may be None (the surface's own start): its valid call gives one.
REGISTRY["pages.terrain_explorer.trajectory"].kwargs["start"] = [1.0, 1.0]
plt.close("all")


def _with(value: Any, where: int, what: Any) -> Any:
    array = np.array(value, dtype=float)
    array.flat[where] = what
    return array


def array_cases(value: Any, empty_ok: bool) -> Iterator[tuple[str, Any]]:
    v = np.asarray(value)
    yield from (("None", None), ("wrong_type", {"a": 1}), ("str", "abc"))
    yield from (("nan", _with(v, 0, np.nan)), ("inf", _with(v, -1, np.inf)))
    for dtype in (bool, complex, object, str):
        yield f"dtype_{dtype.__name__}", v.astype(dtype)
    if not empty_ok:
        yield "empty", np.zeros((0, *v.shape[1:]))


def label_cases(value: Any) -> Iterator[tuple[str, Any]]:
    v = np.asarray(value)
    yield from (
        ("None", None),
        ("wrong_type", {"a": 1}),
        ("empty", []),
        ("nan", _with(v, 0, np.nan)),
    )
    yield from (("2d", v[:, None]), ("dtype_complex", v.astype(complex)),
                ("dtype_object", v.astype(object)), ("fraction", _with(v, 0, 0.5)))  # fmt: skip


def bad_inputs(entry: Entry) -> Iterator[tuple[str, str, Any]]:
    """``(argument, case, value)`` for every bad input of an entry."""
    for name in entry.arrays:
        for case, value in array_cases(entry.kwargs[name], name in entry.empty_ok):
            yield name, case, value
    for name in entry.labels:
        for case, value in label_cases(entry.kwargs[name]):
            yield name, case, value
    for name in entry.callables:
        yield from ((name, "None", None), (name, "not_callable", 3))
    for name in entry.flags:
        yield from ((name, "str", "False"), (name, "int", 1), (name, "None", None))
    for name, out in entry.reals.items():
        yield from ((name, "None", None), (name, "str", "0.1"), (name, "nan", np.nan))
        yield from ((name, "inf", np.inf), (name, "bool", True), (name, "array", np.ones(2)))
        yield from ((name, f"range_{v!r}", v) for v in out)
    for name, out in entry.ints.items():
        yield from ((name, "None", None), (name, "float", 2.5), (name, "str", "3"))
        yield from ((name, "bool", True), *((name, f"range_{v!r}", v) for v in out))
    for name in entry.strings:
        yield from ((name, "None", None), (name, "int", 3), (name, "unknown", "no-such-choice"))
    for a, b in entry.lengths:
        yield a, f"shorter_than_{b}", np.asarray(entry.kwargs[a])[:-1]
    for name, cases in entry.bad.items():
        yield from ((name, case, value) for case, value in cases.items())


# Strings that are free text, not a choice: an unknown value is fine.
FREE_TEXT = {"xlabel", "ylabel", "title", "alt"}
CASES = [
    pytest.param(key, name, case, value, id=f"{key}-{name}-{case}")
    for key, entry in REGISTRY.items()
    for name, case, value in bad_inputs(entry)
    if not (case == "unknown" and name in FREE_TEXT)
    and not (value is None and name in entry.none_ok)
]
INT_OK = [
    pytest.param(key, name, id=f"{key}-{name}")
    for key, entry in REGISTRY.items()
    for name in entry.arrays
    if name in entry.kwargs
    and np.asarray(entry.kwargs[name]).dtype.kind == "f"
    and np.array_equal(np.asarray(entry.kwargs[name]), np.round(entry.kwargs[name]))
]


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def names_argument(name: str, message: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", message) is not None


def test_registry_covers_every_public_name() -> None:
    public = set()
    for family in FAMILIES:
        module = importlib.import_module(f"lossnotes.{family}")
        public |= {f"{family}.{name}" for name in module.__all__}
    listed = set(REGISTRY) | set(EXEMPT)
    assert not public - listed, f"public names missing from the registry: {sorted(public - listed)}"
    assert not listed - public, f"registry names that are not public: {sorted(listed - public)}"
    assert not set(REGISTRY) & set(EXEMPT)


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_valid_call_succeeds(key: str) -> None:
    call(REGISTRY[key])


@pytest.mark.parametrize(("key", "name"), INT_OK)
def test_integer_arrays_are_accepted_as_floats(key: str, name: str) -> None:
    entry = REGISTRY[key]
    call(entry, **{name: np.asarray(entry.kwargs[name]).astype(int)})


@pytest.mark.parametrize(("key", "name", "case", "value"), CASES)
def test_bad_input_is_refused_clearly(key: str, name: str, case: str, value: Any) -> None:
    try:
        call(REGISTRY[key], **{name: value})
    except (TypeError, ValueError) as error:
        message = str(error)
        if type(error).__module__ != "builtins" or "ufunc" in message or "casting" in message:
            pytest.fail(f"raw {type(error).__module__}.{type(error).__name__}: {message}")
        assert names_argument(name, message), f"the message does not name {name!r}: {message}"
    except Exception as error:  # a raw IndexError, LinAlgError, RuntimeWarning...
        pytest.fail(f"{type(error).__name__} instead of TypeError/ValueError: {error}")
    else:
        pytest.fail(f"{key} silently accepted {name}={value!r} ({case})")


# The update functions made by every factory, driven with bad gradients.
FACTORIES = {
    "sgd": lambda: optim.sgd(0.1), "sgd_momentum": lambda: optim.sgd(0.1, momentum=0.9),
    "nesterov": lambda: optim.sgd(0.1, momentum=0.9, nesterov=True), "adam": optim.adam,
    "adamw": optim.adamw, "rmsprop": lambda: optim.rmsprop(momentum=0.5, centered=True),
    "adagrad": lambda: optim.adagrad(lr_decay=0.1),
    "chapter_momentum": lambda: optim.chapter_momentum(0.1, 0.9),
    "trace": lambda: optim.trace(0.9), "scale": lambda: optim.scale(0.5),
    "scale_by_learning_rate": lambda: optim.scale_by_learning_rate(lambda count: 0.1),
    "scale_by_adam": optim.scale_by_adam, "scale_by_rms": optim.scale_by_rms,
    "scale_by_adagrad": optim.scale_by_adagrad,
    "add_decayed_weights": lambda: optim.add_decayed_weights(0.1),
    "chain": lambda: optim.chain(optim.scale_by_adam(), optim.scale(-0.1)),
    "terrain_momentum": lambda: te.make_optimizer("momentum", 0.1),
}  # fmt: skip
PARAMS = np.array([[1.0], [-2.0], [0.5]])
GRAD_CASES = {
    "None": None, "str": "abc", "wrong_shape": np.ones(3), "shorter": np.ones((2, 1)),
    "empty": np.zeros((0, 1)), "nan": _with(PARAMS, 0, np.nan), "inf": _with(PARAMS, 1, np.inf),
    "bool": PARAMS > 0, "complex": PARAMS.astype(complex), "object": PARAMS.astype(object),
}  # fmt: skip


# Without params, a stateless transform (plain sgd, scale) has no shape to compare the
# grads with, and add_decayed_weights needs params (tested below): those cases do not exist.
STATELESS = ("sgd", "scale", "scale_by_learning_rate")
UPDATE_CASES = [
    (factory, case, with_params)
    for factory in sorted(FACTORIES)
    for case in sorted(GRAD_CASES)
    for with_params in (True, False)
    if with_params
    or not (
        factory == "add_decayed_weights"
        or (factory in STATELESS and case in ("wrong_shape", "shorter", "empty"))
    )
]


@pytest.mark.parametrize("factory, case, with_params", UPDATE_CASES)
def test_update_refuses_bad_grads(factory: str, case: str, with_params: bool) -> None:
    opt = FACTORIES[factory]()
    state = opt.init(PARAMS)
    params = PARAMS if with_params else None
    with pytest.raises((TypeError, ValueError), match=r"\bgrads\b"):
        opt.update(GRAD_CASES[case], state, params)


@pytest.mark.parametrize("factory", sorted(FACTORIES))
def test_update_takes_integer_grads_as_floats(factory: str) -> None:
    opt = FACTORIES[factory]()
    as_float, _ = opt.update(np.array([[1.0], [2.0], [-3.0]]), opt.init(PARAMS), PARAMS)
    as_int, _ = opt.update(np.array([[1], [2], [-3]]), opt.init(PARAMS), PARAMS)
    np.testing.assert_array_equal(as_int, as_float)


@pytest.mark.parametrize("factory", sorted(FACTORIES))
def test_update_refuses_a_foreign_state_and_params(factory: str) -> None:
    opt = FACTORIES[factory]()
    with pytest.raises(TypeError, match=r"\bstate\b"):
        opt.update(np.ones((3, 1)), None, PARAMS)
    with pytest.raises((TypeError, ValueError), match=r"\bparams\b"):
        opt.update(np.ones((3, 1)), opt.init(PARAMS), np.ones((3, 1), dtype=complex))
    with pytest.raises((TypeError, ValueError), match=r"\bgrads\b|\bparams\b"):
        opt.update(np.ones((3, 1)), opt.init(PARAMS), np.ones(3))
    with pytest.raises((TypeError, ValueError), match=r"\bparams\b"):
        opt.init("abc")


def test_add_decayed_weights_needs_params() -> None:
    opt = optim.add_decayed_weights(0.1)
    with pytest.raises(ValueError, match=r"\bparams\b"):
        opt.update(np.ones(3), opt.init(np.ones(3)))


WARNS = {
    "roc_auc_score": lambda: metrics.roc_auc_score([1, 1], [0.1, 0.2]),
    "roc_curve": lambda: metrics.roc_curve([1, 1], [0.1, 0.2]),
    "precision_recall_curve": lambda: metrics.precision_recall_curve([0, 0], [0.1, 0.2]),
    "average_precision_score": lambda: metrics.average_precision_score([0, 0], [0.1, 0.2]),
    "pr_auc_trapezoid": lambda: metrics.pr_auc_trapezoid([0, 0], [0.1, 0.2]),
    "precision_score": lambda: metrics.precision_score([0, 1], [0, 0]),
    "f1_score": lambda: metrics.f1_score([0, 0], [0, 0]),
    "r2_score": lambda: metrics.r2_score([1.0], [1.0]),
    "pos_label_ignored": lambda: metrics.recall_score([0, 1], [0, 1], average="macro", pos_label=0),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(WARNS))
def test_warnings_name_the_callers_line(name: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        WARNS[name]()
    assert caught, f"{name} did not warn"
    assert all(w.filename == __file__ for w in caught), [(w.filename, w.lineno) for w in caught]
