"""Benchmark: 1,000 Adam steps on a 10^6-parameter quadratic, lossnotes vs a plain loop.

Run: ``.venv/bin/python tests/benchmarks/bench_optim.py``. The plain loop writes the
textbook formulas with fresh arrays at every operation (as most notebooks do); ours is
the composed ``adam`` driven by init / update / apply_updates. Both compute the same
gradient ``h * x``; the final iterates are checked to agree. Target: ours no slower.
"""

from __future__ import annotations

import time

import numpy as np


def plain_adam(x, h, steps, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    m, v = np.zeros_like(x), np.zeros_like(x)
    for t in range(1, steps + 1):
        g = h * x
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        x = x - lr * m_hat / (np.sqrt(v_hat) + eps)
    return x


def lossnotes_adam(x, h, steps, lr=1e-3):
    from lossnotes.optim import adam, apply_updates

    opt = adam(lr)
    state = opt.init(x)
    for _ in range(steps):
        updates, state = opt.update(h * x, state, x)
        x = apply_updates(x, updates)
    return x


def main(n: int = 1_000_000, steps: int = 1000, repeats: int = 3, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    x0 = rng.normal(size=n)
    h = rng.uniform(0.1, 10.0, size=n)  # diagonal curvatures of f(x) = sum h x^2 / 2
    runs = {"plain numpy loop": plain_adam, "lossnotes.optim": lossnotes_adam}
    wall = {name: [] for name in runs}
    cpu = {name: [] for name in runs}
    finals = {}
    for _ in range(repeats):  # interleaved, so a busy machine slows both alike
        for name, fn in runs.items():
            w, c = time.perf_counter(), time.process_time()
            finals[name] = fn(x0, h, steps)
            wall[name].append(time.perf_counter() - w)
            cpu[name].append(time.process_time() - c)
    np.testing.assert_allclose(*finals.values(), rtol=1e-9, atol=1e-12)
    print(f"Adam, {n:,} parameters, {steps:,} steps, median of {repeats} interleaved runs")
    for name in runs:
        w, c = np.median(wall[name]), np.median(cpu[name])
        print(f"{name:<18}: wall {w:6.2f} s ({w / steps * 1e3:5.2f} ms/step), cpu {c:6.2f} s")
    ratio_wall = np.median(wall["lossnotes.optim"]) / np.median(wall["plain numpy loop"])
    ratio_cpu = np.median(cpu["lossnotes.optim"]) / np.median(cpu["plain numpy loop"])
    print(f"ratio ours/plain  : wall {ratio_wall:.2f}, cpu {ratio_cpu:.2f}")


if __name__ == "__main__":
    main()
