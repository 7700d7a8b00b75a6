"""The optimizers under PyTorch's names, each a chain of transforms.

>>> from lossnotes.optim import apply_updates
>>> opt = adam(lr=0.1)
>>> params = np.array([1.0, -2.0])
>>> state = opt.init(params)
>>> updates, state = opt.update(2 * params, state, params)  # gradient of ||x||^2
>>> apply_updates(params, updates)  # Adam's first step moves each coordinate by lr
array([ 0.9, -1.9])

The aliases reproduce ``torch.optim`` step for step (same formulas, same defaults);
``chapter_momentum`` is the chapter's own form of momentum.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, check_bool, check_in_range, check_positive
from lossnotes.optim._states import GradientTransformation, VelocityState, chain, transformation
from lossnotes.optim._transforms import (
    add_decayed_weights,
    scale_by_adagrad,
    scale_by_adam,
    scale_by_learning_rate,
    scale_by_rms,
    trace,
)

__all__ = ["sgd", "adagrad", "rmsprop", "adam", "adamw", "chapter_momentum"]


def _decay(weight_decay: float) -> list[GradientTransformation]:
    # torch adds weight_decay * params to the gradient only when weight_decay != 0
    weight_decay = check_in_range("weight_decay", weight_decay, 0.0, np.inf)
    return [add_decayed_weights(weight_decay)] if weight_decay else []


def sgd(
    lr: float,
    momentum: float = 0.0,
    dampening: float = 0.0,
    nesterov: bool = False,
    weight_decay: float = 0.0,
) -> GradientTransformation:
    """Stochastic gradient descent as ``torch.optim.SGD``.

    ``g <- g + weight_decay * theta``; with momentum ``buf <- momentum buf +
    (1 - dampening) g`` (``buf`` starts at the first ``g``) and ``g <- buf``, or
    ``g <- g + momentum buf`` with Nesterov; then ``theta <- theta - lr g``.

    Parameters
    ----------
    lr : float
        Learning rate, > 0.
    momentum : float, default 0
        Momentum factor in [0, 1); 0 is plain gradient descent.
    dampening : float, default 0
        Scales new gradients in the buffer by ``1 - dampening`` (from step 2 on).
    nesterov : bool, default False
        Nesterov momentum (needs ``momentum > 0`` and ``dampening = 0``).
    weight_decay : float, default 0
        L2 penalty, added to the gradient as ``weight_decay * theta``.

    Returns
    -------
    GradientTransformation
        ``init(params) -> state`` and ``update(grads, state, params) -> (updates, state)``.

    Examples
    --------
    >>> opt = sgd(lr=0.1)
    >>> updates, _ = opt.update(np.array([1.0, -2.0]), opt.init(np.zeros(2)), np.zeros(2))
    >>> updates
    array([-0.1,  0.2])
    """
    nesterov = check_bool("nesterov", nesterov)
    lr = check_positive("lr", lr)
    momentum = check_in_range("momentum", momentum, 0.0, 1.0, high_inclusive=False)
    dampening = check_in_range("dampening", dampening, 0.0, 1.0)
    if nesterov and (momentum == 0.0 or dampening != 0.0):
        raise ValueError(
            f"nesterov=True requires momentum > 0 and dampening = 0; got momentum={momentum}, "
            f"dampening={dampening}"
        )
    parts = _decay(weight_decay)
    if momentum or nesterov:
        parts.append(trace(momentum, nesterov=nesterov, dampening=dampening))
    return chain(*parts, scale_by_learning_rate(lr))


def adagrad(
    lr: float = 1e-2,
    lr_decay: float = 0.0,
    weight_decay: float = 0.0,
    initial_accumulator_value: float = 0.0,
    eps: float = 1e-10,
) -> GradientTransformation:
    """AdaGrad as ``torch.optim.Adagrad``.

    ``s <- s + g^2``, ``theta <- theta - lr_t g / (sqrt(s) + eps)`` with
    ``lr_t = lr / (1 + (t - 1) lr_decay)`` at step ``t = 1, 2, ...``.

    Parameters
    ----------
    lr : float, default 1e-2
        Learning rate, > 0.
    lr_decay : float, default 0
        Decay of the learning rate with the step count, >= 0.
    weight_decay : float, default 0
        L2 penalty added to the gradient.
    initial_accumulator_value : float, default 0
        Starting value of the sum of squares, >= 0.
    eps : float, default 1e-10
        Added to the square root, > 0.

    Returns
    -------
    GradientTransformation
        ``init(params) -> state`` and ``update(grads, state, params) -> (updates, state)``.

    Examples
    --------
    >>> opt = adagrad(lr=0.5)
    >>> updates, _ = opt.update(np.array([4.0]), opt.init(np.zeros(1)), np.zeros(1))
    >>> updates  # the first step is lr * sign(g)
    array([-0.5])
    """
    lr = check_in_range("lr", lr, 0.0, np.inf, low_inclusive=False)
    lr_decay = check_in_range("lr_decay", lr_decay, 0.0, np.inf)
    schedule = (lambda count: lr / (1.0 + count * lr_decay)) if lr_decay else lr
    return chain(
        *_decay(weight_decay),
        scale_by_adagrad(initial_accumulator_value, eps),
        scale_by_learning_rate(schedule),
    )


def rmsprop(
    lr: float = 1e-2,
    alpha: float = 0.99,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    momentum: float = 0.0,
    centered: bool = False,
) -> GradientTransformation:
    """RMSprop as ``torch.optim.RMSprop``.

    ``v <- alpha v + (1 - alpha) g^2``, ``d = g / (sqrt(v) + eps)`` (centered:
    ``sqrt(v - mean(g)^2)``); with momentum ``buf <- momentum buf + d``, ``d <- buf``;
    ``theta <- theta - lr d``.

    Parameters
    ----------
    lr : float, default 1e-2
        Learning rate, > 0.
    alpha : float, default 0.99
        Decay of the squared-gradient average, in [0, 1).
    eps : float, default 1e-8
        Added to the square root, > 0.
    weight_decay : float, default 0
        L2 penalty added to the gradient.
    momentum : float, default 0
        Momentum on the scaled step, in [0, 1).
    centered : bool, default False
        Divide by an estimate of the gradient's standard deviation instead of its RMS.

    Returns
    -------
    GradientTransformation
        ``init(params) -> state`` and ``update(grads, state, params) -> (updates, state)``.

    Examples
    --------
    >>> opt = rmsprop(lr=0.01)
    >>> updates, _ = opt.update(np.array([3.0]), opt.init(np.zeros(1)), np.zeros(1))
    >>> updates  # first step: g / sqrt(0.01 g^2) = 10 sign(g), times lr
    array([-0.1])
    """
    centered = check_bool("centered", centered)
    lr = check_positive("lr", lr)
    momentum = check_in_range("momentum", momentum, 0.0, 1.0, high_inclusive=False)
    parts = [*_decay(weight_decay), scale_by_rms(alpha, eps, centered=centered)]
    if momentum:
        # torch's RMSprop buffer starts at zero, and 0 * momentum + d = d: same as trace
        parts.append(trace(momentum))
    return chain(*parts, scale_by_learning_rate(lr))


def adam(
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    bias_correction: bool = True,
) -> GradientTransformation:
    """Adam as ``torch.optim.Adam`` (``weight_decay`` is L2 added to the gradient).

    ``m <- b1 m + (1 - b1) g``, ``v <- b2 v + (1 - b2) g^2``,
    ``theta <- theta - lr m_hat / (sqrt(v_hat) + eps)`` with ``m_hat = m / (1 - b1^t)``,
    ``v_hat = v / (1 - b2^t)``. ``bias_correction=False`` drops the two divisions.

    Parameters
    ----------
    lr : float, default 1e-3
        Learning rate, > 0.
    betas : (float, float), default (0.9, 0.999)
        Decays of the first and second moment averages, each in [0, 1).
    eps : float, default 1e-8
        Added *outside* the square root, after bias correction, > 0.
    weight_decay : float, default 0
        L2 penalty added to the gradient (coupled; see ``adamw()``).
    bias_correction : bool, default True
        ``False`` uses the raw moments (not in torch; for the chapter's exercise).

    Returns
    -------
    GradientTransformation
        ``init(params) -> state`` and ``update(grads, state, params) -> (updates, state)``.

    Examples
    --------
    >>> opt = adam(lr=0.1, bias_correction=False)
    >>> updates, _ = opt.update(np.array([5.0]), opt.init(np.zeros(1)), np.zeros(1))
    >>> updates  # (1 - b1) / sqrt(1 - b2) * lr = 3.16 * lr, not lr
    array([-0.316228])
    """
    bias_correction = check_bool("bias_correction", bias_correction)
    lr = check_positive("lr", lr)
    b1, b2 = _betas(betas)
    return chain(
        *_decay(weight_decay),
        scale_by_adam(b1, b2, eps, bias_correction=bias_correction),
        scale_by_learning_rate(lr),
    )


def adamw(
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 1e-2,
) -> GradientTransformation:
    """AdamW as ``torch.optim.AdamW``: ``theta <- theta (1 - lr wd)``, then the Adam step.

    The decay is *decoupled*: it bypasses the adaptive scaling, so every weight
    shrinks by the same factor whatever its gradient history.

    Parameters
    ----------
    lr, betas, eps : as ``adam()``
    weight_decay : float, default 1e-2
        Decoupled decay rate, >= 0.

    Returns
    -------
    GradientTransformation
        ``init(params) -> state`` and ``update(grads, state, params) -> (updates, state)``.

    Examples
    --------
    >>> from lossnotes.optim import apply_updates
    >>> opt = adamw(lr=0.1, weight_decay=0.5)
    >>> params = np.array([2.0])
    >>> updates, _ = opt.update(np.array([0.0]), opt.init(params), params)
    >>> apply_updates(params, updates)  # zero gradient: only the decay 2 * (1 - 0.05)
    array([1.9])
    """
    lr = check_positive("lr", lr)
    b1, b2 = _betas(betas)
    weight_decay = check_in_range("weight_decay", weight_decay, 0.0, np.inf)
    # -lr * (d + wd theta) = theta (1 - lr wd) - lr d - theta: torch's two steps in one
    return chain(
        scale_by_adam(b1, b2, eps), add_decayed_weights(weight_decay), scale_by_learning_rate(lr)
    )


def chapter_momentum(lr: float, beta: float) -> GradientTransformation:
    """The chapter's momentum: ``v <- beta v - lr g``, ``theta <- theta + v``, ``v_0 = 0``.

    It is torch's ``sgd(lr, momentum=beta)`` in other variables: torch keeps
    ``buf <- beta buf + g`` and steps ``theta <- theta - lr buf``; with ``v = -lr buf``
    both recurrences coincide (``v_1 = -lr g_1``, ``buf_1 = g_1``), so for the same
    ``lr`` and ``beta`` the trajectories are identical.

    Parameters
    ----------
    lr : float
        Step size ``eta``, > 0.
    beta : float
        Momentum coefficient, in [0, 1).

    Returns
    -------
    GradientTransformation
        ``init(params) -> state`` and ``update(grads, state, params) -> (updates, state)``.

    Examples
    --------
    >>> from lossnotes.optim import run
    >>> grad = lambda x: 2 * x
    >>> a = run(chapter_momentum(0.1, 0.9), grad, np.array([1.0]), 5)
    >>> b = run(sgd(0.1, momentum=0.9), grad, np.array([1.0]), 5)
    >>> bool(np.allclose(a, b))
    True
    """
    lr = check_positive("lr", lr)
    beta = check_in_range("beta", beta, 0.0, 1.0, high_inclusive=False)

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        velocity = np.multiply(state.velocity, beta)
        velocity -= lr * grads
        return velocity, VelocityState(velocity)

    return transformation(lambda p: VelocityState(np.zeros_like(p, dtype=np.float64)), update)


def _betas(betas: tuple[float, float]) -> tuple[float, float]:
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise ValueError(f"betas must be a pair (beta1, beta2); got {betas!r}")
    b1 = check_in_range("betas[0]", betas[0], 0.0, 1.0, high_inclusive=False)
    return b1, check_in_range("betas[1]", betas[1], 0.0, 1.0, high_inclusive=False)
