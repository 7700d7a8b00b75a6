"""Optimizers with PyTorch's conventions, built by chaining small pure transforms, and their loops.

Three layers, as in optax:

* **Transforms** (``GradientTransformation``): ``init(params) -> state`` and
  ``update(grads, state, params) -> (updates, state)``, pure functions such as
  ``scale_by_adam()`` or ``trace()``, combined with ``chain()``;
  ``apply_updates()`` adds the updates to the parameters.
* **Aliases** under PyTorch's names (``sgd()``, ``adagrad()``, ``rmsprop()``,
  ``adam()``, ``adamw()``) reproduce ``torch.optim`` step for step, same formulas
  and defaults; ``chapter_momentum()`` is the chapter's own form of momentum.
* **Loops**: ``run()`` records a trajectory on a gradient function, ``train()``
  runs mini-batch epochs on data, ``early_stopping()`` picks the epoch a patience
  rule stops at; ``contraction_rates()`` and the batch-gradient measurements
  compare what they do with the theory.
* **Theory** on a quadratic: ``optimal_step_size()`` and ``optimal_momentum()``, the
  fastest settings as formulas of the Hessian's eigenvalues.

Examples
--------
>>> import numpy as np
>>> path = run(sgd(lr=0.25), lambda x: 2 * x, np.array([1.0]), steps=2)
>>> path[:, 0].tolist()
[1.0, 0.5, 0.25]
"""

from lossnotes.optim._aliases import adagrad, adam, adamw, chapter_momentum, rmsprop, sgd
from lossnotes.optim._diagnostics import (
    batch_variance_theory,
    contraction_rates,
    early_stopping,
    first_divergent,
    mean_over_all_batches,
    per_sample_gradients,
    sampled_batch_variance,
)
from lossnotes.optim._loops import run, run_with_state
from lossnotes.optim._states import (
    AdagradState,
    AdamState,
    EmptyState,
    GradientTransformation,
    RmsState,
    ScheduleState,
    TraceState,
    VelocityState,
    apply_updates,
    chain,
)
from lossnotes.optim._theory import optimal_momentum, optimal_step_size
from lossnotes.optim._train import TrainResult, train
from lossnotes.optim._transforms import (
    add_decayed_weights,
    scale,
    scale_by_adagrad,
    scale_by_adam,
    scale_by_learning_rate,
    scale_by_rms,
    trace,
)

__all__ = [
    "GradientTransformation", "apply_updates", "chain", "scale", "scale_by_learning_rate",
    "trace", "scale_by_adam", "scale_by_rms", "scale_by_adagrad", "add_decayed_weights",
    "AdamState", "AdagradState", "EmptyState", "RmsState", "ScheduleState", "TraceState",
    "VelocityState",
    "sgd", "adagrad", "rmsprop", "adam", "adamw", "chapter_momentum",
    "run", "run_with_state", "train", "TrainResult", "early_stopping",
    "contraction_rates", "first_divergent", "per_sample_gradients", "mean_over_all_batches",
    "sampled_batch_variance", "batch_variance_theory", "optimal_step_size", "optimal_momentum",
]  # fmt: skip
