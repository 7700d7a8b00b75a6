"""Benchmark: the O(grid) MSE surface of a line vs naive broadcasting over the samples.

Run as ``.venv/bin/python tests/benchmarks/bench_surfaces.py`` (not collected by pytest:
it has no tests). Targets: speed-up >= 100x, max |difference| <= 1e-9.
"""

from __future__ import annotations

import time

import numpy as np

from lossnotes.data import linear_data
from lossnotes.landscape import mse_surface_linear

N_SAMPLES = 100_000
GRID = 201
CHUNK = 25  # slopes per block: 25 x 100,000 doubles = 20 MB of residuals at a time


def naive_surface(x: np.ndarray, y: np.ndarray, ws: np.ndarray, bs: np.ndarray) -> np.ndarray:
    """mean((y - w x - b)**2) by explicit residuals, blocked so memory stays small."""
    Z = np.empty((bs.size, ws.size))
    for j, b in enumerate(bs):
        for start in range(0, ws.size, CHUNK):
            w = ws[start : start + CHUNK, None]
            r = y[None, :] - w * x[None, :] - b
            Z[j, start : start + CHUNK] = np.mean(r * r, axis=1)
    return Z


def best_of(repeats: int, function, *args) -> tuple[float, np.ndarray]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    X, y = linear_data(N_SAMPLES, w=0.8, b=2.0, scale=0.5, seed=0)
    x = X[:, 0]
    ws = np.linspace(-1.0, 3.0, GRID)
    bs = np.linspace(0.0, 4.0, GRID)
    fast_time, fast = best_of(5, mse_surface_linear, x, y, ws, bs)
    naive_time, naive = best_of(1, naive_surface, x, y, ws, bs)
    difference = float(np.max(np.abs(fast - naive)))
    relative = float(np.max(np.abs(fast - naive) / naive))
    print(f"n = {N_SAMPLES:,} samples, grid {GRID} x {GRID}")
    print(f"mse_surface_linear (sufficient statistics): {fast_time * 1e3:9.2f} ms (best of 5)")
    print(f"naive broadcasting over samples:            {naive_time * 1e3:9.2f} ms")
    print(f"speed-up: {naive_time / fast_time:,.0f}x (target >= 100x)")
    print(f"max abs difference: {difference:.3e} (target <= 1e-9); max relative: {relative:.3e}")


if __name__ == "__main__":
    main()
